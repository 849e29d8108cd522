package vn.schoolguard;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

import vn.schoolguard.api.ConfigException;
import vn.schoolguard.api.ConfigProblem;
import vn.schoolguard.internal.alert.AlertSettings;
import vn.schoolguard.internal.config.ConfigReader;

import vn.schoolguard.internal.discovery.DiscoverySettings;
import vn.schoolguard.internal.inject.InjectSettings;
import vn.schoolguard.internal.iplog.IpLogSettings;
import vn.schoolguard.internal.moderation.ModerationSettings;
import vn.schoolguard.internal.moderation.PublicationSettings;
import vn.schoolguard.internal.net.ProxySettings;
import vn.schoolguard.internal.ratelimit.RateLimitSettings;
import vn.schoolguard.internal.site.SitesSettings;
import vn.schoolguard.internal.spam.SpamSettings;
import vn.schoolguard.internal.db.StoreSettings;
import vn.schoolguard.internal.web.ConsoleSettings;

/**
 * The whole SchoolGuard configuration: immutable, validated at once, built from a properties file,
 * filter init-parameters, system properties and environment variables (later sources win).
 *
 * <p>Build it with {@link #builder()}: every entry path ends in {@link Builder#build()}, which reads
 * every capability's settings, collects all problems and throws one {@link ConfigException} naming
 * each bad key, its value and what is expected. Keys nobody reads are reported as unknown, so a
 * misspelt key never silently falls back to a default.
 *
 * <pre>{@code
 * SchoolGuardConfig config = SchoolGuardConfig.builder()
 *         .properties(Path.of("/etc/schoolguard.properties"))
 *         .set("data.dir", "/var/lib/schoolguard")
 *         .build();
 * }</pre>
 *
 * <p>Environment variables use the upper-case key with dots and dashes turned into underscores and a
 * {@code SCHOOLGUARD_} prefix ({@code data.dir} → {@code SCHOOLGUARD_DATA_DIR}); system properties use
 * the key with a {@code schoolguard.} prefix. Instances are immutable and thread-safe.
 */
public final class SchoolGuardConfig {

    private static final Pattern SITE_KEY = Pattern.compile("[a-z0-9][a-z0-9.-]{0,99}");

    private final String siteKey;
    private final Path dataDir;
    private final StoreSettings store;
    private final ProxySettings proxies;
    private final ModerationSettings moderation;
    private final PublicationSettings publication;
    private final vn.schoolguard.internal.moderation.ReplaySettings replay;
    private final ConsoleSettings console;
    private final SpamSettings spam;
    private final InjectSettings inject;
    private final IpLogSettings ipLog;
    private final RateLimitSettings rateLimit;
    private final DiscoverySettings discovery;
    private final AlertSettings alerts;
    private final SitesSettings sites;
    /** The values these settings were read from, for a site's settings read again with its overlay. */
    private final Map<String, String> values;

    private SchoolGuardConfig(ConfigReader reader, Path defaultDataDir) {
        this.siteKey = reader.string("site.key", "default");
        if (!SITE_KEY.matcher(siteKey).matches()) {
            reader.problem("site.key", siteKey, "lower-case letters, digits, dots and dashes (at most 100), such as thpt-ngo-quyen");
        }
        this.dataDir = reader.path("data.dir", defaultDataDir).toAbsolutePath();
        this.store = StoreSettings.read(reader, dataDir);
        this.proxies = ProxySettings.read(reader);
        this.moderation = ModerationSettings.read(reader);
        this.publication = PublicationSettings.read(reader);
        this.replay = vn.schoolguard.internal.moderation.ReplaySettings.read(reader,
                moderation.routes().stream().map(r -> r.name()).collect(java.util.stream.Collectors.toSet()));
        this.console = ConsoleSettings.read(reader);
        this.spam = SpamSettings.read(reader);
        this.inject = InjectSettings.read(reader);
        this.ipLog = IpLogSettings.read(reader);
        this.rateLimit = RateLimitSettings.read(reader, moderation.routes().stream().map(r -> r.name()).collect(java.util.stream.Collectors.toSet()), store.isPostgres());
        this.discovery = DiscoverySettings.read(reader);
        this.alerts = AlertSettings.read(reader);
        this.sites = SitesSettings.read(reader, siteKey);
        this.values = reader.values();
    }

