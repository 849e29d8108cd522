package vn.schoolguard.internal.iplog;

import vn.schoolguard.internal.db.SearchText;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import vn.schoolguard.internal.net.Cidr;
import vn.schoolguard.internal.net.IpLiteral;

/**
 * A search of the IP log: what to match, which page, and the parameters as given (for the audit and the proof).
 * Build it from request or command-line parameters with {@link #parse}, which explains every bad parameter.
 *
 * @param criteria    what to match
 * @param limit       page size
 * @param offset      entries to skip
 * @param description the non-blank search parameters as given, by name
 */
public record IpLogQuery(IpLogCriteria criteria, int limit, int offset, Map<String, String> description) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    /** A bad search parameter: the message says which and what is expected. */
    public static final class BadQuery extends Exception {
        private static final long serialVersionUID = 1L;

        BadQuery(String message) {
            super(message);
        }
    }

    /** Parses {@code ip, cidr, port, from, to, submission, receipt, route, user, outcome, q, limit, offset}. */
    public static IpLogQuery parse(Function<String, String> parameter) throws BadQuery {
        Map<String, String> description = new LinkedHashMap<>();
        for (String name : new String[] {"ip", "cidr", "port", "from", "to", "submission", "receipt", "route", "user", "outcome", "q"}) {
            String value = parameter.apply(name);
            String problem = SearchText.problem(name, value);
            if (problem != null) {
                throw new BadQuery(problem);
            }
            if (value != null && !value.isBlank()) {
                description.put(name, value.trim());
            }
        }
        Optional<String> ipHex = Optional.empty();
        if (description.containsKey("ip")) {
            ipHex = Optional.of(IpLiteral.hex(description.get("ip"))
                    .orElseThrow(() -> new BadQuery("ip must be an IPv4 or IPv6 address; got '" + description.get("ip") + "'")));
        }
        Optional<String[]> range = Optional.empty();
        if (description.containsKey("cidr")) {
            range = Optional.of(Cidr.parse(description.get("cidr"))
                    .orElseThrow(() -> new BadQuery("cidr must be a block such as 113.160.0.0/11 or 2001:ee0::/32; got '"
                            + description.get("cidr") + "'")).hexRange());
        }
        Optional<Integer> port = Optional.empty();
        if (description.containsKey("port")) {
            port = Optional.of(number(description.get("port"), "port", 0, 65535));
        }
        Optional<Long> submission = Optional.empty();
        if (description.containsKey("submission")) {
            try {
                submission = Optional.of(Long.parseLong(description.get("submission")));
            } catch (NumberFormatException e) {
                throw new BadQuery("submission must be a submission id (a whole number); got '" + description.get("submission") + "'");
            }
        }
        Optional<Outcome> outcome = Optional.empty();
        if (description.containsKey("outcome")) {
            outcome = Optional.of(Outcome.parse(description.get("outcome")).orElseThrow(() -> new BadQuery(
                    "outcome must be one of held, spam, bypassed, refused, rate-limited, blocked; got '" + description.get("outcome") + "'")));
        }
        Optional<Instant> from = instant(description.get("from"), "from");
        Optional<Instant> to = instant(description.get("to"), "to");
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new BadQuery("from must be before to");
        }
        int limit = parameter.apply("limit") == null ? DEFAULT_LIMIT : number(parameter.apply("limit"), "limit", 1, Integer.MAX_VALUE);
        int offset = parameter.apply("offset") == null ? 0 : number(parameter.apply("offset"), "offset", 0, Integer.MAX_VALUE);
        IpLogCriteria criteria = new IpLogCriteria(ipHex, range, port, from, to, submission,
                Optional.ofNullable(description.get("receipt")), Optional.ofNullable(description.get("route")),
                Optional.ofNullable(description.get("user")), outcome, Optional.ofNullable(description.get("q")));
        return new IpLogQuery(criteria, Math.min(limit, MAX_LIMIT), offset, Map.copyOf(description));
    }

    /** The same search without paging (for exports, which stream every match). */
    public IpLogQuery unpaged() {
        return new IpLogQuery(criteria, Integer.MAX_VALUE, 0, description);
    }

    private static int number(String text, String name, int min, int max) throws BadQuery {
        try {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadQuery(name + " must be a whole number from " + min + (max == Integer.MAX_VALUE ? "" : " to " + max)
                    + "; got '" + text + "'");
        }
    }

    private static Optional<Instant> instant(String text, String name) throws BadQuery {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toInstant());
            } catch (DateTimeParseException e2) {
                throw new BadQuery(name + " must be a date (2026-11-25, in Vietnam time) or an ISO-8601 instant"
                        + " (2026-11-25T08:00:00Z); got '" + text + "'");
            }
        }
    }
}
