package vn.schoolguard.internal.cli;

import java.util.HashMap;
import java.util.Map;

import picocli.CommandLine.Option;

import vn.schoolguard.internal.iplog.IpLogQuery;

/**
 * The search options of {@code iplog query} and {@code iplog export}. Each option sets the search parameter of
 * {@link IpLogQuery#parse} it is declared with, so the command line and the REST API search alike.
 */
final class IpLogFilters {

    private final Map<String, String> parameters = new HashMap<>();

    @Option(names = "--ip", description = "Client address.")
    void ip(String value) {
        parameters.put("ip", value);
    }

    @Option(names = "--cidr", description = "Client address block, e.g. 113.160.0.0/11.")
    void cidr(String value) {
        parameters.put("cidr", value);
    }

    @Option(names = "--port", description = "Client source port.")
    void port(String value) {
        parameters.put("port", value);
    }

    @Option(names = "--from", description = "From (2026-11-01 in Vietnam time, or an ISO instant).")
    void from(String value) {
        parameters.put("from", value);
    }

    @Option(names = "--to", description = "Until, exclusive.")
    void to(String value) {
        parameters.put("to", value);
    }

    @Option(names = "--submission", description = "Submission id.")
    void submission(String value) {
        parameters.put("submission", value);
    }

    @Option(names = "--receipt", description = "Receipt code.")
    void receipt(String value) {
        parameters.put("receipt", value);
    }

    @Option(names = "--route", description = "Route name.")
    void route(String value) {
        parameters.put("route", value);
    }

    @Option(names = "--app-user", description = "The application user who posted.")
    void user(String value) {
        parameters.put("user", value);
    }

    @Option(names = "--outcome", description = "held, spam, bypassed, refused, rate-limited or blocked.")
    void outcome(String value) {
        parameters.put("outcome", value);
    }

    @Option(names = "--text", description = "Text in the user agent, path or detail.")
    void text(String value) {
        parameters.put("q", value);
    }

    /** The search, with {@code limit} entries a page (null: the default). */
    IpLogQuery query(Integer limit) throws IpLogQuery.BadQuery {
        Map<String, String> p = new HashMap<>(parameters);
        p.put("limit", limit == null ? null : String.valueOf(limit));
        return IpLogQuery.parse(p::get);
    }
}
