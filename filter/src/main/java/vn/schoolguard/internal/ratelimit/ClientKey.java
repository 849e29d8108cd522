package vn.schoolguard.internal.ratelimit;

import java.util.Optional;

import vn.schoolguard.internal.net.Cidr;
import vn.schoolguard.internal.net.IpLiteral;

/**
 * The key a client's submissions are counted under: an IPv4 address as it is, an IPv6 address as its
 * network prefix ({@code /64} by default), because one home or phone line gets a whole /64 and a bot can
 * rotate through it freely.
 */
public final class ClientKey {

    private ClientKey() {
    }

    /**
     * The network of a resolved client address: its IPv4 /24 or IPv6 /48 (the block a provider hands to one
     * customer or a hosting pool), e.g. {@code 203.0.113.0/24}.
     */
    public static String network(String address) {
        Optional<byte[]> parsed = IpLiteral.parse(address);
        if (parsed.isEmpty()) {
            return address;
        }
        boolean v4 = parsed.get().length == 4 || IpLiteral.canonical(address).map(c -> c.indexOf(':') < 0).orElse(false);
        String literal = v4 ? IpLiteral.canonical(address).orElse(address) : address;
        return Cidr.parse(literal + (v4 ? "/24" : "/48")).map(Cidr::toString).orElse(address);
    }

    /**
     * The key of a resolved client address, e.g. {@code 203.0.113.7} or {@code 2001:db8:1:2:0:0:0:0/64}.
     * IPv4-mapped IPv6 counts as IPv4.
     */
    public static String of(String address, int ipv6Prefix) {
        if (address.indexOf(':') < 0) {
            // The resolver hands over canonical literals, so an IPv4 address is its own key (the common, cheap case).
            return address;
        }
        Optional<byte[]> parsed = IpLiteral.parse(address);
        if (parsed.isEmpty()) {
            return address;
        }
        if (parsed.get().length == 4) {
            return IpLiteral.canonical(address).orElse(address);
        }
        Optional<String> canonical = IpLiteral.canonical(address);
        if (canonical.isPresent() && canonical.get().indexOf(':') < 0) {
            return canonical.get();
        }
        return Cidr.parse(address + "/" + ipv6Prefix).map(Cidr::toString).orElse(address);
    }
}
