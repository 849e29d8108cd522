package vn.schoolguard.internal.net;

import java.util.Arrays;
import java.util.Optional;

/** An IPv4 or IPv6 address block such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}; a bare address is a /32 or /128. */
public final class Cidr {

    private final byte[] network;
    private final int prefix;
    private final String text;

    private Cidr(byte[] network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    /** Parses a block; empty when the text is not a literal address with an optional prefix length. */
    public static Optional<Cidr> parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        Optional<byte[]> bytes = IpLiteral.parse(address);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        int max = bytes.get().length * 8;
        int prefix = max;
        if (slash >= 0) {
            prefix = prefixLength(trimmed.substring(slash + 1));
            if (prefix < 0 || prefix > max) {
                return Optional.empty();
            }
        }
        byte[] network = mask(bytes.get(), prefix);
        return Optional.of(new Cidr(network, prefix, format(network, prefix)));
    }

    /**
     * A prefix length written as plain ASCII decimal without sign or leading zero, or -1. (Integer.parseInt would also
     * take {@code +8}, {@code 08} and other scripts' digits, so a block could be written in ways no reviewer reads.)
     */
    private static int prefixLength(String text) {
        if (text.isEmpty() || text.length() > 3 || (text.length() > 1 && text.charAt(0) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Whether an address (as raw bytes; IPv4-mapped IPv6 counts as IPv4) lies in this block. */
    public boolean contains(byte[] address) {
        byte[] candidate = IpLiteral.unmapIpv4(address);
        if (candidate.length != network.length) {
            return false;
        }
        return Arrays.equals(mask(candidate, prefix), network);
    }

    /** Whether a textual address lies in this block; false for anything that is not an IP literal. */
    public boolean contains(String address) {
        return IpLiteral.parse(address).map(this::contains).orElse(false);
    }

    /** The lowest and highest address of the block, as {@link IpLiteral#hex} strings. */
    public String[] hexRange() {
        byte[] low = network.clone();
        byte[] high = network.clone();
        for (int i = 0; i < high.length; i++) {
            int bits = Math.max(0, Math.min(8, prefix - i * 8));
            high[i] |= (byte) (0xFF >>> bits);
        }
        return new String[] {IpLiteral.hex(low), IpLiteral.hex(high)};
    }

    public int prefixLength() {
        return prefix;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int bits = Math.max(0, Math.min(8, prefix - i * 8));
            masked[i] &= (byte) (0xFF << (8 - bits));
        }
        return masked;
    }

    private static String format(byte[] network, int prefix) {
        return IpLiteral.formatExact(network) + "/" + prefix;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + prefix;
    }

    @Override
    public String toString() {
        return text;
    }
}
