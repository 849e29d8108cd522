package vn.schoolguard.internal.sanitize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.owasp.html.HtmlChangeListener;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The named OWASP sanitizer policies that posted HTML fields are cleaned with; the name is the value of
 * {@code route.<name>.html-policy}.
 *
 * <ul>
 * <li>{@code text}: no markup at all; the text stays, escaped.</li>
 * <li>{@code formatting}: paragraphs, line breaks, bold, italic, underline, strike, sub/superscript,
 *     quotes, lists, headings 3-6, code.</li>
 * <li>{@code links}: formatting plus links to http, https and mailto URLs only, each given
 *     {@code rel="nofollow ugc noopener"}.</li>
 * <li>{@code images}: links plus images from http and https URLs (never {@code data:}), with alt, width and height.</li>
 * </ul>
 * No policy ever lets through raw-text elements (script, style, noscript, iframe, noembed, noframes,
 * xmp, plaintext), event handlers, style attributes or other URL schemes. Values longer than
 * {@link #MAX_INPUT_CHARS} are cut before sanitizing, and the cut is reported as removed.
 *
 * <p>Thread-safe; the policies are built once.
 * <pre>{@code
 * SanitizedHtml clean = HtmlPolicies.sanitize("links", rawComment);
 * replayValue = clean.html();          // what the application receives on approval
 * moderatorNote = clean.removed();     // e.g. [<script> ×1, a@onclick ×2]
 * }</pre>
 */
public final class HtmlPolicies {

    /** The longest value sanitized; longer values are cut (the raw original is kept elsewhere). */
    public static final int MAX_INPUT_CHARS = 256 * 1024;
    /** The most distinct removal entries recorded for one value. */
    static final int MAX_REMOVED_ENTRIES = 50;

    // @TCB: everything these policies allow reaches every visitor of the site after approval.
    private static final PolicyFactory TEXT = new HtmlPolicyBuilder().toFactory();
    private static final PolicyFactory FORMATTING = new HtmlPolicyBuilder()
            .allowElements("p", "br", "b", "strong", "i", "em", "u", "s", "strike", "sub", "sup", "small", "blockquote",
                    "q", "ul", "ol", "li", "h3", "h4", "h5", "h6", "code", "pre", "hr", "span")
            .toFactory();
    private static final PolicyFactory LINKS = FORMATTING.and(new HtmlPolicyBuilder()
            .allowElements("a")
            .allowAttributes("href").onElements("a")
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelsOnLinks("nofollow", "ugc", "noopener")
            .toFactory());
    private static final PolicyFactory IMAGES = LINKS.and(new HtmlPolicyBuilder()
            .allowElements("img")
            .allowUrlProtocols("http", "https")
            .allowAttributes("src").onElements("img")
            .allowAttributes("alt").onElements("img")
            .allowAttributes("width", "height").matching(java.util.regex.Pattern.compile("[0-9]{1,4}")).onElements("img")
            .toFactory());
    private static final Map<String, PolicyFactory> POLICIES = Map.of(
            "text", TEXT, "formatting", FORMATTING, "links", LINKS, "images", IMAGES);

    private HtmlPolicies() {
    }

    /** The policy names, for validating {@code route.<name>.html-policy}. */
    public static Set<String> names() {
        return Set.of("text", "formatting", "links", "images");
    }

    /**
     * Sanitizes a value with the named policy.
     *
     * @param policy {@code text}, {@code formatting}, {@code links} or {@code images}
     * @param raw    the value as posted; null counts as empty
     * @throws IllegalArgumentException for any other policy name (the message lists the names)
     */
    public static SanitizedHtml sanitize(String policy, String raw) {
        PolicyFactory factory = POLICIES.get(policy);
        if (factory == null) {
            throw new IllegalArgumentException(SanitizeTexts.unknownPolicy(policy, names()));
        }
        String input = raw == null ? "" : raw;
        Removals removals = new Removals();
        if (input.length() > MAX_INPUT_CHARS) {
            int cut = MAX_INPUT_CHARS;
            if (Character.isHighSurrogate(input.charAt(cut - 1))) {
                cut--;
            }
            removals.note(SanitizeTexts.truncated(input.length(), cut));
            input = input.substring(0, cut);
        }
        String html = factory.sanitize(input, removals, null);
        // Policies keep element names they allow in lower case only; the listener sees the rest.
        return new SanitizedHtml(html, removals.entries());
    }

    /** Collects what a policy removed, counted per element or attribute, bounded. */
    private static final class Removals implements HtmlChangeListener<Object> {
        private final Map<String, Integer> counts = new LinkedHashMap<>();

        void note(String entry) {
            if (counts.containsKey(entry) || counts.size() < MAX_REMOVED_ENTRIES) {
                counts.merge(entry, 1, Integer::sum);
            }
        }

        @Override
        public void discardedTag(Object context, String elementName) {
            note("<" + elementName + ">");
        }

        @Override
        public void discardedAttributes(Object context, String tagName, String... attributeNames) {
            for (String attribute : attributeNames) {
                note(tagName + "@" + attribute);
            }
        }

        List<String> entries() {
            return counts.entrySet().stream().map(e -> SanitizeTexts.removal(e.getKey(), e.getValue())).toList();
        }
    }
}
