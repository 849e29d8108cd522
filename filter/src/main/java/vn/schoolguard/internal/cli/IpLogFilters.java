package vn.schoolguard.internal.cli;

import java.util.HashMap;
import java.util.Map;

import picocli.CommandLine.Option;

import vn.schoolguard.internal.iplog.IpLogQuery;

/**
 * The search options of {@code iplog query} and {@code iplog export}, handed to {@link IpLogQuery#parse} under the
 * REST API's parameter names, so the command line and the API search alike.
 */
final class IpLogFilters {

    @Option(names = "--ip", description = "Client address.") String ip;
    @Option(names = "--cidr", description = "Client address block, e.g. 113.160.0.0/11.") String cidr;
    @Option(names = "--port", description = "Client source port.") String port;
    @Option(names = "--from", description = "From (2026-11-01 in Vietnam time, or an ISO instant).") String from;
    @Option(names = "--to", description = "Until, exclusive.") String to;
    @Option(names = "--submission", description = "Submission id.") String submission;
    @Option(names = "--receipt", description = "Receipt code.") String receipt;
    @Option(names = "--route", description = "Route name.") String route;
    @Option(names = "--app-user", description = "The application user who posted.") String user;
    @Option(names = "--outcome", description = "held, spam, bypassed, refused, rate-limited or blocked.") String outcome;
    @Option(names = "--text", description = "Text in the user agent, path or detail.") String text;

    /** The search, with {@code limit} entries a page (null: the default). */
    IpLogQuery query(Integer limit) throws IpLogQuery.BadQuery {
        // The REST API's parameter names, so both search alike.
        String[][] named = {{"ip", ip}, {"cidr", cidr}, {"port", port}, {"from", from}, {"to", to},
            {"submission", submission}, {"receipt", receipt}, {"route", route}, {"user", user}, {"outcome", outcome},
            {"q", text}, {"limit", limit == null ? null : String.valueOf(limit)}};
        Map<String, String> parameters = new HashMap<>();
        for (String[] pair : named) {
            parameters.put(pair[0], pair[1]);
        }
        return IpLogQuery.parse(parameters::get);
    }
}