    /** Reads settings from values as given, adding every problem and unknown key to {@code problems}. */
    static SchoolGuardConfig read(Map<String, String> values, Path defaultDataDir, List<ConfigProblem> problems) {
        ConfigReader reader = new ConfigReader(values);
        SchoolGuardConfig config = new SchoolGuardConfig(reader, defaultDataDir);
        problems.addAll(reader.problems());
        for (String unknown : reader.unknownKeys()) {
            problems.add(ConfigProblem.unknown(unknown, reader.raw(unknown)));
        }
        return config;
    }

    /** The shared values without any site's section or the sites' own settings: what a site's overlay goes on. */
    Map<String, String> sharedValues() {
        Map<String, String> shared = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            boolean siteSection = key.startsWith("site.") && key.indexOf('.', "site.".length()) >= 0;
            if (!siteSection && !key.startsWith("sites.")) {
                shared.put(key, value);
            }
        });
        return shared;
    }

    /** A new builder with no values set: every setting has its default. */
    public static Builder builder() {
        return new Builder();
    }

    /** The site key stored with every row: the platform's own site, or a site's when read with its overlay. */
    public String siteKey() { return siteKey; }

    /** Where the embedded database and other files live. */
    public Path dataDir() { return dataDir; }

    /** The database: the embedded H2 in the data directory, or {@code store.url} with its user and pool ({@code store.*}). */
    public StoreSettings store() { return store; }

    /** Which proxies are believed and through which header ({@code proxies.trusted}, {@code proxies.header}). */
    public ProxySettings proxies() { return proxies; }

    /** The submission routes and what holding them means ({@code route.<name>.*}, {@code moderation.*}, {@code limits.*}). */
    public ModerationSettings moderation() { return moderation; }

    /** How approved submissions are confirmed on the site's pages. */
    public PublicationSettings publication() { return publication; }

    /** How approved submissions are replayed ({@code replay.*}, {@code route.<name>.session-attributes}). */
    public vn.schoolguard.internal.moderation.ReplaySettings replay() { return replay; }

    /** The console, its accounts and sign-in limits ({@code console.*}, {@code accounts.*}, {@code login.*}). */
    public ConsoleSettings console() { return console; }

    /** Spam scoring: the rule pack, the model and its thresholds, site learning ({@code spam.*}). */
    public SpamSettings spam() { return spam; }

    /**
     * What pages are given and checked for: the EMC tracker and badge, the parent-portal link, security headers and
     * policy, planted content ({@code emc.*}, {@code badge.*}, {@code portal.*}, {@code inject.*}, {@code headers.*},
     * {@code csp.*}, {@code implant.*}).
     */
    public InjectSettings inject() { return inject; }

    /** The IP log: retention, checkpoints and the time zone of its exports ({@code iplog.*}, {@code site.zone}). */
    public IpLogSettings ipLog() { return ipLog; }

    /** Submission rate limits and the block list ({@code ratelimit.*}). */
    public RateLimitSettings rateLimit() { return rateLimit; }

    /** The sites of this deployment besides the one these settings describe ({@code sites.*}, {@code site.<key>.*}). */
    public SitesSettings sites() { return sites; }

    /** Which unguarded forms are noted for the console. */
    public DiscoverySettings discovery() { return discovery; }

    /** What is watched for incidents and where they are sent ({@code alerts.*}, {@code selfcheck.*}). */
    public AlertSettings alerts() { return alerts; }

    /** Collects raw values from any number of sources, then validates them all in {@link #build()}. */
    public static final class Builder {

        private final Map<String, String> values = new LinkedHashMap<>();
        private Map<String, String> environment = System.getenv();
        private Properties systemProperties = System.getProperties();
        private Path defaultDataDir = Path.of(System.getProperty("user.home"), ".schoolguard");

        private Builder() {
        }

        /** Adds every entry of a properties object (later calls win). */
        public Builder properties(Properties properties) {
            for (String name : properties.stringPropertyNames()) {
                values.put(name.trim(), properties.getProperty(name));
            }
            return this;
        }

        /** Reads a properties file in UTF-8 (Vietnamese labels need no escaping). */
        public Builder properties(Path file) {
            try (InputStream in = Files.newInputStream(file)) {
                return properties(in);
            } catch (IOException e) {
                throw new ConfigException(List.of(new ConfigProblem("config-file", file.toString(),
                        "a readable properties file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")")));
            }
        }

        /** Reads properties in UTF-8 from a stream, which the caller closes. */
        public Builder properties(InputStream in) throws IOException {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties(properties);
        }

        /**
         * The data directory used when {@code data.dir} is not set (default {@code ~/.schoolguard}); the filter
         * gives each web application its own directory under it.
         */
        public Builder defaultDataDir(Path dir) {
            this.defaultDataDir = dir;
            return this;
        }

        /** Sets one value, as a filter init-parameter would. */
        public Builder set(String key, String value) {
            values.put(key.trim(), value);
            return this;
        }

        /** Replaces the environment consulted for {@code SCHOOLGUARD_*} variables (for tests). */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /** Replaces the system properties consulted for {@code schoolguard.*} overrides (for tests). */
        public Builder systemProperties(Properties systemProperties) {
            this.systemProperties = systemProperties;
            return this;
        }

        /**
         * Validates everything and returns the immutable configuration.
         *
         * @throws ConfigException listing every problem found
         */
        public SchoolGuardConfig build() {
            Map<String, String> merged = new LinkedHashMap<>(values);
            for (String name : systemProperties.stringPropertyNames()) {
                if (name.startsWith("schoolguard.") && !REGISTRATION_KEYS.contains(name.substring("schoolguard.".length()))) {
                    merged.put(name.substring("schoolguard.".length()), systemProperties.getProperty(name));
                }
            }
            List<ConfigProblem> problems = new ArrayList<>();
            // A first pass learns every key the capabilities read, so that an environment variable
            // can be matched to its dotted key however the key mixes dots and dashes.
            ConfigReader probe = new ConfigReader(merged);
            new SchoolGuardConfig(probe, defaultDataDir);
            Map<String, String> keysByEnvName = new LinkedHashMap<>();
            for (String key : probe.knownKeys()) {
                keysByEnvName.put(envName(key), key);
                // Spring Boot's relaxed binding writes SCHOOLGUARD_RATELIMIT_PERIP for ratelimit.per-ip.
                keysByEnvName.putIfAbsent("SCHOOLGUARD_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", ""), key);
            }
            for (Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet()) {
                String name = variable.getKey();
                if (!name.startsWith("SCHOOLGUARD_") || REGISTRATION_VARIABLES.contains(name)) {
                    continue;
                }
                String key = keysByEnvName.get(name);
                if (key == null) {
                    problems.add(ConfigProblem.unknown(name, variable.getValue()));
                } else {
                    merged.put(key, variable.getValue());
                }
            }
            List<ConfigProblem> found = new ArrayList<>();
            SchoolGuardConfig config = read(merged, defaultDataDir, found);
            problems.addAll(0, found);
            // The sites are built in full unless the shared settings have problems of their own, which each would repeat.
            problems.addAll(SiteConfigs.check(config, problems.stream().allMatch(SiteConfigs::aboutSites)));
            if (!problems.isEmpty()) {
                throw new ConfigException(problems);
            }
            return config;
        }
    }

    /** Switches read before the filter starts (where the settings are, whether to register): not settings themselves. */
    private static final java.util.Set<String> REGISTRATION_KEYS = java.util.Set.of("config", "enabled", "autoRegister");
    private static final java.util.Set<String> REGISTRATION_VARIABLES = java.util.Set.of("SCHOOLGUARD_CONFIG",
            "SCHOOLGUARD_ENABLED", "SCHOOLGUARD_AUTOREGISTER", "SCHOOLGUARD_AUTO_REGISTER");

    /** The environment variable that overrides a key: {@code data.dir} → {@code SCHOOLGUARD_DATA_DIR}. */
    static String envName(String key) {
        return "SCHOOLGUARD_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
