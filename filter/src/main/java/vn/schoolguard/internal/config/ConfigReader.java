package vn.schoolguard.internal.config;

import vn.schoolguard.api.ConfigProblem;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed, validating access to raw setting values; internal to SchoolGuard.
 *
 * <p>Every read marks the key as known, so that {@link #unknownKeys()} can report misspelt keys
 * once all capability sections have read theirs. A bad value never throws: it is recorded as a
 * {@link ConfigProblem} and the default is returned, so that one startup reports every problem.
 */
public final class ConfigReader {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|k|mb|m|gb|g)?", Pattern.CASE_INSENSITIVE);

    private final Map<String, String> values;
    private final Set<String> known = new LinkedHashSet<>();
    private final Set<String> knownPrefixes = new LinkedHashSet<>();
    private final List<ConfigProblem> problems = new ArrayList<>();

    public ConfigReader(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The raw value of a key, trimmed; empty when unset or blank. */
    public Optional<String> optional(String key) {
        known.add(key);
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.trim());
    }

    public String string(String key, String defaultValue) {
        return optional(key).orElse(defaultValue);
    }

    /** A value that must be set; records a problem when it is missing. */
    public String required(String key, String expected) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            problem(key, "", expected);
            return "";
        }
        return value.get();
    }

    public boolean bool(String key, boolean defaultValue) {
        return parse(key, defaultValue, "true or false", raw -> switch (raw.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> Boolean.TRUE;
            case "false", "no", "off" -> Boolean.FALSE;
            default -> null;
        });
    }

    public int integer(String key, int defaultValue, int min, int max) {
        String expected = "a whole number from " + min + " to " + max;
        return parse(key, defaultValue, expected, raw -> {
            try {
                int value = Integer.parseInt(raw);
                return value >= min && value <= max ? value : null;
            } catch (NumberFormatException e) {
                return null;
            }
        });
    }

    public double decimal(String key, double defaultValue, double min, double max) {
        String expected = "a number from " + min + " to " + max;
        return parse(key, defaultValue, expected, raw -> {
            try {
                double value = Double.parseDouble(raw);
                return value >= min && value <= max ? value : null;
            } catch (NumberFormatException e) {
                return null;
            }
        });
    }

    /** A byte size such as {@code 512}, {@code 64KB} or {@code 2MB}. */
    public long bytes(String key, long defaultValue, long min, long max) {
        String expected = "a size from " + min + " to " + max + " bytes, such as 64KB or 1MB";
        return parse(key, defaultValue, expected, raw -> {
            Matcher m = SIZE.matcher(raw);
            if (!m.matches()) {
                return null;
            }
            long unit = switch (m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT)) {
                case "kb", "k" -> 1024L;
                case "mb", "m" -> 1024L * 1024;
                case "gb", "g" -> 1024L * 1024 * 1024;
                default -> 1L;
            };
            try {
                long value = Math.multiplyExact(Long.parseLong(m.group(1)), unit);
                return value >= min && value <= max ? value : null;
            } catch (ArithmeticException | NumberFormatException e) {
                return null;
            }
        });
    }

    /** A duration such as {@code 500ms}, {@code 30s}, {@code 15m}, {@code 24h}, {@code 730d} or ISO-8601 {@code PT5M}. */
    public Duration duration(String key, Duration defaultValue, Duration min, Duration max) {
        String expected = "a duration from " + human(min) + " to " + human(max) + ", such as 30s, 15m, 24h or 30d";
        return parse(key, defaultValue, expected, raw -> {
            Duration value = parseDuration(raw);
            return value != null && value.compareTo(min) >= 0 && value.compareTo(max) <= 0 ? value : null;
        });
    }

    /** A comma-separated list; blank items are dropped. */
    public List<String> list(String key, List<String> defaultValue) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        List<String> items = new ArrayList<>();
        for (String item : raw.get().split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return List.copyOf(items);
    }

    /** One of a fixed set of lower-case words. */
    public String choice(String key, String defaultValue, String... allowed) {
        String expected = "one of " + String.join(", ", allowed);
        return parse(key, defaultValue, expected, raw -> {
            String lower = raw.toLowerCase(Locale.ROOT);
            return Arrays.asList(allowed).contains(lower) ? lower : null;
        });
    }

    /** An absolute http or https URL. */
    public URI httpUrl(String key, URI defaultValue) {
        return parse(key, defaultValue, "an absolute http:// or https:// URL", raw -> {
            try {
                URI uri = new URI(raw);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                boolean ok = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
                return ok ? uri : null;
            } catch (URISyntaxException e) {
                return null;
            }
        });
    }

    public Path path(String key, Path defaultValue) {
        return parse(key, defaultValue, "a file system path", raw -> {
            try {
                return Path.of(raw);
            } catch (InvalidPathException e) {
                return null;
            }
        });
    }

    /**
     * Names used under a prefix, e.g. {@code names("route.")} gives {@code comments} for
     * {@code route.comments.match}. All keys under the prefix still have to be read to count as known.
     */
    public Set<String> names(String prefix) {
        Set<String> names = new TreeSet<>();
        for (String key : values.keySet()) {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                String rest = key.substring(prefix.length());
                int dot = rest.indexOf('.');
                names.add(dot < 0 ? rest : rest.substring(0, dot));
            }
        }
        return names;
    }

    /**
     * Every value under a prefix, by the rest of its key ({@code site.a.emc.site-id} → {@code emc.site-id} for
     * {@code site.a.}), as given; the keys count as known (they are validated where the section is read).
     */
    public Map<String, String> section(String prefix) {
        acceptPrefix(prefix);
        Map<String, String> section = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                section.put(key.substring(prefix.length()), value);
            }
        });
        return section;
    }

    /** Every value given, as given (for settings built again with an overlay). */
    public Map<String, String> values() {
        return values;
    }

    /** Records that every key under a prefix is read elsewhere (for free-form maps such as per-field settings). */
    public void acceptPrefix(String prefix) {
        knownPrefixes.add(prefix);
    }

    /** Records a problem with a key, naming the bad value and what is expected instead. */
    public void problem(String key, String value, String expected) {
        problems.add(new ConfigProblem(key, value, expected));
    }

    /** The raw value, for problem messages. */
    public String raw(String key) {
        String value = values.get(key);
        return value == null ? "" : value;
    }

    public Set<String> knownKeys() {
        return Set.copyOf(known);
    }

    public List<ConfigProblem> problems() {
        return List.copyOf(problems);
    }

    public List<String> unknownKeys() {
        List<String> unknown = new ArrayList<>();
        for (String key : values.keySet()) {
            if (!known.contains(key) && knownPrefixes.stream().noneMatch(key::startsWith)) {
                unknown.add(key);
            }
        }
        return unknown;
    }

    private <T> T parse(String key, T defaultValue, String expected, Function<String, T> parser) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        T value = parser.apply(raw.get());
        if (value == null) {
            problem(key, raw.get(), expected);
            return defaultValue;
        }
        return value;
    }

    static Duration parseDuration(String raw) {
        String text = raw.trim();
        if (text.regionMatches(true, 0, "P", 0, 1)) {
            try {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                return null;
            }
        }
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            return null;
        }
        long amount;
        try {
            amount = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return null;
        }
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    static String human(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds == 0) {
            return duration.toMillis() + "ms";
        }
        if (seconds % 86400 == 0) {
            return seconds / 86400 + "d";
        }
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
