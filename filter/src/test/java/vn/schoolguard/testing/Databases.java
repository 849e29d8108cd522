package vn.schoolguard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.db.StoreSettings;

/**
 * The real databases the storage suite runs against: an H2 file database in a fresh directory, and a
 * fresh database in one embedded PostgreSQL server started once per test JVM.
 */
public final class Databases {

    /** The kinds of database, for {@code @ParameterizedTest @MethodSource}. */
    public enum Kind { H2, POSTGRES }

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private Databases() {
    }

    public static Stream<Kind> kinds() {
        return Stream.of(Kind.H2, Kind.POSTGRES);
    }

    /** Settings for a new, empty database of the given kind. */
    public static StoreSettings fresh(Kind kind) {
        return switch (kind) {
            case H2 -> {
                try {
                    Path dir = Files.createTempDirectory("sg-h2-");
                    yield new StoreSettings(StoreSettings.h2Url(dir), "sa", "", 5, Duration.ofSeconds(3));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case POSTGRES -> {
                String name = "sg_test_" + COUNTER.incrementAndGet() + "_" + ProcessHandle.current().pid();
                try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + name);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                yield new StoreSettings(server().getJdbcUrl("postgres", name), "postgres", "", 5, Duration.ofSeconds(3));
            }
        };
    }

    public static Database open(Kind kind) {
        return Database.open(fresh(kind));
    }

    /** The shared embedded PostgreSQL server (Maven Central binaries), started on first use. */
    public static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // The JVM is exiting; the temporary cluster goes with it.
                }
            }));
        }
        return postgres;
    }
}
