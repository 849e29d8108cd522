package vn.schoolguard.internal.alert;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import vn.schoolguard.internal.config.ConfigReader;

/** Reading of the alert keys the plain {@link ConfigReader} has no type for: a period that may be {@code off}, a Host. */
final class Periods {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,45}](:[0-9]{1,5})?");

    private Periods() {
    }

    /** A duration, or null when the value is {@code off}. */
    static Duration orOff(ConfigReader reader, String key, Duration defaultValue, Duration min, Duration max) {
        Optional<String> raw = reader.optional(key);
        if (raw.isPresent() && raw.get().toLowerCase(Locale.ROOT).equals("off")) {
            return null;
        }
        return reader.duration(key, defaultValue, min, max);
    }

    /** A {@code Host} header value: a name or address with an optional port, nothing that could end the header. */
    static Optional<String> hostHeader(ConfigReader reader, String key) {
        Optional<String> raw = reader.optional(key);
        if (raw.isPresent() && !HOST.matcher(raw.get()).matches()) {
            reader.problem(key, raw.get(), "a host name with an optional port, such as thcs-ngoquyen.haiphong.edu.vn");
            return Optional.empty();
        }
        return raw;
    }
}
