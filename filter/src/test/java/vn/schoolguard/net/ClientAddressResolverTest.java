package vn.schoolguard.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

class ClientAddressResolverTest {

    static HttpServletRequest request(String peer, int port, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> peer;
                    case "getRemotePort" -> port;
                    case "getHeaders" -> headers.containsKey((String) args[0])
                            ? Collections.enumeration(List.of(headers.get((String) args[0]))) : Collections.emptyEnumeration();
                    default -> null;
                });
    }

    static ClientAddressResolver trusting(String... blocks) {
        return new ClientAddressResolver(new ProxySettings(java.util.Arrays.stream(blocks).map(b -> Cidr.parse(b).orElseThrow()).toList()));
    }

    @Test
    void spoofedForwardedForFromAnUntrustedPeerIsRecordedButNotBelieved() {
        ClientAddress address = trusting().resolve(request("203.0.113.9", 40001, Map.of("X-Forwarded-For", "1.2.3.4")));
        assertThat(address.ip()).isEqualTo("203.0.113.9");
        assertThat(address.port()).isEqualTo(40001);
        assertThat(address.forwardedChain()).isEqualTo("X-Forwarded-For: 1.2.3.4");
    }

    @Test
    void chainIsWalkedRightToLeftThroughTrustedProxiesOnly() {
        ClientAddress address = trusting("10.0.0.0/8").resolve(request("10.0.0.2", 5000,
                Map.of("X-Forwarded-For", "6.6.6.6, 198.51.100.7, 10.0.0.5")));
        assertThat(address.ip()).isEqualTo("198.51.100.7");
        assertThat(address.port()).isEqualTo(-1);
        assertThat(address.peerIp()).isEqualTo("10.0.0.2");
        assertThat(address.peerPort()).isEqualTo(5000);
    }

    @Test
    void forwardedHeaderGivesIpv6AddressAndPort() {
        ClientAddress address = trusting("127.0.0.1").resolve(request("127.0.0.1", 5000,
                Map.of("Forwarded", "for=\"[2001:DB8::17]:4711\";proto=https")));
        assertThat(address.ip()).isEqualTo("2001:db8:0:0:0:0:0:17");
        assertThat(address.port()).isEqualTo(4711);
    }

    @Test
    void malformedEntryIsFlaggedAndNeverUsedAsTheClient() {
        ClientAddress address = trusting("10.0.0.0/8").resolve(request("10.0.0.2", 5000,
                Map.of("X-Forwarded-For", "<script>, 10.0.0.9")));
        assertThat(address.malformed()).isTrue();
        assertThat(address.ip()).isEqualTo("10.0.0.9");
        assertThat(address.forwardedChain()).contains("<script>");
    }

    @Test
    void cidrBlocksMatchIpv4Ipv6AndMappedAddresses() {
        assertThat(Cidr.parse("192.168.0.0/16").orElseThrow().contains("192.168.44.1")).isTrue();
        assertThat(Cidr.parse("192.168.0.0/16").orElseThrow().contains("::ffff:192.168.44.1")).isTrue();
        assertThat(Cidr.parse("192.168.0.0/16").orElseThrow().contains("192.169.0.1")).isFalse();
        assertThat(Cidr.parse("2001:db8::/32").orElseThrow().contains("2001:db8:ffff::1")).isTrue();
        assertThat(Cidr.parse("2001:db8::/32").orElseThrow().contains("example.com")).isFalse();
        assertThat(Cidr.parse("10.0.0.0/33")).isEmpty();
        assertThat(Cidr.parse("not-an-ip")).isEmpty();
    }
}
