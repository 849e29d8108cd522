package vn.schoolguard.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses IP address literals without ever touching DNS. */
public final class IpLiteral {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IpLiteral() {
    }

    /** The address bytes (4 or 16), or empty when the text is not an IP literal. */
    public static Optional<byte[]> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        var v4 = IPV4.matcher(s);
        if (v4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(v4.group(i + 1));
                if (octet > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) octet;
            }
            return Optional.of(bytes);
        }
        // Only a string made of hex digits, colons and dots reaches InetAddress, so no lookup can happen.
        if (s.indexOf(':') >= 0 && IPV6.matcher(s).matches()) {
            try {
                return Optional.of(InetAddress.getByName(s).getAddress());
            } catch (UnknownHostException | SecurityException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The canonical text of an address literal (lower-case, compressed IPv6), or empty. */
    public static Optional<String> canonical(String text) {
        return parse(text).map(IpLiteral::format);
    }

    /** The address as 32 lower-case hex digits, IPv4 mapped into IPv6 ({@code ::ffff:a.b.c.d}), so blocks sort as ranges. */
    public static Optional<String> hex(String text) {
        return parse(text).map(IpLiteral::hex);
    }

    static String hex(byte[] address) {
        byte[] v6 = new byte[16];
        if (address.length == 4) {
            v6[10] = (byte) 0xFF;
            v6[11] = (byte) 0xFF;
            System.arraycopy(address, 0, v6, 12, 4);
        } else {
            System.arraycopy(address, 0, v6, 0, 16);
        }
        StringBuilder out = new StringBuilder(32);
        for (byte b : v6) {
            out.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return out.toString();
    }

    static String format(byte[] bytes) {
        try {
            return InetAddress.getByAddress(unmapIpv4(bytes)).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code ::ffff:a.b.c.d} as the 4 bytes of {@code a.b.c.d}; anything else unchanged. */
    static byte[] unmapIpv4(byte[] address) {
        if (address.length != 16) {
            return address;
        }
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return address;
            }
        }
        if (address[10] != (byte) 0xFF || address[11] != (byte) 0xFF) {
            return address;
        }
        return new byte[] {address[12], address[13], address[14], address[15]};
    }
}
