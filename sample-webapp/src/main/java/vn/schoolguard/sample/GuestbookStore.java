package vn.schoolguard.sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Guestbook entries. */
final class GuestbookStore {

    private static final int SHOWN = 100;

    private final SiteDatabase database;
    private final Clock clock;

    GuestbookStore(SiteDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The latest entries, newest first. */
    List<GuestbookEntry> latest() throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT id, name, message, posted_at_ms FROM guestbook_entry ORDER BY id DESC LIMIT " + SHOWN);
             ResultSet rows = query.executeQuery()) {
            List<GuestbookEntry> entries = new ArrayList<>();
            while (rows.next()) {
                entries.add(new GuestbookEntry(rows.getLong(1), rows.getString(2), rows.getString(3),
                        Instant.ofEpochMilli(rows.getLong(4))));
            }
            return entries;
        }
    }

    void add(String name, String message) throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO guestbook_entry (name, message, posted_at_ms) VALUES (?, ?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, message);
            insert.setLong(3, clock.millis());
            insert.executeUpdate();
        }
    }
}
