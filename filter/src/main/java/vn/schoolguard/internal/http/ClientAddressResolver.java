package vn.schoolguard.internal.http;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import vn.schoolguard.internal.net.ClientAddress;
import vn.schoolguard.internal.net.ClientAddresses;
import vn.schoolguard.internal.net.ProxySettings;

/**
 * Finds a request's client address and source port ({@link ClientAddresses}) from its socket peer and its
 * {@code Forwarded} and {@code X-Forwarded-For} header lines. Thread-safe.
 */
// Security-critical: the client address is evidence for investigators and the key of limits and blocks.
public final class ClientAddressResolver {

    private final ClientAddresses addresses;

    public ClientAddressResolver(ProxySettings proxies) {
        this.addresses = new ClientAddresses(proxies);
    }

    public ClientAddress resolve(HttpServletRequest request) {
        return addresses.resolve(request.getRemoteAddr(), request.getRemotePort(), lines(request, "Forwarded"),
                lines(request, "X-Forwarded-For"));
    }

    private static List<String> lines(HttpServletRequest request, String name) {
        var values = request.getHeaders(name);
        List<String> all = new ArrayList<>();
        if (values != null) {
            values.asIterator().forEachRemaining(all::add);
        }
        return all;
    }
}
