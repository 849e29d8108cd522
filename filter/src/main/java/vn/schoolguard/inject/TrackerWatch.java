package vn.schoolguard.inject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Follows a page's markup just far enough to find a working EMC tracker: {@code <script>} elements that a
 * browser would run (not inside comments, attribute values or text-only elements such as {@code <textarea>}),
 * their {@code type} and {@code src}, and a bounded copy of each inline script's code, read by
 * {@link TrackerScript} at {@code </script>}. A page carries the tracker when a bootstrap sets the site ID with
 * the tracker URL on the configured host and the tracker's script is loaded from that host (by the bootstrap
 * itself or by a {@code <script src>}).
 *
 * <p>Fed one unit (byte or char) at a time, with {@link #run} taking runs of units (text, ordinary tags) in bulk.
 * Memory is bounded: {@link #SCRIPT_CAP} units of code, a few short names. Not thread-safe.
 */
// Security-critical: a poster's text must never pass for the tracker, or pages would go out without one.
final class TrackerWatch {

    /** Longest inline script read; a longer one is not taken for the bootstrap (the real one is under 1 KB). */
    static final int SCRIPT_CAP = 8 * 1024;
    private static final int MAX_SITE_IDS = 16;
    private static final int NAME_CAP = 16;
    private static final int VALUE_CAP = 2048;

    private static final int DATA = 0;
    private static final int TAG_OPEN = 1;
    private static final int END_TAG_OPEN = 2;
    private static final int TAG_NAME = 3;
    private static final int BEFORE_ATTRIBUTE = 4;
    private static final int ATTRIBUTE_NAME = 5;
    private static final int AFTER_ATTRIBUTE_NAME = 6;
    private static final int DECLARATION = 7;
    private static final int DECLARATION_DASH = 8;
    private static final int COMMENT = 9;
    private static final int BOGUS_COMMENT = 10;
    private static final int TEXT = 11;
    private static final int PLAINTEXT = 12;
    // From here on: inside a tag, where a tag whose attributes do not matter takes the fast path (inTag).
    /** Inside a tag whose attributes do not matter: only a value (after {@code =}) or the closing {@code >} do. */
    private static final int IN_TAG = 13;
    private static final int BEFORE_VALUE = 14;
    private static final int VALUE_DOUBLE = 15;
    private static final int VALUE_SINGLE = 16;
    private static final int VALUE_BARE = 17;

    private static final char[] SCRIPT = "script".toCharArray();
    /** Elements whose content is text up to their end tag (RCDATA and RAWTEXT, noscript as with scripting on). */
    private static final char[][] TEXT_ELEMENTS = {"textarea".toCharArray(), "title".toCharArray(),
        "style".toCharArray(), "xmp".toCharArray(), "iframe".toCharArray(), "noembed".toCharArray(),
        "noframes".toCharArray(), "noscript".toCharArray()};
    private static final char[] PLAINTEXT_NAME = "plaintext".toCharArray();

    /** White space, {@code /}, {@code >} and {@code <}: the units that end a tag name (or, for '<', need the markers). */
    private static final boolean[] NAME_END = new boolean[0x80];

    static {
        for (char c : " \t\n\r\f/><".toCharArray()) {
            NAME_END[c] = true;
        }
    }

    private final String host;
    private int state = DATA;
    private boolean endTag;
    private final char[] name = new char[NAME_CAP];
    private int nameLength;
    /** In a {@code <script>} start tag: its attributes are kept. */
    private boolean collecting;
    private final StringBuilder attributeName = new StringBuilder();
    private final StringBuilder attributeValue = new StringBuilder();
    private String type;
    private String language;
    private String src;
    private boolean noModule;
    /** Comment: dashes just seen; -2 right after {@code <!--}, -1 after {@code <!---}. */
    private int dashes;
    private boolean bang;
    private char[] closing;
    private boolean inScript;
    /** Progress through {@code </name}: 1 after {@code <}, 2 after {@code </}, 2 + k after k letters of the name. */
    private int closeMatch;
    private char[] code;
    private int codeLength;
    private boolean codeOverflow;
    private final Set<String> siteIds = new LinkedHashSet<>();
    private boolean loaderSeen;

    /** @param host the tracker host, such as {@code f-emc.ngsp.gov.vn} */
    TrackerWatch(String host) {
        this.host = host.toLowerCase(Locale.ROOT);
    }

    /** True once the page carries a working tracker for {@code siteId}. */
    boolean carries(String siteId) {
        return loaderSeen && siteIds.contains(siteId);
    }

    /** The site IDs of the page's working trackers, in page order; empty when none loads the tracker script. */
    List<String> siteIds() {
        return loaderSeen ? new ArrayList<>(siteIds) : List.of();
    }

    /** Reads a whole page. */
    void feed(char[] page, int off, int len) {
        int end = off + len;
        int i = off;
        while (i < end) {
            i = run(page, i, end);
            if (i < end) {
                step(page[i++]);
            }
        }
    }

    /**
     * Takes units from {@code i} up to the next {@code <} (which the rewriter's own markers must also see) or
     * {@code end}, and returns that index; runs of units that change nothing are passed over in bulk.
     */
    int run(byte[] b, int i, int end) {
        while (i < end) {
            if (!collecting && state >= IN_TAG) {
                i = inTag(b, i, end);
            } else {
                i = skip(b, i, end);
                if (i < end && b[i] != '<') {
                    step(b[i++] & 0xFF);
                }
            }
            if (i < end && b[i] == '<') {
                return i;
            }
        }
        return i;
    }

    /**
     * Takes the {@code <} at {@code i}, which starts no marker of the rewriter's, and in the usual case the tag
     * name after it in one go (the hot path for dense markup); returns the index to go on from.
     */
    int openTag(byte[] b, int i, int end) {
        int k = i + 1;
        boolean closingTag = k < end && b[k] == '/';
        k += closingTag ? 1 : 0;
        if (state != DATA || k >= end || !letter(b[k])) {
            step('<');
            return i + 1;
        }
        endTag = closingTag;
        state = TAG_NAME;
        int n = 0;
        for (; k < end; k++) {
            int c = b[k] & 0xFF;
            if (c < 0x80 && NAME_END[c]) {
                break;
            }
            if (n < NAME_CAP) {
                name[n] = (char) lower(c);
            }
            n++;
        }
        nameLength = n;
        if (k < end && b[k] != '<') {
            tagName(b[k] & 0xFF);
            k++;
        }
        return k;
    }

    /**
     * Takes the {@code <} at {@code i}, which starts no marker of the rewriter's, and in the usual case the tag
     * name after it in one go (the hot path for dense markup); returns the index to go on from.
     */
    int openTag(char[] b, int i, int end) {
        int k = i + 1;
        boolean closingTag = k < end && b[k] == '/';
        k += closingTag ? 1 : 0;
        if (state != DATA || k >= end || !letter(b[k])) {
            step('<');
            return i + 1;
        }
        endTag = closingTag;
        state = TAG_NAME;
        int n = 0;
        for (; k < end; k++) {
            int c = b[k];
            if (c < 0x80 && NAME_END[c]) {
                break;
            }
            if (n < NAME_CAP) {
                name[n] = (char) lower(c);
            }
            n++;
        }
        nameLength = n;
        if (k < end && b[k] != '<') {
            tagName(b[k]);
            k++;
        }
        return k;
    }

    /**
     * The inside of a tag whose attributes do not matter, in one go: up to the next {@code <} (returned at it),
     * {@code end}, or just after the {@code >} that ends the tag.
     */
    private int inTag(byte[] b, int i, int end) {
        while (i < end) {
            if (state == IN_TAG) {
                i = MarkupScan.nextOf(b, i, end, '=', '>', '<');
                if (i == end || b[i] == '<') {
                    return i;
                }
                state = b[i++] == '=' ? BEFORE_VALUE : IN_TAG;
                if (state == IN_TAG) {
                    tagEnd();
                    return i;
                }
            } else if (state == VALUE_DOUBLE || state == VALUE_SINGLE) {
                char quote = state == VALUE_DOUBLE ? '"' : '\'';
                i = MarkupScan.nextOf(b, i, end, quote, quote, '<');
                if (i == end || b[i] == '<') {
                    return i;
                }
                i++;
                state = IN_TAG;
            } else if (b[i] == '<') {
                return i;
            } else {
                step(b[i++] & 0xFF);
                if (state < IN_TAG) {
                    return i;
                }
            }
        }
        return i;
    }

    /** As {@link #run(byte[], int, int)}, for characters. */
    int run(char[] b, int i, int end) {
        while (i < end) {
            if (!collecting && state >= IN_TAG) {
                i = inTag(b, i, end);
            } else {
                i = skip(b, i, end);
                if (i < end && b[i] != '<') {
                    step(b[i++]);
                }
            }
            if (i < end && b[i] == '<') {
                return i;
            }
        }
        return i;
    }

    /**
     * The inside of a tag whose attributes do not matter, in one go: up to the next {@code <} (returned at it),
     * {@code end}, or just after the {@code >} that ends the tag.
     */
    private int inTag(char[] b, int i, int end) {
        while (i < end) {
            if (state == IN_TAG) {
                i = nextOf(b, i, end, '=', '>', '<');
                if (i == end || b[i] == '<') {
                    return i;
                }
                state = b[i++] == '=' ? BEFORE_VALUE : IN_TAG;
                if (state == IN_TAG) {
                    tagEnd();
                    return i;
                }
            } else if (state == VALUE_DOUBLE || state == VALUE_SINGLE) {
                char quote = state == VALUE_DOUBLE ? '"' : '\'';
                i = nextOf(b, i, end, quote, quote, '<');
                if (i == end || b[i] == '<') {
                    return i;
                }
                i++;
                state = IN_TAG;
            } else if (b[i] == '<') {
                return i;
            } else {
                step(b[i++]);
                if (state < IN_TAG) {
                    return i;
                }
            }
        }
        return i;
    }

    /**
     * The index of the next unit that {@link #step} must see; the units before it are taken in bulk (a tag name,
     * the code copy) or change nothing. Inside a tag whose attributes do not matter, {@link #inTag} goes faster.
     */
    private int skip(byte[] b, int i, int end) {
        switch (state) {
            case TAG_NAME:
                while (i < end && !space(b[i]) && b[i] != '/' && b[i] != '>' && b[i] != '<') {
                    nameUnit(b[i] & 0xFF);
                    i++;
                }
                return i;
            case DATA, PLAINTEXT:
                return MarkupScan.nextStart(b, i, end);
            case TEXT:
                if (closeMatch != 0) {
                    return i;
                }
                int next = MarkupScan.nextStart(b, i, end);
                if (inScript) {
                    keep(b, i, next);
                }
                return next;
            case COMMENT:
                int from = i;
                while (dashes >= 0 && i < end && b[i] != '-' && b[i] != '>' && b[i] != '!' && b[i] != '<') {
                    i++;
                }
                if (i > from) {
                    dashes = 0;
                    bang = false;
                }
                return i;
            case BOGUS_COMMENT:
                while (i < end && b[i] != '>' && b[i] != '<') {
                    i++;
                }
                return i;
            default:
                return i;
        }
    }

    /** As {@link #skip(byte[], int, int)}, for characters. */
    private int skip(char[] b, int i, int end) {
        switch (state) {
            case TAG_NAME:
                while (i < end && !space(b[i]) && b[i] != '/' && b[i] != '>' && b[i] != '<') {
                    nameUnit(b[i]);
                    i++;
                }
                return i;
            case DATA, PLAINTEXT:
                return MarkupScan.nextStart(b, i, end);
            case TEXT:
                if (closeMatch != 0) {
                    return i;
                }
                int next = MarkupScan.nextStart(b, i, end);
                if (inScript) {
                    keep(b, i, next);
                }
                return next;
            case COMMENT:
                int from = i;
                while (dashes >= 0 && i < end && b[i] != '-' && b[i] != '>' && b[i] != '!' && b[i] != '<') {
                    i++;
                }
                if (i > from) {
                    dashes = 0;
                    bang = false;
                }
                return i;
            case BOGUS_COMMENT:
                while (i < end && b[i] != '>' && b[i] != '<') {
                    i++;
                }
                return i;
            default:
                return i;
        }
    }

    /** Takes one unit: a byte ({@code 0..255}) or a char. */
    void step(int c) {
        switch (state) {
            case DATA -> {
                if (c == '<') {
                    state = TAG_OPEN;
                }
            }
            case TAG_OPEN -> tagOpen(c);
            case END_TAG_OPEN -> endTagOpen(c);
            case TAG_NAME -> tagName(c);
            case IN_TAG -> {
                // Every '=' is taken to start a value: where a browser would read it as part of a name, this
                // only hides more of the tag, never shows attribute text as markup.
                if (c == '=') {
                    state = BEFORE_VALUE;
                } else if (c == '>') {
                    tagEnd();
                }
            }
            case BEFORE_ATTRIBUTE, ATTRIBUTE_NAME, AFTER_ATTRIBUTE_NAME -> attributeName(c);
            case BEFORE_VALUE, VALUE_DOUBLE, VALUE_SINGLE, VALUE_BARE -> attributeValue(c);
            case DECLARATION, DECLARATION_DASH, BOGUS_COMMENT -> declaration(c);
            case COMMENT -> comment(c);
            case TEXT -> text(c);
            default -> {
                // PLAINTEXT: nothing ends it.
            }
        }
    }

    private void tagOpen(int c) {
        if (letter(c)) {
            startTag(false, c);
        } else if (c == '!') {
            state = DECLARATION;
        } else if (c == '/') {
            state = END_TAG_OPEN;
        } else if (c == '?') {
            state = BOGUS_COMMENT;
        } else {
            state = DATA;
            step(c);
        }
    }

    private void endTagOpen(int c) {
        if (letter(c)) {
            startTag(true, c);
        } else {
            state = c == '>' ? DATA : BOGUS_COMMENT;
        }
    }

    private void startTag(boolean end, int c) {
        endTag = end;
        nameLength = 0;
        state = TAG_NAME;
        tagName(c);
    }

    private void tagName(int c) {
        if (space(c) || c == '/' || c == '>') {
            collecting = !endTag && isName(SCRIPT);
            if (collecting) {
                type = null;
                language = null;
                src = null;
                noModule = false;
            }
            state = collecting ? BEFORE_ATTRIBUTE : IN_TAG;
            if (c == '>') {
                tagEnd();
            }
        } else {
            nameUnit(c);
        }
    }

    private void nameUnit(int c) {
        if (nameLength < NAME_CAP) {
            name[nameLength] = (char) lower(c);
        }
        nameLength++;
    }

    private void attributeName(int c) {
        if (state == BEFORE_ATTRIBUTE) {
            if (c == '>') {
                tagEnd();
            } else if (!space(c) && c != '/') {
                startAttribute(c);
            }
        } else if (c == '=') {
            state = BEFORE_VALUE;
        } else if (space(c)) {
            state = AFTER_ATTRIBUTE_NAME;
        } else if (c == '/' || c == '>' || state == AFTER_ATTRIBUTE_NAME) {
            // An attribute without a value; in AFTER_ATTRIBUTE_NAME anything else starts the next one.
            attributeDone();
            state = BEFORE_ATTRIBUTE;
            if (c == '>') {
                tagEnd();
            } else if (c != '/') {
                startAttribute(c);
            }
        } else if (collecting && attributeName.length() < NAME_CAP) {
            attributeName.append((char) lower(c));
        }
    }

    private void startAttribute(int c) {
        state = ATTRIBUTE_NAME;
        if (collecting) {
            attributeName.setLength(0);
            attributeValue.setLength(0);
            attributeName.append((char) lower(c));
        }
    }

    private void attributeValue(int c) {
        if (state == BEFORE_VALUE) {
            if (c == '"') {
                state = VALUE_DOUBLE;
            } else if (c == '\'') {
                state = VALUE_SINGLE;
            } else if (c == '>') {
                attributeDone();
                tagEnd();
            } else if (!space(c)) {
                state = VALUE_BARE;
                keepValue(c);
            }
        } else if (state == VALUE_BARE ? space(c) || c == '>' : c == (state == VALUE_DOUBLE ? '"' : '\'')) {
            attributeDone();
            state = collecting ? BEFORE_ATTRIBUTE : IN_TAG;
            if (c == '>') {
                tagEnd();
            }
        } else {
            keepValue(c);
        }
    }

    private void keepValue(int c) {
        if (collecting && attributeValue.length() < VALUE_CAP) {
            attributeValue.append((char) c);
        }
    }

    private void attributeDone() {
        if (!collecting) {
            return;
        }
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

    private void tagEnd() {
        state = DATA;
        if (endTag) {
            return;
        }
        if (nameLength < 3 || nameLength > 9 || "stxinp".indexOf(name[0]) < 0) {
            // Most tags (div, a, p, span, li...): nothing special follows.
            return;
        }
        if (isName(SCRIPT)) {
            openText(SCRIPT, true);
        } else if (isName(PLAINTEXT_NAME)) {
            state = PLAINTEXT;
        } else {
            for (char[] element : TEXT_ELEMENTS) {
                if (isName(element)) {
                    openText(element, false);
                    return;
                }
            }
        }
    }

    private void openText(char[] endName, boolean script) {
        state = TEXT;
        closing = endName;
        inScript = script;
        closeMatch = 0;
        codeLength = 0;
        codeOverflow = false;
    }

    private void declaration(int c) {
        if (state == BOGUS_COMMENT) {
            if (c == '>') {
                state = DATA;
            }
        } else if (c == '-') {
            if (state == DECLARATION) {
                state = DECLARATION_DASH;
            } else {
                state = COMMENT;
                dashes = -2;
                bang = false;
            }
        } else {
            state = c == '>' ? DATA : BOGUS_COMMENT;
        }
    }

    private void comment(int c) {
        if (c == '>' && (dashes < 0 || dashes >= 2 || bang)) {
            // "-->", "--!>", and the abrupt "<!-->" and "<!--->".
            state = DATA;
        } else if (c == '-') {
            dashes = bang ? 1 : dashes == -2 ? -1 : dashes == -1 ? 2 : dashes + 1;
            bang = false;
        } else if (c == '!' && dashes >= 2) {
            bang = true;
        } else {
            dashes = 0;
            bang = false;
        }
    }

    private void text(int c) {
        int length = closing.length;
        if (closeMatch == 2 + length && (space(c) || c == '/' || c == '>')) {
            if (inScript) {
                scriptDone(codeLength - 2 - length);
            }
            endTag = true;
            collecting = false;
            state = IN_TAG;
            if (c == '>') {
                state = DATA;
            }
            return;
        }
        if (closeMatch == 1 && c == '/' || closeMatch >= 2 && closeMatch < 2 + length && lower(c) == closing[closeMatch - 2]) {
            closeMatch++;
        } else {
            closeMatch = c == '<' ? 1 : 0;
        }
        if (inScript) {
            keep(c);
        }
    }

    private void keep(byte[] b, int from, int to) {
        int room = room(to - from);
        for (int k = 0; k < room; k++) {
            code[codeLength++] = (char) (b[from + k] & 0xFF);
        }
    }

    private void keep(char[] b, int from, int to) {
        int room = room(to - from);
        if (room > 0) {
            System.arraycopy(b, from, code, codeLength, room);
            codeLength += room;
        }
    }

    /** Makes room for {@code wanted} more units of code, up to the cap (beyond it the script is not the tracker). */
    private int room(int wanted) {
        if (codeOverflow || wanted == 0) {
            return 0;
        }
        int limit = SCRIPT_CAP + 2 + SCRIPT.length;
        if (codeLength + wanted > limit) {
            codeOverflow = true;
            return 0;
        }
        if (code == null || codeLength + wanted > code.length) {
            code = Arrays.copyOf(code == null ? new char[0] : code, Math.min(limit, Math.max(512, 2 * (codeLength + wanted))));
        }
        return wanted;
    }

    private void keep(int c) {
        if (room(1) == 1) {
            code[codeLength++] = (char) c;
        }
    }

    private void scriptDone(int length) {
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
        TrackerScript.Bootstrap bootstrap = TrackerScript.read(code, length, host);
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

    private static final Set<String> JAVASCRIPT_TYPES = Set.of("application/ecmascript", "application/javascript",
            "application/x-ecmascript", "application/x-javascript", "text/ecmascript", "text/javascript",
            "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3",
            "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript",
            "text/x-javascript");

    private static int nextOf(char[] b, int i, int end, char x, char y, char z) {
        while (i < end && b[i] != x && b[i] != y && b[i] != z) {
            i++;
        }
        return i;
    }

    private boolean isName(char[] expected) {
        if (nameLength != expected.length) {
            return false;
        }
        for (int k = 0; k < nameLength; k++) {
            if (name[k] != expected[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsName(int c) {
        return space(c) || c == '/' || c == '=' || c == '>';
    }

    private static boolean space(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean letter(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }
}
