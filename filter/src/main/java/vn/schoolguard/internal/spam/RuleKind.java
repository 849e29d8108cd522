package vn.schoolguard.internal.spam;

import java.util.Locale;
import java.util.Optional;

/** What a rule looks at; the {@code kind} key of a rule-pack section. */
enum RuleKind {
    /** Phrases matched on folded words, joined single letters and (when long) the run-together text. */
    PHRASE,
    /** Regular expressions on the folded word view with single letters joined. */
    PATTERN,
    /** Phrases of anti-gambling announcements; a negative weight that only offsets phrase and pattern weights. */
    AWARENESS,
    /** Blocked domains (suffixes, or regular expressions after {@code ~}) in links or spelled out in text. */
    DOMAIN_BLOCK,
    /** Allowed domains: never blocked, not counted as links. */
    DOMAIN_ALLOW,
    /** A domain written in disguise ("go88 chấm info", "k u w i n . c o m", "fb88[.]vip"). */
    SPELLED_DOMAIN,
    /** At least {@code threshold} links to hosts that are not allowed. */
    LINKS,
    /** Links inside markup hidden with CSS or the hidden attribute. */
    HIDDEN_LINK,
    /** At least {@code threshold} earlier submissions with the same fingerprint within {@code window}. */
    REPEAT,
    /** The honeypot field ({@code spam.honeypot-field}) was filled in. */
    HONEYPOT,
    /** The form was sent sooner than {@code spam.min-fill-time} after it was rendered. */
    FILL_TIME,
    /** The poster's IP address sent something moderators marked as spam. */
    MARKED_IP,
    /** The e-mail address sent something moderators marked as spam. */
    MARKED_EMAIL,
    /** A linked or named host appeared in something moderators marked as spam. */
    MARKED_HOST,
    /** The same text (by fingerprint) was marked as spam by a moderator. */
    MARKED_FINGERPRINT,
    /** A near-duplicate (MinHash similarity at least {@code threshold}) of a text a moderator marked as spam. */
    CAMPAIGN,
    /** More than {@code limit} characters in all fields; only the first {@code limit} are analysed. */
    TOO_LARGE,
    /** Characters that could not be decoded (U+FFFD or lone surrogates). */
    BAD_ENCODING;

    static Optional<RuleKind> parse(String text) {
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Kinds whose weight an awareness match may offset. */
    boolean textual() {
        return this == PHRASE || this == PATTERN;
    }
}
