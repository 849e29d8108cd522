package vn.schoolguard.internal.store;

import vn.schoolguard.internal.db.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import vn.schoolguard.internal.spam.SiteLearningStore;

/** One site's learned spam-model deltas and decision steps in {@code sg_spam_site_deltas} and {@code sg_spam_site_decisions}. */
public final class JdbcSiteLearningStore implements SiteLearningStore {

    private final Database database;
    private final String siteKey;

    public JdbcSiteLearningStore(Database database, String siteKey) {
        this.database = database;
        this.siteKey = siteKey;
    }

    @Override
    public Map<Integer, Float> deltas() {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT feature, delta FROM sg_spam_site_deltas WHERE site_key = ?")) {
                ps.setString(1, siteKey);
                Map<Integer, Float> deltas = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        deltas.put(rs.getInt(1), rs.getFloat(2));
                    }
                }
                return deltas;
            }
        });
    }

    @Override
    public int[] decisionCounts() {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT spam, COUNT(*) FROM sg_spam_site_decisions WHERE site_key = ? GROUP BY spam")) {
                ps.setString(1, siteKey);
                int[] counts = new int[2];
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts[rs.getBoolean(1) ? 1 : 0] = rs.getInt(2);
                    }
                }
                return counts;
            }
        });
    }

    @Override
    public Decision decision(long submissionId) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT spam, step FROM sg_spam_site_decisions WHERE site_key = ? AND submission_id = ?")) {
                ps.setString(1, siteKey);
                ps.setLong(2, submissionId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new Decision(rs.getBoolean(1), decode(rs.getString(2))) : null;
                }
            }
        });
    }

    @Override
    public void saveDecision(long submissionId, boolean spam, Map<Integer, Float> step, Map<Integer, Float> changed) {
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sg_spam_site_decisions (site_key, submission_id, spam, step) VALUES (?,?,?,?)")) {
                ps.setString(1, siteKey);
                ps.setLong(2, submissionId);
                ps.setBoolean(3, spam);
                ps.setString(4, encode(step));
                ps.executeUpdate();
            }
            writeDeltas(c, changed);
            return null;
        });
    }

    @Override
    public void removeDecision(long submissionId, Map<Integer, Float> changed) {
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sg_spam_site_decisions WHERE site_key = ? AND submission_id = ?")) {
                ps.setString(1, siteKey);
                ps.setLong(2, submissionId);
                ps.executeUpdate();
            }
            writeDeltas(c, changed);
            return null;
        });
    }

    private void writeDeltas(Connection c, Map<Integer, Float> changed) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM sg_spam_site_deltas WHERE site_key = ? AND feature = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO sg_spam_site_deltas (site_key, feature, delta) VALUES (?,?,?)")) {
            for (Map.Entry<Integer, Float> e : changed.entrySet()) {
                delete.setString(1, siteKey);
                delete.setInt(2, e.getKey());
                delete.addBatch();
                if (e.getValue() != 0f) {
                    insert.setString(1, siteKey);
                    insert.setInt(2, e.getKey());
                    insert.setFloat(3, e.getValue());
                    insert.addBatch();
                }
            }
            delete.executeBatch();
            insert.executeBatch();
        }
    }

    static String encode(Map<Integer, Float> step) {
        StringBuilder out = new StringBuilder(step.size() * 16);
        step.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                out.append(e.getKey()).append(':').append(Float.floatToIntBits(e.getValue())).append(';'));
        return out.toString();
    }

    static Map<Integer, Float> decode(String text) {
        Map<Integer, Float> step = new HashMap<>();
        for (String pair : text.split(";")) {
            int colon = pair.indexOf(':');
            if (colon > 0) {
                step.put(Integer.parseInt(pair.substring(0, colon)), Float.intBitsToFloat(Integer.parseInt(pair.substring(colon + 1))));
            }
        }
        return step;
    }
}
