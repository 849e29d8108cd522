package vn.schoolguard.spam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Links, link hosts and hidden-link markup found in a raw posted value. */
final class HtmlSignals {

    private static final Pattern URL = Pattern.compile(
            "(?i)(?:\\b(?:https?|ftp)\\s*:\\s*/\\s*/|\\bwww\\.)([a-z0-9\\p{L}-]{1,63}(?:\\.[a-z0-9\\p{L}-]{1,63}){0,8})");
    private static final Pattern HREF = Pattern.compile("(?i)\\bhref\\s*=");
    /** Markup that hides its content: CSS tricks and the hidden attribute. */
    private static final Pattern HIDING = Pattern.compile("(?i)(?:style\\s*=\\s*[\"']?[^\"'>]{0,300}?(?:display\\s*:\\s*none"
            + "|visibility\\s*:\\s*hidden|font-size\\s*:\\s*0(?![.\\d]*[1-9])|(?:left|top|text-indent|margin-left)\\s*:\\s*-\\d{3,}"
            + "|opacity\\s*:\\s*0(?:\\.0+)?(?![.\\d])|(?:height|width|max-height)\\s*:\\s*0(?![.\\d]*[1-9])|overflow\\s*:\\s*hidden[^\"'>]{0,80}?(?:height|width)\\s*:\\s*[01]px)"
            + "|<[a-z][^>]{0,300}?\\shidden(?:\\s|>|=))");
    private static final Pattern ANCHOR = Pattern.compile("(?i)<a\\b[^>]{0,500}?href");
    private static final int HIDDEN_REACH = 3000;

    private final List<String> hosts;
    private final int linkCount;
    private final int hiddenLinks;

    private HtmlSignals(List<String> hosts, int linkCount, int hiddenLinks) {
        this.hosts = hosts;
        this.linkCount = linkCount;
        this.hiddenLinks = hiddenLinks;
    }

    static HtmlSignals of(String raw) {
        List<String> hosts = new ArrayList<>();
        int links = 0;
        Matcher url = URL.matcher(raw);
        while (url.find()) {
            links++;
            hosts.add(url.group(1).toLowerCase(Locale.ROOT));
        }
        Matcher href = HREF.matcher(raw);
        int hrefs = 0;
        while (href.find()) {
            hrefs++;
        }
        // An href with a relative or odd target is still a link; absolute ones were counted above.
        links = Math.max(links, hrefs);
        int hidden = 0;
        Matcher hiding = HIDING.matcher(raw);
        int searchedTo = 0;
        while (hiding.find()) {
            int from = Math.max(hiding.start(), searchedTo);
            int to = Math.min(raw.length(), hiding.end() + HIDDEN_REACH);
            if (from < to) {
                Matcher anchor = ANCHOR.matcher(raw).region(from, to);
                while (anchor.find()) {
                    hidden++;
                }
            }
            searchedTo = Math.max(searchedTo, to);
        }
        return new HtmlSignals(hosts, links, hidden);
    }

    List<String> hosts() {
        return hosts;
    }

    int linkCount() {
        return linkCount;
    }

    int hiddenLinks() {
        return hiddenLinks;
    }
}
