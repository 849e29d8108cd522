package vn.schoolguard.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A guarded sample site whose SchoolGuard store is a fresh database in one embedded PostgreSQL server
 * (Maven Central binaries, started once per JVM). The site's own posts stay in its H2 files.
 *
 * <p>{@link SiteOptions} has no way to pass extra filter settings, so the store is chosen with the
 * {@code schoolguard.store.url} and {@code schoolguard.store.user} system properties, which the filter reads
 * when it starts; they are set only while the site starts and removed straight after.
 *
 * <pre>{@code
 * GuardedPostgres.Database db = GuardedPostgres.freshDatabase();
 * try (TestSite site = GuardedPostgres.start(TestSite.options("mat-khau-demo"), db)) { ... }
 * }</pre>
 */
final class GuardedPostgres {

    static final String URL_PROPERTY = "schoolguard.store.url";
    static final String USER_PROPERTY = "schoolguard.store.user";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    /** One empty database: its JDBC URL and the user that owns it. */
    record Database(String url, String user) {

        Connection connect() throws SQLException {
            return java.sql.DriverManager.getConnection(url, user, "");
        }
    }

    private GuardedPostgres() {
    }

    /** A new, empty database in the shared server. */
    static Database freshDatabase() {
        String name = "sg_sample_" + COUNTER.incrementAndGet() + "_" + ProcessHandle.current().pid();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return new Database(server().getJdbcUrl("postgres", name), "postgres");
    }

    /** Starts the site with SchoolGuard's store in {@code database}. */
    static TestSite start(SiteOptions options, Database database) {
        synchronized (GuardedPostgres.class) {
            System.setProperty(URL_PROPERTY, database.url());
            System.setProperty(USER_PROPERTY, database.user());
            try {
                return TestSite.start(options);
            } finally {
                System.clearProperty(URL_PROPERTY);
                System.clearProperty(USER_PROPERTY);
            }
        }
    }

    /** The shared server, started on first use and stopped when the JVM exits. */
    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // The JVM is exiting; the temporary cluster is removed with it.
                }
            }));
        }
        return server;
    }
}
