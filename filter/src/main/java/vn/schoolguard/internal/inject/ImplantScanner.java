package vn.schoolguard.internal.inject;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds planted content in a page's HTML: links to gambling hosts, links to other sites that a visitor cannot
 * see (display:none, visibility:hidden, zero font size, pushed off screen) and gambling phrases outside approved
 * content. Internal; public so that the site check can use it. Thread-safe.
 */
public final class ImplantScanner {

    private static final Pattern TAG = Pattern.compile("<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*+)>",
            Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s\"'>]+))?");
    private static final Pattern HIDDEN_STYLE = Pattern.compile(
            "display:none|visibility:hidden|font-size:0(?:\\.0+)?(?:px|pt|em|rem|%)?(?:;|!|$)|opacity:0(?:;|!|$)"
                    + "|(?:left|top|right|text-indent|margin-left|margin-top):-\\d{3,}"
                    + "|(?:height|width|max-height|max-width):0(?:px)?(?:;|!|$).*overflow:hidden"
                    + "|overflow:hidden.*(?:height|width|max-height|max-width):0(?:px)?(?:;|!|$)");
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
            "meta", "source", "track", "wbr");
    private static final int EXCERPT = 120;
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos|nbsp);");

    private final ImplantRules rules;
    private final ApprovedContent approved;
    private final List<String> allowedHosts;

    public ImplantScanner(ImplantRules rules, ApprovedContent approved, Collection<String> allowedHosts) {
        this.rules = rules;
        this.approved = approved;
        this.allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    }

    /** Scans one page; {@code pageHost} is the site's own host, whose links are never hidden-link findings. */
    public List<ImplantFinding> scan(String html, String pageHost) {
        String ownHost = pageHost == null ? "" : pageHost.toLowerCase(Locale.ROOT);
        List<ImplantFinding> findings = new ArrayList<>();
        Deque<Element> open = new ArrayDeque<>();
        Matcher m = TAG.matcher(html);
        int textStart = 0;
        String rawTextUntil = null;
        while (m.find()) {
            if (m.group(2) == null) {
                if (rawTextUntil == null) {
                    text(html.substring(textStart, m.start()), open, findings);
                }
                textStart = m.end();
                continue;
            }
            String name = m.group(2).toLowerCase(Locale.ROOT);
            boolean closing = !m.group(1).isEmpty();
            if (rawTextUntil != null) {
                // Inside script or style: nothing counts until the matching end tag.
                if (closing && name.equals(rawTextUntil)) {
                    rawTextUntil = null;
                    textStart = m.end();
                    pop(open, name);
                }
                continue;
            }
            text(html.substring(textStart, m.start()), open, findings);
            textStart = m.end();
            if (closing) {
                pop(open, name);
                continue;
            }
            String attributes = m.group(3);
            boolean parentHidden = !open.isEmpty() && open.peek().hidden;
            boolean hidden = parentHidden || hides(attributes);
            if (name.equals("a")) {
                link(attribute(attributes, "href"), hidden, ownHost, m.group(), findings);
            }
            if (!VOID.contains(name) && !attributes.endsWith("/")) {
                open.push(new Element(name, hidden));
            }
            if (name.equals("script") || name.equals("style")) {
                rawTextUntil = name;
            }
        }
        if (rawTextUntil == null && textStart < html.length()) {
            text(html.substring(textStart), open, findings);
        }
        return findings;
    }

    private void link(String href, boolean hidden, String ownHost, String tag, List<ImplantFinding> findings) {
        if (href == null) {
            return;
        }
        String host = host(href.trim());
        if (host == null || host.equals(ownHost) || host.endsWith("." + ownHost) || allowed(host)) {
            return;
        }
        if (rules.isGamblingHost(host)) {
            findings.add(new ImplantFinding("gambling-link", href.trim(), excerpt(tag)));
        } else if (hidden) {
            findings.add(new ImplantFinding("hidden-link", href.trim(), excerpt(tag)));
        }
    }

    private void text(String text, Deque<Element> open, List<ImplantFinding> findings) {
        if (text.isBlank()) {
            return;
        }
        String decoded = decode(text);
        List<String> phrases = rules.gamblingPhrases(decoded);
        if (phrases.isEmpty() || approved.covers(decoded.trim())) {
            return;
        }
        boolean hidden = !open.isEmpty() && open.peek().hidden;
        for (String phrase : phrases) {
            findings.add(new ImplantFinding("gambling-phrase", phrase + (hidden ? " (hidden)" : ""), excerpt(decoded.trim())));
        }
    }

    private boolean allowed(String host) {
        for (String allowedHost : allowedHosts) {
            if (host.equals(allowedHost) || host.endsWith("." + allowedHost)) {
                return true;
            }
        }
        return false;
    }

    static boolean hides(String attributes) {
        if (attributes.isBlank()) {
            return false;
        }
        String lower = attributes.toLowerCase(Locale.ROOT);
        if (!lower.contains("hidden") && !lower.contains("style")) {
            return false;
        }
        if (attribute(attributes, "hidden") != null) {
            return true;
        }
        String style = attribute(attributes, "style");
        if (style == null) {
            return false;
        }
        String compact = style.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        return HIDDEN_STYLE.matcher(compact).find();
    }

    /** The value of an attribute (empty for a bare one), or null when absent. */
    static String attribute(String attributes, String name) {
        Matcher m = ATTRIBUTE.matcher(attributes);
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase(name)) {
                String value = m.group(2);
                if (value == null) {
                    return "";
                }
                if (value.startsWith("\"") || value.startsWith("'")) {
                    value = value.substring(1, value.length() - 1);
                }
                return decode(value);
            }
        }
        return null;
    }

    /** The lower-case host of an absolute or protocol-relative http(s) link; null for anything else. */
    static String host(String href) {
        try {
            URI uri = new URI(href.startsWith("//") ? "http:" + href : href);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return null;
            }
            return uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    static String decode(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        Matcher m = ENTITY.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start());
            String entity = m.group(1);
            switch (entity) {
                case "amp" -> out.append('&');
                case "lt" -> out.append('<');
                case "gt" -> out.append('>');
                case "quot" -> out.append('"');
                case "apos" -> out.append('\'');
                case "nbsp" -> out.append(' ');
                default -> {
                    int cp = entity.charAt(1) == 'x' || entity.charAt(1) == 'X'
                            ? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1));
                    if (Character.isValidCodePoint(cp)) {
                        out.appendCodePoint(cp);
                    }
                }
            }
            last = m.end();
        }
        return out.append(text, last, text.length()).toString();
    }

    private static void pop(Deque<Element> open, String name) {
        for (Element element : open) {
            if (element.name.equals(name)) {
                while (!open.isEmpty() && !open.pop().name.equals(name)) {
                    // unclosed children end with their parent
                }
                return;
            }
        }
    }

    private static String excerpt(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "...";
    }

    private record Element(String name, boolean hidden) {
    }
}
