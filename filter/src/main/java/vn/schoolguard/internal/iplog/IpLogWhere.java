package vn.schoolguard.internal.iplog;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns search criteria into the condition of an SQL query over {@code sg_iplog}: fixed SQL text with a {@code ?}
 * for every value, and the values in order. Always scoped to one site.
 */
// Security-critical: no searched value may ever reach the SQL text; every one is a bound argument.
public final class IpLogWhere {

    /**
     * A condition ready to bind.
     *
     * @param siteKey the site it is scoped to (also the first argument)
     * @param sql  the text after {@code WHERE}, with one {@code ?} per argument
     * @param args the arguments in order (strings, numbers, {@link java.time.OffsetDateTime}s)
     */
    public record Condition(String siteKey, String sql, List<Object> args) {

        public Condition {
            args = List.copyOf(args);
        }
    }

    private IpLogWhere() {
    }

    /** Every entry of a site. */
    public static Condition site(String siteKey) {
        return of(siteKey, IpLogCriteria.ALL);
    }

    /** The entries of a site that match {@code q}. */
    public static Condition of(String siteKey, IpLogCriteria q) {
        StringBuilder sql = new StringBuilder("site_key = ?");
        List<Object> args = new ArrayList<>();
        args.add(siteKey);
        q.ipHex().ifPresent(hex -> add(sql, args, " AND client_ip_hex = ?", hex));
        q.cidrRange().ifPresent(range -> add(sql, args, " AND client_ip_hex BETWEEN ? AND ?", range[0], range[1]));
        q.port().ifPresent(port -> add(sql, args, " AND client_port = ?", port));
        q.from().ifPresent(from -> add(sql, args, " AND logged_at >= ?", from.atOffset(ZoneOffset.UTC)));
        q.to().ifPresent(to -> add(sql, args, " AND logged_at < ?", to.atOffset(ZoneOffset.UTC)));
        q.submissionId().ifPresent(id -> add(sql, args, " AND submission_id = ?", id));
        q.receipt().ifPresent(receipt -> add(sql, args, " AND receipt = ?", receipt.trim().toUpperCase(Locale.ROOT)));
        q.route().ifPresent(route -> add(sql, args, " AND route = ?", route));
        q.user().ifPresent(user -> add(sql, args, " AND poster_user = ?", user));
        q.outcome().ifPresent(outcome -> add(sql, args, " AND outcome = ?", outcome.key()));
        q.text().ifPresent(text -> {
            // The searcher's own wildcards are dropped: a text search is a plain "contains".
            String like = "%" + text.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
            add(sql, args, " AND (LOWER(user_agent) LIKE ? OR LOWER(path) LIKE ? OR LOWER(detail) LIKE ?)", like, like, like);
        });
        return new Condition(siteKey, sql.toString(), args);
    }

    private static void add(StringBuilder sql, List<Object> args, String clause, Object... values) {
        sql.append(clause);
        args.addAll(List.of(values));
    }
}
