package vn.schoolguard.internal.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SortedSet;
import java.util.regex.Pattern;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import vn.schoolguard.internal.store.SiteKeys;
import vn.schoolguard.internal.db.DataDirectory;
import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.db.StoreSettings;

/**
 * Which SchoolGuard database a command works on (the embedded one in a data directory, or a JDBC URL), and which
 * site in it: {@code --site}, or else the one site the database holds.
 */
final class DatabaseOptions {

    /** The filter's own rule for {@code site.key}. */
    private static final Pattern SITE_KEY = Pattern.compile("[a-z0-9][a-z0-9.-]{0,99}");
    static final String DEFAULT_SITE = "default";

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--user", description = "Database user (with --jdbc-url).")
    String user;

    @Option(names = "--password", paramLabel = "DB_PASSWORD", description = "Database password, with --jdbc-url only;"
            + " prefer the SCHOOLGUARD_STORE_PASSWORD environment variable. Not a console account's password.")
    String password;

    @Option(names = "--site", paramLabel = "KEY", description = "The site key (the filter's site.key). Default: the one"
            + " site the database holds; required when it holds several.")
    String site;

    static final class Target {
        @Option(names = "--data-dir", required = true, description = "The data directory of the filter or the sample site.")
        Path dataDir;

        @Option(names = "--jdbc-url", required = true, description = "A jdbc:postgresql: or jdbc:h2: URL.")
        String jdbcUrl;
    }

    /** Opens the database; with {@code mustExist}, a data directory without a SchoolGuard database is an error. */
    Database open(boolean mustExist) {
        if (mustExist && target.dataDir != null && !Files.exists(target.dataDir.resolve("schoolguard.mv.db"))) {
            throw new IllegalArgumentException("there is no SchoolGuard database in " + target.dataDir.toAbsolutePath()
                    + " (no schoolguard.mv.db); check --data-dir: it is the filter's data.dir, or the sample site's --data-dir");
        }
        return open();
    }

    Database open() {
        if (password != null && target.dataDir != null) {
            throw new IllegalArgumentException("--password is the database password and goes with --jdbc-url; the embedded"
                    + " database in --data-dir has none. A console account's password is typed at the prompt,"
                    + " or given with --password-stdin or --password-env VAR");
        }
        if (site != null && !SITE_KEY.matcher(site).matches()) {
            throw new IllegalArgumentException("--site '" + site + "' is not a site key: lower-case letters, digits,"
                    + " dots and dashes (at most 100), as in the filter's site.key");
        }
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

    /** The database as an operator named it: the data directory's file, or the JDBC URL without its parameters. */
    String describe() {
        if (target.dataDir != null) {
            return target.dataDir.toAbsolutePath().resolve("schoolguard.mv.db").toString();
        }
        int cut = target.jdbcUrl.indexOf(';');
        String url = cut < 0 ? target.jdbcUrl : target.jdbcUrl.substring(0, cut);
        cut = url.indexOf('?');
        return cut < 0 ? url : url.substring(0, cut);
    }

    /**
     * The site to work on: {@code --site} when given (with {@code mustExist}, only a site the database holds);
     * otherwise the one site the database holds, or {@value #DEFAULT_SITE} (with a note) when it holds none yet.
     *
     * @throws IllegalArgumentException when the database holds several sites and {@code --site} is missing,
     *                                  naming them
     */
    String site(Database db, boolean mustExist, PrintWriter err) {
        SortedSet<String> sites = SiteKeys.all(db);
        if (site != null) {
            if (mustExist && !sites.contains(site)) {
                throw new IllegalArgumentException("there is no site '" + site + "' in " + describe() + "; "
                        + (sites.isEmpty() ? "it holds no site yet" : "its sites: " + String.join(", ", sites)));
            }
            return site;
        }
        if (sites.size() == 1) {
            return sites.first();
        }
        if (sites.isEmpty()) {
            err.println("schoolguard: " + describe() + " holds no site yet; using site '" + DEFAULT_SITE
                    + "' (the filter's default site.key); give --site KEY if the filter's site.key is set");
            return DEFAULT_SITE;
        }
        throw new IllegalArgumentException(several(sites));
    }

    String several(SortedSet<String> sites) {
        return describe() + " holds several sites (" + String.join(", ", sites) + "); choose one with --site KEY";
    }
}
