package vn.schoolguard.internal.inject;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.schoolguard.internal.hash.Sha256;

/** The inserted markup, built once from the settings; pure ASCII so that any ASCII-compatible charset carries it. */
final class Snippets {

    private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=_-]+)'");

    private final String trackerScript;
    private final String trackerHash;
    private final String fallback;
    private final String portalBlock;
    private final TrackerIdentity trackerIdentity;

    Snippets(InjectSettings settings) {
        String origin = settings.trackerOrigin();
        this.trackerScript = settings.emc().siteId().map(id -> "var _govaq=window._govaq||[];"
                + "_govaq.push(['trackPageView']);_govaq.push(['enableLinkTracking']);"
                + "(function(){_govaq.push(['setTrackerUrl','" + origin + "/tracking']);"
                + "_govaq.push(['setSiteId','" + id + "']);"
                + "var d=document,g=d.createElement('script'),s=d.getElementsByTagName('script')[0];"
                + "g.type='text/javascript';g.async=true;g.defer=true;"
                + "g.src='" + origin + "/embed/gov-tracking.min.js';s.parentNode.insertBefore(g,s);})();")
                .orElse("");
        this.trackerHash = trackerScript.isEmpty() ? "" : "'sha256-" + sha256(trackerScript) + "'";
        this.fallback = settings.emc().siteId().isPresent() && settings.emc().fallbackLabel().isPresent()
                ? "<noscript><p class=\"schoolguard-emc\" style=\"text-align:center;margin:4px 0\">"
                        + escape(settings.emc().fallbackLabel().get()) + "</p></noscript>"
                : "";
        this.portalBlock = portalBlock(settings);
        this.trackerIdentity = settings.emc().siteId().map(id -> new TrackerIdentity(id, settings.emc().trackerHost()))
                .orElse(TrackerIdentity.NONE);
    }

    /** The tracker that, already in a page, makes the inserted one unnecessary. */
    TrackerIdentity trackerIdentity() {
        return trackerIdentity;
    }

    boolean hasTracker() {
        return !trackerScript.isEmpty();
    }

    boolean hasPortal() {
        return !portalBlock.isEmpty();
    }

    /** The CSP source that allows exactly the inline tracker script, such as {@code 'sha256-...'}; empty without one. */
    String trackerHash() {
        return trackerHash;
    }

    /** The tracker, carrying the nonce of the response's own policy when it has one. */
    String tracker(Optional<String> nonce) {
        if (trackerScript.isEmpty()) {
            return "";
        }
        String nonceAttribute = nonce.map(n -> " nonce=\"" + n + "\"").orElse("");
        return "<script" + nonceAttribute + ">" + trackerScript + "</script>" + fallback;
    }

    String portalBlock() {
        return portalBlock;
    }

    /** The inline tracker script's text, without the element; empty without a site ID. */
    String trackerSource() {
        return trackerScript;
    }

    /** The {@code 'nonce-...'} value of a Content-Security-Policy, preferring script-src. */
    static Optional<String> nonceIn(String policy) {
        if (policy == null) {
            return Optional.empty();
        }
        for (String directive : policy.split(";")) {
            String d = directive.trim();
            if (d.startsWith("script-src ") || d.startsWith("script-src-elem ")) {
                Matcher m = NONCE.matcher(d);
                if (m.find()) {
                    return Optional.of(m.group(1));
                }
            }
        }
        for (String directive : policy.split(";")) {
            if (directive.trim().startsWith("default-src ")) {
                Matcher m = NONCE.matcher(directive);
                if (m.find()) {
                    return Optional.of(m.group(1));
                }
            }
        }
        return Optional.empty();
    }

    private static String portalBlock(InjectSettings settings) {
        if (settings.portal().url().isEmpty() && settings.badges().isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<div class=\"schoolguard-portal\" data-schoolguard=\"portal\""
                + " style=\"text-align:center;margin:8px 0;line-height:1.6\">");
        settings.portal().url().ifPresent(url -> html.append("<a href=\"").append(escape(url.toString()))
                .append("\" title=\"").append(escape(settings.portal().title()))
                .append("\">").append(escape(settings.portal().label())).append("</a>"));
        for (InjectSettings.Badge badge : settings.badges()) {
            String image = "<img src=\"" + escape(badge.image().toString()) + "\" alt=\"" + escape(badge.alt())
                    + "\"" + badge.title().map(t -> " title=\"" + escape(t) + "\"").orElse("")
                    + " height=\"40\" style=\"vertical-align:middle;margin:0 4px\">";
            html.append(' ');
            if (badge.url().isPresent()) {
                html.append("<a href=\"").append(escape(badge.url().get().toString())).append('"')
                        .append(badge.title().map(t -> " title=\"" + escape(t) + "\"").orElse(""))
                        .append(">").append(image).append("</a>");
            } else {
                html.append(image);
            }
        }
        return html.append("</div>").toString();
    }

    /** Escapes for text and quoted attributes, and writes every non-ASCII character as a numeric reference. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (cp < 0x20 || cp > 0x7e) {
                        out.append("&#").append(cp).append(';');
                    } else {
                        out.append((char) cp);
                    }
                }
            }
        });
        return out.toString();
    }

    private static String sha256(String text) {
        return Base64.getEncoder().encodeToString(Sha256.digest(text));
    }
}
