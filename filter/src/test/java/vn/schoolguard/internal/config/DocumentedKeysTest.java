package vn.schoolguard.internal.config;

import vn.schoolguard.api.ConfigException;

import vn.schoolguard.SchoolGuardConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.schoolguard.internal.inject.InjectSettings;
import vn.schoolguard.internal.iplog.IpLogSettings;
import vn.schoolguard.internal.moderation.ModerationSettings;
import vn.schoolguard.internal.net.ProxySettings;
import vn.schoolguard.internal.ratelimit.RateLimitSettings;
import vn.schoolguard.internal.spam.SpamSettings;
import vn.schoolguard.internal.db.StoreSettings;
import vn.schoolguard.internal.web.ConsoleSettings;

/** Keeps the configuration reference in both languages in step with the keys the code reads. */
class DocumentedKeysTest {

    /** Named keys are written in the reference with a placeholder for the name. */
    private static final Map<String, String> PLACEHOLDERS = new LinkedHashMap<>();

    static {
        PLACEHOLDERS.put("route.comments.", "route.<name>.");
        PLACEHOLDERS.put("badge.tinnhiem.", "badge.<name>.");
        PLACEHOLDERS.put("ratelimit.per-route.comments", "ratelimit.per-route.<route>");
        PLACEHOLDERS.put("site.ngoquyen.", "site.<key>.");
    }

    // Keys the code builds by prefix are only read when one such entry exists, so one of each is given.
    private static final Map<String, String> SAMPLE = Map.of(
            "route.comments.match", "POST /news/*/comments",
            "badge.tinnhiem.image", "https://tinnhiemmang.vn/badge.png",
            "badge.tinnhiem.alt", "Tín nhiệm mạng",
            "ratelimit.per-route.comments", "20/1m",
            "iplog.pseudonymise-after", "180d");

    // A key read as a literal, reader.x("key") or helper(reader, "key"), also in a section this test does not call.
    private static final Pattern LITERAL_KEY = Pattern.compile(
            "(?:reader\\.[a-z]+\\(|[a-zA-Z]+\\(reader,)\\s*\"([a-z0-9][a-z0-9.-]*[a-z0-9])\"");
    // A documented key: the first cell of a reference table row (dotted, so field roles do not count).
    private static final Pattern PROPERTIES_BLOCK = Pattern.compile("(?s)```properties\\n(.*?)```");
    private static final Pattern TABLE_KEY = Pattern.compile("(?m)^\\| `([a-z0-9<>-]+\\.[a-z0-9<>.-]+)` \\|");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"docs/en/configuration.md", "docs/vi/configuration.md"})
    void everyKeyTheCodeReadsIsInTheReference(String doc) {
        String text = read(project().resolve(doc));
        Set<String> missing = new TreeSet<>();
        for (String key : keysTheCodeReads()) {
            if (!text.contains("`" + key + "`")) {
                missing.add(key);
            }
        }
        assertThat(missing).as("keys read by the code but not described in %s", doc).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"docs/en/configuration.md", "docs/vi/configuration.md"})
    void everyKeyInTheReferenceIsAcceptedByTheCode(String doc) {
        Set<String> documented = tableKeys(read(project().resolve(doc)));
        assertThat(documented).as("keys in the tables of %s", doc).hasSizeGreaterThan(50);
        Set<String> unknown = new TreeSet<>();
        for (String key : documented) {
            String concrete = concrete(key);
            SchoolGuardConfig.Builder builder = SchoolGuardConfig.builder().environment(Map.of()).systemProperties(new Properties())
                    .set("route.comments.match", "POST /news/*/comments")
                    .set(concrete, "x");
            ConfigException e = catchThrowableOfType(ConfigException.class, builder::build);
            if (e != null && e.problems().stream().anyMatch(p -> p.key().equals(concrete) && p.message().contains("is not known"))) {
                unknown.add(key);
            }
        }
        assertThat(unknown).as("keys described in %s that the code rejects as unknown", doc).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"docs/en/configuration.md", "docs/vi/configuration.md"})
    void bothLanguagesDescribeTheSameKeys(String doc) {
        Set<String> english = tableKeys(read(project().resolve("docs/en/configuration.md")));
        assertThat(tableKeys(read(project().resolve(doc)))).isEqualTo(english);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"docs/en/configuration.md", "docs/vi/configuration.md"})
    void everyExampleFileInTheReferenceIsAValidConfiguration(String doc) throws IOException {
        Matcher m = PROPERTIES_BLOCK.matcher(read(project().resolve(doc)));
        int examples = 0;
        while (m.find()) {
            examples++;
            String example = m.group(1);
            SchoolGuardConfig.Builder builder = SchoolGuardConfig.builder().environment(Map.of()).systemProperties(new Properties())
                    .properties(new java.io.ByteArrayInputStream(example.getBytes(StandardCharsets.UTF_8)));
            ConfigException e = catchThrowableOfType(ConfigException.class, builder::build);
            assertThat(e).as("example %d of %s:%n%s", examples, doc, example).isNull();
        }
        assertThat(examples).as("properties examples in %s", doc).isGreaterThanOrEqualTo(3);
    }

    /** Every key, as the reference writes it: read through the capabilities' own settings readers, plus literal keys in the sources. */
    static Set<String> keysTheCodeReads() {
        ConfigReader reader = new ConfigReader(SAMPLE);
        // The same sections, in the same order, as SchoolGuardConfig reads them.
        reader.string("site.key", "default");
        Path dataDir = reader.path("data.dir", Path.of("data"));
        StoreSettings store = StoreSettings.read(reader, dataDir);
        ProxySettings.read(reader);
        ModerationSettings moderation = ModerationSettings.read(reader);
        vn.schoolguard.internal.moderation.PublicationSettings.read(reader);
        ConsoleSettings.read(reader);
        SpamSettings.read(reader);
        InjectSettings.read(reader);
        IpLogSettings.read(reader);
        RateLimitSettings.read(reader, Set.of("comments"), store.isPostgres());
        assertThat(moderation.routes()).as("the sample route is read").hasSize(1);
        Set<String> keys = new TreeSet<>();
        for (String key : reader.knownKeys()) {
            keys.add(documentedForm(key));
        }
        keys.addAll(literalKeysInSources());
        return keys;
    }

    private static Set<String> literalKeysInSources() {
        Path sources = project().resolve("filter/src/main/java");
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith("Settings.java") || f.endsWith("SchoolGuardConfig.java")).toList()) {
                Matcher m = LITERAL_KEY.matcher(read(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(keys).as("literal keys found in the sources").contains("data.dir", "store.url", "ratelimit.per-ip");
        return keys;
    }

    private static String documentedForm(String key) {
        for (Map.Entry<String, String> p : PLACEHOLDERS.entrySet()) {
            if (key.startsWith(p.getKey())) {
                return p.getValue() + key.substring(p.getKey().length());
            }
        }
        return key;
    }

    private static String concrete(String documented) {
        for (Map.Entry<String, String> p : PLACEHOLDERS.entrySet()) {
            if (documented.startsWith(p.getValue())) {
                return p.getKey() + documented.substring(p.getValue().length());
            }
        }
        return documented;
    }

    private static Set<String> tableKeys(String text) {
        Set<String> keys = new TreeSet<>();
        Matcher m = TABLE_KEY.matcher(text);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    /** The project root: tests run in the module directory, IDEs sometimes in the root. */
    private static Path project() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs/en")) && Files.isDirectory(dir.resolve("filter"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the project root (with docs/en and filter) above " + Path.of("").toAbsolutePath());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
