package vn.schoolguard.internal.inject;

/**
 * The markup state machine under {@link TrackerWatch}, one unit (byte or char) at a time: tags and their
 * attributes, comments and declarations, and the text-only content of {@code <script>}, {@code <textarea>} and
 * the like, handing {@code <script>} attributes and code to a {@link ScriptElement}. Not thread-safe.
 */
// Security-critical: a poster's text must never pass for the tracker, or pages would go out without one.
abstract class MarkupSteps {

    static final int DATA = 0;
    static final int TAG_OPEN = 1;
    static final int END_TAG_OPEN = 2;
    static final int TAG_NAME = 3;
    static final int BEFORE_ATTRIBUTE = 4;
    static final int ATTRIBUTE_NAME = 5;
    static final int AFTER_ATTRIBUTE_NAME = 6;
    static final int DECLARATION = 7;
    static final int DECLARATION_DASH = 8;
    static final int COMMENT = 9;
    static final int BOGUS_COMMENT = 10;
    static final int TEXT = 11;
    static final int PLAINTEXT = 12;
    // From here on: inside a tag, where a tag whose attributes do not matter takes the fast path (inTag).
    /** Inside a tag whose attributes do not matter: only a value (after {@code =}) or the closing {@code >} do. */
    static final int IN_TAG = 13;
    static final int BEFORE_VALUE = 14;
    static final int VALUE_DOUBLE = 15;
    static final int VALUE_SINGLE = 16;
    static final int VALUE_BARE = 17;

    final ScriptElement script;
    final TagName name = new TagName();
    int state = DATA;
    boolean endTag;
    /** In a {@code <script>} start tag: its attributes are kept. */
    boolean collecting;
    /** Comment: dashes just seen; -2 right after {@code <!--}, -1 after {@code <!---}. */
    int dashes;
    boolean bang;
    private char[] closing;
    boolean inScript;
    /** Progress through {@code </name}: 1 after {@code <}, 2 after {@code </}, 2 + k after k letters of the name. */
    int closeMatch;

    MarkupSteps(ScriptElement script) {
        this.script = script;
    }

    /** Takes one unit: a byte ({@code 0..255}) or a char. */
    final void step(int c) {
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
        name.clear();
        state = TAG_NAME;
        tagName(c);
    }

    final void tagName(int c) {
        if (space(c) || c == '/' || c == '>') {
            collecting = !endTag && name.is(TagName.SCRIPT);
            if (collecting) {
                script.startTag();
            }
            state = collecting ? BEFORE_ATTRIBUTE : IN_TAG;
            if (c == '>') {
                tagEnd();
            }
        } else {
            name.add(c);
        }
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
        } else if (collecting) {
            script.nameUnit(c);
        }
    }

    private void startAttribute(int c) {
        state = ATTRIBUTE_NAME;
        if (collecting) {
            script.startAttribute(c);
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
        if (collecting) {
            script.valueUnit(c);
        }
    }

    private void attributeDone() {
        if (collecting) {
            script.attributeDone();
        }
    }

    final void tagEnd() {
        state = DATA;
        if (endTag) {
            return;
        }
        char[] text = name.opensText();
        if (text == TagName.PLAINTEXT) {
            state = PLAINTEXT;
        } else if (text != null) {
            state = TEXT;
            closing = text;
            inScript = text == TagName.SCRIPT;
            closeMatch = 0;
            script.open();
        }
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
                script.end(2 + length);
            }
            endTag = true;
            collecting = false;
            state = IN_TAG;
            if (c == '>') {
                state = DATA;
            }
            return;
        }
        if (closeMatch == 1 && c == '/' || closeMatch >= 2 && closeMatch < 2 + length && TagName.lower(c) == closing[closeMatch - 2]) {
            closeMatch++;
        } else {
            closeMatch = c == '<' ? 1 : 0;
        }
        if (inScript) {
            script.keep(c);
        }
    }

    static boolean space(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    static boolean letter(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
