package vn.schoolguard.internal.inject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code <script>} elements {@link TrackerWatch} reads: the start tag's {@code type}, {@code language},
 * {@code src} and {@code nomodule}, a bounded copy of the inline code, and what the page's scripts add up to.
 * Memory is bounded: {@link #SCRIPT_CAP} units of code, a few short names. Not thread-safe.
 */
// Security-critical: a poster's text must never pass for the tracker, or pages would go out without one.
final class ScriptElement {

    /** Longest inline script read; a longer one is not taken for the bootstrap (the real one is under 1 KB). */
    static final int SCRIPT_CAP = 8 * 1024;
    private static final int MAX_SITE_IDS = 16;
    private static final int NAME_CAP = 16;
    private static final int VALUE_CAP = 2048;
    /** Room for the {@code </script} that ends the code, which is copied before it is recognised. */
    private static final int CODE_LIMIT = SCRIPT_CAP + "</script".length();

    private static final Set<String> JAVASCRIPT_TYPES = Set.of("application/ecmascript", "application/javascript",
            "application/x-ecmascript", "application/x-javascript", "text/ecmascript", "text/javascript",
            "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3",
            "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript",
            "text/x-javascript");

    private final String host;
    private final StringBuilder attributeName = new StringBuilder();
    private final StringBuilder attributeValue = new StringBuilder();
    private String type;
    private String language;
    private String src;
    private boolean noModule;
    private char[] code;
    private int codeLength;
    private boolean codeOverflow;
    private final Set<String> siteIds = new LinkedHashSet<>();
    private boolean loaderSeen;

    /** @param host the tracker host, lower case */
    ScriptElement(String host) {
        this.host = host;
    }

    /** True once the page carries a working tracker for {@code siteId}. */
    boolean carries(String siteId) {
        return loaderSeen && siteIds.contains(siteId);
    }

    /** The site IDs of the page's working trackers, in page order; empty when none loads the tracker script. */
    List<String> siteIds() {
        return loaderSeen ? new ArrayList<>(siteIds) : List.of();
    }

    /** A script start tag begins: its attributes are kept from here. */
    void startTag() {
        type = null;
        language = null;
        src = null;
        noModule = false;
    }

    void startAttribute(int c) {
        attributeName.setLength(0);
        attributeValue.setLength(0);
        attributeName.append((char) TagName.lower(c));
    }

    void nameUnit(int c) {
        if (attributeName.length() < NAME_CAP) {
            attributeName.append((char) TagName.lower(c));
        }
    }

    void valueUnit(int c) {
        if (attributeValue.length() < VALUE_CAP) {
            attributeValue.append((char) c);
        }
    }

    void attributeDone() {
        // As in the browser, the first of duplicate attributes counts.
        String value = attributeValue.toString();
        switch (attributeName.toString()) {
            case "type" -> type = type == null ? value : type;
            case "language" -> language = language == null ? value : language;
            case "src" -> src = src == null ? value : src;
            case "nomodule" -> noModule = true;
            default -> {
                // Other attributes do not decide whether the script is the tracker.
            }
        }
        attributeName.setLength(0);
        attributeValue.setLength(0);
    }

    /** The script's code begins. */
    void open() {
        codeLength = 0;
        codeOverflow = false;
    }

    /** Copies the units {@code [from, to)} of the current piece into the code. */
    void keep(PageUnits<?> units, int from, int to) {
        int room = room(to - from);
        if (room > 0) {
            units.copy(from, code, codeLength, room);
            codeLength += room;
        }
    }

    void keep(int c) {
        if (room(1) == 1) {
            code[codeLength++] = (char) c;
        }
    }

    /** Makes room for {@code wanted} more units of code, up to the cap (beyond it the script is not the tracker). */
    private int room(int wanted) {
        if (codeOverflow || wanted == 0) {
            return 0;
        }
        if (codeLength + wanted > CODE_LIMIT) {
            codeOverflow = true;
            return 0;
        }
        if (code == null || codeLength + wanted > code.length) {
            code = Arrays.copyOf(code == null ? new char[0] : code, Math.min(CODE_LIMIT, Math.max(512, 2 * (codeLength + wanted))));
        }
        return wanted;
    }

    /** The script ends; the last {@code endTag} units of the copy are its end tag. */
    void end(int endTag) {
        if (!classicScript()) {
            return;
        }
        if (src != null) {
            loaderSeen |= TrackerScript.isLoader(src, host);
            return;
        }
        if (codeOverflow) {
            return;
        }
        TrackerScript.Bootstrap bootstrap = TrackerScript.read(code, codeLength - endTag, host);
        if (bootstrap != null) {
            if (siteIds.size() < MAX_SITE_IDS) {
                siteIds.add(bootstrap.siteId());
            }
            loaderSeen |= bootstrap.loadsTracker();
        }
    }

    /**
     * Whether the browser runs this script as a classic script: no type (or an empty one), or a JavaScript MIME
     * type exactly. Modules are not the tracker: their {@code var _govaq} is not the global queue the tracker reads.
     */
    private boolean classicScript() {
        if (noModule) {
            return false;
        }
        String t = type != null ? type : language == null || language.isEmpty() ? "" : "text/" + language;
        t = t.trim().toLowerCase(Locale.ROOT);
        return t.isEmpty() || JAVASCRIPT_TYPES.contains(t);
    }
}
