package vn.schoolguard.internal.moderation;

import java.util.Optional;
import java.util.regex.Pattern;

import vn.schoolguard.internal.config.ConfigReader;

/**
 * Where the application's signed-in user is found when a submission arrives ({@code moderation.user-from}).
 * SchoolGuard runs first in the chain, so an application that signs users in with a later filter (Spring
 * Security, its own session login) has not yet told the container who the user is; its session already
 * holds them, since the sign-in happened in an earlier request.
 *
 * @param kind where to look
 * @param name the session attribute or header name; empty for {@link Kind#PRINCIPAL}
 */
public record UserSource(Kind kind, String name) {

    /** The container's signed-in user ({@code getRemoteUser}), the default. */
    public static final UserSource PRINCIPAL = new UserSource(Kind.PRINCIPAL, "");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.$:-]{1,200}");

    /** The places a signed-in user can be read from. */
    public enum Kind {
        /** {@code request.getRemoteUser()}: container or earlier-filter authentication. */
        PRINCIPAL,
        /** An attribute of the application's existing {@code HttpSession}. */
        SESSION_ATTRIBUTE,
        /** A request header written by a trusted reverse proxy (believed only from {@code proxies.trusted}). */
        HEADER
    }

    static UserSource read(ConfigReader reader, String key) {
        Optional<String> raw = reader.optional(key);
        if (raw.isEmpty()) {
            return PRINCIPAL;
        }
        Optional<UserSource> parsed = parse(raw.get());
        if (parsed.isEmpty()) {
            reader.problem(key, raw.get(), "principal, session-attribute:NAME (such as session-attribute:"
                    + "SPRING_SECURITY_CONTEXT) or header:NAME (such as header:X-Remote-User)");
            return PRINCIPAL;
        }
        return parsed.get();
    }

    static Optional<UserSource> parse(String text) {
        String trimmed = text.trim();
        if (trimmed.equalsIgnoreCase("principal")) {
            return Optional.of(PRINCIPAL);
        }
        int colon = trimmed.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String name = trimmed.substring(colon + 1).trim();
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return switch (trimmed.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT)) {
            case "session-attribute" -> Optional.of(new UserSource(Kind.SESSION_ATTRIBUTE, name));
            case "header" -> Optional.of(new UserSource(Kind.HEADER, name));
            default -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case PRINCIPAL -> "principal";
            case SESSION_ATTRIBUTE -> "session-attribute:" + name;
            case HEADER -> "header:" + name;
        };
    }
}
