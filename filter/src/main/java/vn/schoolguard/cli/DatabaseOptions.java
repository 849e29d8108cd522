package vn.schoolguard.cli;

import java.nio.file.Path;
import java.time.Duration;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import vn.schoolguard.store.DataDirectory;
import vn.schoolguard.store.Database;
import vn.schoolguard.store.StoreSettings;

/** Which SchoolGuard database a command works on: the embedded one in a data directory, or a JDBC URL. */
final class DatabaseOptions {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--user", description = "Database user (with --jdbc-url).")
    String user;

    @Option(names = "--password", description = "Database password (with --jdbc-url); prefer the SCHOOLGUARD_STORE_PASSWORD environment variable.")
    String password;

    @Option(names = "--site", defaultValue = "default", description = "Site key (default: ${DEFAULT-VALUE}).")
    String site;

    static final class Target {
        @Option(names = "--data-dir", required = true, description = "The data directory of the filter or the sample site.")
        Path dataDir;

        @Option(names = "--jdbc-url", required = true, description = "A jdbc:postgresql: or jdbc:h2: URL.")
        String jdbcUrl;
    }

    /** Opens the database; with {@code mustExist}, a data directory without a SchoolGuard database is an error. */
    Database open(boolean mustExist) {
        if (mustExist && target.dataDir != null && !java.nio.file.Files.exists(target.dataDir.resolve("schoolguard.mv.db"))) {
            throw new IllegalArgumentException("there is no SchoolGuard database in " + target.dataDir.toAbsolutePath()
                    + " (no schoolguard.mv.db); check --data-dir: it is the filter's data.dir, or the sample site's --data-dir");
        }
        return open();
    }

    Database open() {
        String url = target.jdbcUrl != null ? target.jdbcUrl : StoreSettings.h2Url(target.dataDir.toAbsolutePath());
        String pass = password != null ? password : System.getenv().getOrDefault("SCHOOLGUARD_STORE_PASSWORD", "");
        String name = user != null ? user : url.startsWith("jdbc:h2:") ? "sa" : "";
        if (target.dataDir == null) {
            return Database.open(new StoreSettings(url, name, pass, 2, Duration.ofSeconds(10)));
        }
        // The files the command line adds to the data directory (H2's lock file) stay private like the site's.
        try (DataDirectory dir = DataDirectory.open(target.dataDir)) {
            Database database = Database.open(new StoreSettings(url, name, pass, 2, Duration.ofSeconds(10)));
            dir.tightenNow();
            return database;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot use the data directory " + target.dataDir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}
