package vn.schoolguard.internal.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import vn.schoolguard.internal.config.ConfigReader;

/**
 * Which socket peers are reverse proxies whose forwarding header is believed, and which header that is.
 *
 * @param trusted the proxies' address blocks; empty means forwarding headers are never used
 * @param header  the one header the proxies write ({@code proxies.header}); the other is never used
 */
public record ProxySettings(List<Cidr> trusted, ForwardingHeader header) {

    /** The forwarding header the trusted proxies set; a client can send either, so only one is read. */
    public enum ForwardingHeader {
        /** {@code X-Forwarded-For: client, proxy1, proxy2} (nginx, HAProxy, most load balancers). */
        X_FORWARDED_FOR("X-Forwarded-For"),
        /** {@code Forwarded: for=client, for=proxy1} (RFC 7239). */
        FORWARDED("Forwarded");

        private final String headerName;

        ForwardingHeader(String headerName) {
            this.headerName = headerName;
        }

        public String headerName() {
            return headerName;
        }
    }

    public ProxySettings {
        trusted = List.copyOf(trusted);
        header = Objects.requireNonNullElse(header, ForwardingHeader.X_FORWARDED_FOR);
    }

    /** Trusted blocks sending {@code X-Forwarded-For}, the default header. */
    public ProxySettings(List<Cidr> trusted) {
        this(trusted, ForwardingHeader.X_FORWARDED_FOR);
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
        String header = reader.choice("proxies.header", "x-forwarded-for", "x-forwarded-for", "forwarded");
        return new ProxySettings(blocks, header.equals("forwarded") ? ForwardingHeader.FORWARDED : ForwardingHeader.X_FORWARDED_FOR);
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
