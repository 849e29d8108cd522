package vn.schoolguard.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.schoolguard.internal.net.Cidr;
import vn.schoolguard.internal.net.ClientAddress;
import vn.schoolguard.internal.net.ProxySettings;
import vn.schoolguard.internal.net.ProxySettings.ForwardingHeader;

/** The resolver against the case table in {@code net/client-address-cases.tsv}; over-HTTP cases are in ForwardedClientTest. */
class ClientAddressResolverTest {

    static final int PEER_PORT = 40001;

    /** A request carrying only what the resolver reads; header names as given, each line a separate value. */
    static HttpServletRequest request(String peer, int port, Map<String, List<String>> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> peer;
                    case "getRemotePort" -> port;
                    case "getHeaders" -> headers.containsKey((String) args[0])
                            ? Collections.enumeration(headers.get((String) args[0])) : Collections.emptyEnumeration();
                    default -> null;
                });
    }

    static ClientAddressResolver resolver(String trusted, String mode) {
        List<Cidr> blocks = trusted.equals("-") ? List.of()
                : Arrays.stream(trusted.split(",")).map(b -> Cidr.parse(b).orElseThrow()).toList();
        return new ClientAddressResolver(new ProxySettings(blocks,
                mode.equals("forwarded") ? ForwardingHeader.FORWARDED : ForwardingHeader.X_FORWARDED_FOR));
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> all = new ArrayList<>();
        try (InputStream in = ClientAddressResolverTest.class.getResourceAsStream("/net/client-address-cases.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                all.add(Arguments.of(c[0], c[1], c[2], c[3], c[4], c[5], Integer.parseInt(c[6]), Boolean.parseBoolean(c[7])));
            }
        }
        return all.stream();
    }

    static Map<String, List<String>> headers(String spec) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (!spec.equals("-")) {
            for (String line : spec.split(" \\|\\| ")) {
                int colon = line.indexOf(':');
                headers.computeIfAbsent(line.substring(0, colon), k -> new ArrayList<>()).add(line.substring(colon + 1).stripLeading());
            }
        }
        return headers;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resolvesTheClientOfEveryCase(String name, String peer, String trusted, String mode, String headerSpec,
                                      String ip, int port, boolean malformed) {
        Map<String, List<String>> headers = headers(headerSpec);
        ClientAddress address = resolver(trusted, mode).resolve(request(peer, PEER_PORT, headers));
        assertThat(address.ip()).as("ip").isEqualTo(ip);
        assertThat(address.port()).as("port").isEqualTo(port);
        assertThat(address.malformed()).as("malformed").isEqualTo(malformed);
        assertThat(address.peerPort()).isEqualTo(PEER_PORT);
        if (!headers.isEmpty()) {
            assertThat(address.forwardedChain()).as("both headers are kept verbatim as evidence")
                    .contains(headers.values().iterator().next().get(0));
        }
        if (address.forwarded()) {
            assertThat(address.isLocalSocketPeer()).as("a forwarded address never counts as this machine").isFalse();
        }
    }

    @Test
    void regressionForwardedLoopbackAddressIsNotTheLocalSocketPeer() {
        ClientAddress forwarded = resolver("127.0.0.1", "xff").resolve(request("127.0.0.1", PEER_PORT,
                Map.of("X-Forwarded-For", List.of("127.0.0.1"))));
        assertThat(forwarded.ip()).isEqualTo("127.0.0.1");
        assertThat(forwarded.isLocalSocketPeer()).isFalse();
        ClientAddress unknown = resolver("127.0.0.1", "forwarded").resolve(request("127.0.0.1", PEER_PORT,
                Map.of("Forwarded", List.of("for=unknown"))));
        assertThat(unknown.isLocalSocketPeer()).isFalse();
        ClientAddress local = resolver("-", "xff").resolve(request("127.0.0.1", PEER_PORT,
                Map.of("X-Forwarded-For", List.of("198.51.100.7"))));
        assertThat(local.isLocalSocketPeer()).as("an untrusted loopback peer is the machine itself").isTrue();
        assertThat(resolver("-", "xff").resolve(request("::1", PEER_PORT, Map.of())).isLocalSocketPeer()).isTrue();
    }
}
