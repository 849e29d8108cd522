package vn.schoolguard.internal.log;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import vn.schoolguard.internal.iplog.IpLog;
import vn.schoolguard.internal.iplog.IpLogEntry;
import vn.schoolguard.internal.iplog.Outcome;
import vn.schoolguard.internal.net.ClientAddress;
import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.store.JdbcIpLogStorage;
import vn.schoolguard.internal.db.StoreSettings;

/**
 * Runs inside a class loader that models one host (its SLF4J jars, or none, plus SchoolGuard and its libraries)
 * and logs through the real classes. Called by reflection from {@link LogBackendSelectionTest}; uses nothing of
 * the test class path, so it sees only what that host sees.
 */
public final class HostProbe {

    private HostProbe() {
    }

    /** Logs one line of each kind on the logger {@code name}; returns the chosen backend's description. */
    public static String logLines(String name) {
        Log log = Log.get(name);
        log.info("probe info {} from {}", "xin chào", 42);
        log.warn("probe warn with a stack trace", new IllegalStateException("probe failure"));
        log.info(Line.of("probe").add("seq", 7).address("client", "2001:db8::1", 51234).add("path", "/a b\nforged=1"));
        return Log.backend();
    }

    /** Records one held post in a fresh H2 IP log: the mirror line goes to the host's logging. */
    public static String recordHeldPost(String dataDir) throws Exception {
        Path dir = Files.createDirectories(Path.of(dataDir));
        try (Database db = Database.open(new StoreSettings(StoreSettings.h2Url(dir), "sa", "", 2, Duration.ofSeconds(3)))) {
            IpLog ipLog = new IpLog(new JdbcIpLogStorage(db), "default", Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC));
            ipLog.record(new IpLogEntry(new ClientAddress("203.0.113.7", 51234, "10.0.0.2", 40112, null, false, true),
                    "Mozilla/5.0", null, "comments", "POST", "/news/1/comments", 17L, "R-ABC", Outcome.HELD, null,
                    "ab".repeat(32)));
        }
        return Log.backend();
    }

    /** Puts a backend in place that fails as a mismatched SLF4J would, then logs; returns the backend after. */
    public static String logThroughBrokenBackend(String name) {
        Backends.replace(new Backend() {
            @Override
            public String describe() {
                return "broken";
            }

            @Override
            public boolean enabled(String logger, Level level) {
                return true;
            }

            @Override
            public void log(String logger, Level level, String message, Throwable thrown, java.util.Map<String, String> fields) {
                throw new Slf4jBackend.BackendFailure(new NoSuchMethodError("'org.slf4j.spi.LoggingEventBuilder org.slf4j.Logger.atInfo()'"));
            }
        });
        Log log = Log.get(name);
        log.info("first line after the failure");
        log.info("second line");
        return Log.backend();
    }
}
