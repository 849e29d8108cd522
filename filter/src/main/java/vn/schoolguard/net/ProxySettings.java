package vn.schoolguard.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.schoolguard.config.ConfigReader;

/**
 * Which socket peers are reverse proxies whose forwarding headers are believed.
 *
 * @param trusted the proxies' address blocks; empty means forwarding headers are never used
 */
public record ProxySettings(List<Cidr> trusted) {

    public ProxySettings {
        trusted = List.copyOf(trusted);
    }

    public static ProxySettings read(ConfigReader reader) {
        List<Cidr> blocks = new ArrayList<>();
        for (String item : reader.list("proxies.trusted", List.of())) {
            Optional<Cidr> cidr = Cidr.parse(item);
            if (cidr.isPresent()) {
                blocks.add(cidr.get());
            } else {
                reader.problem("proxies.trusted", item, "IP addresses or CIDR blocks such as 10.0.0.0/8 or 2001:db8::/32, separated by commas");
            }
        }
        return new ProxySettings(blocks);
    }

    /** Whether forwarding headers from this peer are believed. */
    public boolean isTrusted(String peerAddress) {
        if (trusted.isEmpty()) {
            return false;
        }
        Optional<byte[]> bytes = IpLiteral.parse(peerAddress);
        return bytes.isPresent() && trusted.stream().anyMatch(c -> c.contains(bytes.get()));
    }
}
