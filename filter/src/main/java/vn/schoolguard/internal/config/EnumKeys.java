package vn.schoolguard.internal.config;

import java.util.Locale;
import java.util.Optional;

/** The settings' spelling of enum constants: the name in lower case, read back whatever its case and spacing. */
public final class EnumKeys {

    private EnumKeys() {
    }

    public static String key(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** The constant whose {@link #key} is {@code text}, ignoring case and surrounding spaces. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        String wanted = text.trim();
        for (E constant : type.getEnumConstants()) {
            if (key(constant).equalsIgnoreCase(wanted)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
