package vn.schoolguard.internal.log;

import java.util.Arrays;

// SLF4J-style "{}" templates, done here so every backend gets the same finished line.
final class Format {

    private Format() {
    }

    /** The throwable SLF4J would take from these arguments: the last one, when it is a Throwable. */
    static Throwable thrown(Object[] args) {
        return args != null && args.length > 0 && args[args.length - 1] instanceof Throwable t ? t : null;
    }

    /**
     * Fills each {@code {}} with the next argument (a trailing throwable is not used for that); {@code \{}}
     * stays a literal {@code {}}.
     */
    static String format(String template, Object[] args) {
        if (template == null) {
            return "null";
        }
        int usable = args == null ? 0 : args.length - (thrown(args) == null ? 0 : 1);
        if (usable == 0 && template.indexOf('\\') < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 16 * usable);
        int next = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\\' && template.startsWith("{}", i + 1)) {
                out.append("{}");
                i += 2;
            } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}' && next < usable) {
                out.append(value(args[next++]));
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    // Security-critical: arguments carry request data (paths, names, addresses); a line break in one would let a
    // poster forge a whole log line, so control characters are written as escapes.
    static String value(Object arg) {
        String text;
        try {
            text = arg instanceof Object[] array ? Arrays.deepToString(array) : String.valueOf(arg);
        } catch (RuntimeException e) {
            text = "[" + arg.getClass().getName() + ".toString() failed: " + e + "]";
        }
        return escapeControls(text);
    }

    static String escapeControls(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (control && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                if (!control) {
                    out.append(c);
                } else if (c == '\n') {
                    out.append("\\n");
                } else if (c == '\r') {
                    out.append("\\r");
                } else if (c == '\t') {
                    out.append("\\t");
                } else {
                    out.append(String.format("\\u%04x", (int) c));
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
