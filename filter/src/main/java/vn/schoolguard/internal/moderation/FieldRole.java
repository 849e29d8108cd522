package vn.schoolguard.internal.moderation;

import java.util.Optional;

import vn.schoolguard.internal.config.EnumKeys;

/** What a form field holds, which decides how it is sanitized, scored and shown to moderators. */
public enum FieldRole {
    /** The poster's display name. */
    AUTHOR,
    /** The poster's e-mail address. */
    EMAIL,
    /** A web address given by the poster. */
    URL,
    /** Plain text that the application escapes when it shows it. */
    TEXT,
    /** HTML that the application shows as markup: sanitized before replay. */
    HTML,
    /** Left alone and not scored (hidden tokens, ids, the app's own bookkeeping). */
    IGNORE;

    public String key() {
        return EnumKeys.key(this);
    }

    public static Optional<FieldRole> parse(String text) {
        return EnumKeys.parse(FieldRole.class, text);
    }
}
