package vn.schoolguard.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;

import vn.schoolguard.internal.db.Json;
import vn.schoolguard.internal.db.Page;
import vn.schoolguard.internal.moderation.Posted;
import vn.schoolguard.internal.moderation.Poster;
import vn.schoolguard.internal.moderation.Publication;
import vn.schoolguard.internal.moderation.Review;
import vn.schoolguard.internal.moderation.Scoring;
import vn.schoolguard.internal.moderation.Status;
import vn.schoolguard.internal.moderation.Submission;
import vn.schoolguard.internal.spam.Reason;
import vn.schoolguard.internal.spam.Verdict;

/** Submissions to and from rows of sg_submissions: the insert, the column list and the mapping back. */
final class SubmissionRows {

    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() { };
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() { };

    static final String COLUMNS = "id, site_key, receipt, route, method, path, query_string, content_type,"
            + " headers_json, fields_json, raw_fields_json, removed_json, client_ip, client_port, peer_ip, peer_port,"
            + " forwarded_chain, user_agent, poster_user, received_at, status, verdict, score, reasons_json, fingerprint,"
            + " decided_at, decided_by, decision_reason, replay_status, replay_error, replay_attempts, version,"
            + " query_fields_json, raw_query_json, dropped_json, sent_at, seen_path, seen_at";

    static final String INSERT = "INSERT INTO sg_submissions (site_key, receipt, route, method, path, query_string,"
            + " content_type, headers_json, fields_json, raw_fields_json, removed_json, search_text, client_ip, client_port,"
            + " peer_ip, peer_port, forwarded_chain, user_agent, poster_user, received_at, status, verdict, score,"
            + " reasons_json, fingerprint, query_fields_json, raw_query_json, dropped_json)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    private SubmissionRows() {
    }

    /** Binds a new submission to {@link #INSERT}. */
    static void bindInsert(PreparedStatement ps, Submission s) throws SQLException {
        Posted posted = s.posted();
        Poster poster = s.poster();
        int i = 0;
        ps.setString(++i, s.siteKey());
        ps.setString(++i, s.receipt());
        ps.setString(++i, posted.route());
        ps.setString(++i, posted.method());
        ps.setString(++i, posted.path());
        ps.setString(++i, posted.queryString());
        ps.setString(++i, posted.contentType());
        ps.setString(++i, Json.write(posted.headers()));
        ps.setString(++i, Json.write(posted.fields()));
        ps.setString(++i, Json.write(posted.rawFields()));
        ps.setString(++i, Json.write(posted.removed()));
        ps.setString(++i, searchText(s.allRawFields()));
        ps.setString(++i, poster.clientIp());
        ps.setInt(++i, poster.clientPort());
        ps.setString(++i, poster.peerIp());
        ps.setInt(++i, poster.peerPort());
        ps.setString(++i, poster.forwardedChain());
        ps.setString(++i, poster.userAgent());
        ps.setString(++i, poster.posterUser());
        ps.setObject(++i, Jdbc.time(s.receivedAt()));
        ps.setString(++i, s.review().status().key());
        ps.setString(++i, s.scoring().verdict().key());
        ps.setDouble(++i, s.scoring().score());
        ps.setString(++i, Json.write(s.scoring().reasons()));
        ps.setString(++i, s.scoring().fingerprint());
        ps.setString(++i, Json.write(posted.queryFields()));
        ps.setString(++i, Json.write(posted.rawQueryFields()));
        ps.setString(++i, Json.write(posted.dropped()));
    }

    static Optional<Submission> findOne(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sg_submissions WHERE " + where)) {
            Jdbc.bind(ps, List.of(args));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    /** One page of the rows matching {@code where}, and how many match in all. */
    static Page<Submission> page(Connection c, String where, List<Object> args, String order, int limit, Integer offset)
            throws SQLException {
        long total = Jdbc.count(c, "SELECT COUNT(*) FROM sg_submissions WHERE " + where, args);
        String sql = "SELECT " + COLUMNS + " FROM sg_submissions WHERE " + where + " ORDER BY " + order + " LIMIT ?"
                + (offset == null ? "" : " OFFSET ?");
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(limit);
        if (offset != null) {
            pageArgs.add(offset);
        }
        List<Submission> items = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.bind(ps, pageArgs);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(map(rs));
                }
            }
        }
        return new Page<>(items, total);
    }

    static Submission map(ResultSet rs) throws SQLException {
        return new Submission(rs.getLong("id"), rs.getString("site_key"), rs.getString("receipt"),
                Jdbc.instant(rs, "received_at"), posted(rs), poster(rs), scoring(rs), review(rs));
    }

    private static Posted posted(ResultSet rs) throws SQLException {
        String dropped = rs.getString("dropped_json");
        return new Posted(rs.getString("route"), rs.getString("method"), rs.getString("path"),
                rs.getString("query_string"), rs.getString("content_type"), Json.readListMap(rs.getString("headers_json")),
                Json.readListMap(rs.getString("fields_json")), Json.readListMap(rs.getString("raw_fields_json")),
                Json.readListMap(rs.getString("removed_json")), listMap(rs.getString("query_fields_json")),
                listMap(rs.getString("raw_query_json")), dropped == null ? List.of() : Json.read(dropped, NAMES));
    }

    private static Poster poster(ResultSet rs) throws SQLException {
        return new Poster(rs.getString("client_ip"), rs.getInt("client_port"), rs.getString("peer_ip"),
                rs.getInt("peer_port"), rs.getString("forwarded_chain"), rs.getString("user_agent"),
                rs.getString("poster_user"));
    }

    private static Scoring scoring(ResultSet rs) throws SQLException {
        return new Scoring(Verdict.valueOf(rs.getString("verdict").toUpperCase(Locale.ROOT)), rs.getDouble("score"),
                Json.read(rs.getString("reasons_json"), REASONS), rs.getString("fingerprint"));
    }

    private static Review review(ResultSet rs) throws SQLException {
        int replayStatus = rs.getInt("replay_status");
        Integer replay = rs.wasNull() ? null : replayStatus;
        return new Review(Status.parse(rs.getString("status")).orElseThrow(), Jdbc.instant(rs, "decided_at"),
                rs.getString("decided_by"), rs.getString("decision_reason"), replay, rs.getString("replay_error"),
                rs.getInt("replay_attempts"), rs.getInt("version"),
                new Publication(Jdbc.instant(rs, "sent_at"), rs.getString("seen_path"), Jdbc.instant(rs, "seen_at")));
    }

    // Rows stored before query-string fields were kept have none.
    private static Map<String, List<String>> listMap(String json) {
        return json == null ? Map.of() : Json.readListMap(json);
    }

    /** The lower-cased text of every field as posted, which queue searches match. */
    private static String searchText(Map<String, List<String>> fields) {
        StringBuilder text = new StringBuilder();
        fields.values().forEach(values -> values.forEach(v -> text.append(v).append('\n')));
        return Jdbc.truncate(text.toString().toLowerCase(Locale.ROOT), 1_000_000);
    }
}
