package vn.schoolguard.internal.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import vn.schoolguard.internal.moderation.Status;
import vn.schoolguard.internal.moderation.SubmissionQuery;

/**
 * The WHERE clause and ORDER BY of a queue search. The SQL is built from fixed fragments only; every value the
 * moderator typed travels as a parameter, and text searches match it literally.
 *
 * @param sql   the condition, without the word WHERE
 * @param args  its parameters, in order
 * @param order the ORDER BY list
 */
record SubmissionWhere(String sql, List<Object> args, String order) {

    SubmissionWhere {
        args = List.copyOf(args);
    }

    // Security-critical: moderator input reaches the database here; it must never become SQL text.
    static SubmissionWhere of(String siteKey, SubmissionQuery q) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder("site_key = ?");
        args.add(siteKey);
        q.status().ifPresent(status -> {
            where.append(" AND status = ?");
            args.add(status.key());
        });
        q.route().ifPresent(route -> {
            where.append(" AND route = ?");
            args.add(route);
        });
        q.from().ifPresent(from -> {
            where.append(" AND received_at >= ?");
            args.add(Jdbc.time(from));
        });
        q.to().ifPresent(to -> {
            where.append(" AND received_at < ?");
            args.add(Jdbc.time(to));
        });
        q.text().ifPresent(text -> {
            where.append(" AND search_text LIKE ? ESCAPE '\\'");
            args.add(Like.containing(text.toLowerCase(Locale.ROOT)));
        });
        q.clientIp().ifPresent(ip -> {
            where.append(" AND client_ip = ?");
            args.add(ip);
        });
        q.reason().ifPresent(rule -> {
            where.append(" AND reasons_json LIKE ? ESCAPE '\\'");
            args.add("%\"rule\":\"" + Like.escape(rule) + "\"%");
        });
        // Pending work is read oldest first, like a queue; everything else newest first.
        String order = q.status().filter(s -> s == Status.PENDING).isPresent()
                ? "received_at ASC, id ASC" : "received_at DESC, id DESC";
        return new SubmissionWhere(where.toString(), args, order);
    }
}
