package vn.schoolguard.internal.inject;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.schoolguard.internal.log.Log;

/**
 * Pages that stop the inserted EMC tracker with their own Content-Security-Policy, for the log and the console.
 * Each path pattern, source and reason is logged once (WARN, {@code vn.schoolguard.internal.inject.PageDecorator}); later
 * pages only count. At most {@link #MAX_ENTRIES} entries are kept. Thread-safe.
 */
public final class DecorationWarnings {

    /** Most distinct warnings kept; further ones are counted only. */
    public static final int MAX_ENTRIES = 200;

    /** The log category of page decoration, as the documentation names it. */
    static final String LOG_NAME = "vn.schoolguard.inject.PageDecorator";

    private static final Log LOG = Log.get(LOG_NAME);
    private static final int MAX_TEXT = 300;

    private final Clock clock;
    private final Map<String, DecorationWarning> entries = new LinkedHashMap<>();
    private long dropped;

    DecorationWarnings(Clock clock) {
        this.clock = clock;
    }

    /** Records one page blocked by {@code block} of a policy from {@code source} ({@code meta} or {@code header}). */
    void record(String path, String source, TrackerPolicy.Block block) {
        String pattern = pattern(path);
        String directive = shorten(block.directive());
        String key = pattern + '\n' + source + '\n' + block.blocked() + '\n' + directive;
        java.time.Instant now = clock.instant();
        boolean first;
        synchronized (this) {
            DecorationWarning seen = entries.get(key);
            first = seen == null;
            if (first && entries.size() >= MAX_ENTRIES) {
                dropped++;
                return;
            }
            entries.put(key, new DecorationWarning(pattern, shorten(path), source, block.blocked().key(), directive,
                    first ? 1 : seen.pages() + 1, first ? now : seen.firstSeen(), now));
        }
        if (first) {
            LOG.warn("The EMC tracker inserted into {} cannot work: the page's own Content-Security-Policy ({}) "
                    + "blocks the {} with \"{}\". Allow the tracker in that policy (see docs/en/page-compliance.md); "
                    + "pages like {} are counted in the console from now on", shorten(path), source,
                    block.blocked().key().replace('-', ' '), directive, pattern);
        }
    }

    /** The warnings, most recently seen first. */
    public synchronized List<DecorationWarning> recent() {
        List<DecorationWarning> list = new ArrayList<>(entries.values());
        list.sort(Comparator.comparing(DecorationWarning::lastSeen).reversed());
        return List.copyOf(list);
    }

    /** Distinct warnings not kept because the list was full. */
    public synchronized long dropped() {
        return dropped;
    }

    /** The path with every segment that holds a digit (IDs, dates) written as {@code *}. */
    static String pattern(String path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            if (out.length() > 0 || !segment.isEmpty()) {
                out.append('/');
            }
            out.append(segment.chars().anyMatch(Character::isDigit) ? "*" : segment);
        }
        String pattern = out.length() == 0 ? "/" : out.toString().replaceAll("/{2,}", "/");
        return shorten(pattern);
    }

    private static String shorten(String text) {
        String clean = text.replaceAll("[\\x00-\\x1f\\x7f]", "?");
        return clean.length() <= MAX_TEXT ? clean : clean.substring(0, MAX_TEXT) + "…";
    }
}
