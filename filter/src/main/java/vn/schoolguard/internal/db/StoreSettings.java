package vn.schoolguard.internal.db;

import java.nio.file.Path;
import java.time.Duration;

import vn.schoolguard.internal.config.ConfigReader;

/**
 * Database settings: an H2 file database in the data directory unless {@code store.url} names another
 * (PostgreSQL for production and several nodes).
 *
 * @param url            JDBC URL
 * @param user           database user, may be empty
 * @param password       database password, may be empty; never logged
 * @param poolSize       largest number of pooled connections
 * @param connectTimeout how long a request waits for a connection before it gets 503
 */
public record StoreSettings(String url, String user, String password, int poolSize, Duration connectTimeout) {

    public static StoreSettings read(ConfigReader reader, Path dataDir) {
        String defaultUrl = h2Url(dataDir);
        String url = reader.string("store.url", defaultUrl);
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            reader.problem("store.url", url, "a jdbc:h2: or jdbc:postgresql: URL");
        }
        return new StoreSettings(
                url,
                reader.string("store.user", url.startsWith("jdbc:h2:") ? "sa" : ""),
                reader.string("store.password", ""),
                reader.integer("store.pool-size", 10, 1, 200),
                reader.duration("store.connect-timeout", Duration.ofSeconds(3), Duration.ofMillis(250), Duration.ofMinutes(1)));
    }

    /**
     * The embedded database kept in a data directory; {@code AUTO_SERVER} lets the CLI open it while the site runs,
     * through a server that {@link Database#open} keeps on the loopback interface (or switches off).
     */
    public static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("schoolguard").toAbsolutePath() + ";AUTO_SERVER=TRUE";
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    @Override
    public String toString() {
        return "StoreSettings[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "****")
                + ", poolSize=" + poolSize + ", connectTimeout=" + connectTimeout + "]";
    }
}
