package vn.schoolguard.internal.discovery;

/**
 * The pattern of a path: segments holding digits (ids, dates, numbered slugs) or very long ones become
 * {@code *}, so that {@code /posts/12/comments} and {@code /posts/13/comments} are one form.
 */
final class PathShape {

    /** Segments kept before the rest is folded into {@code /**}. */
    private static final int MAX_SEGMENTS = 12;
    private static final int MAX_SEGMENT = 60;
    /** Longest pattern kept (the column holds 1000). */
    private static final int MAX_LENGTH = 700;

    private PathShape() {
    }

    static String of(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return "/";
        }
        StringBuilder out = new StringBuilder();
        String[] segments = path.substring(path.startsWith("/") ? 1 : 0).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i == MAX_SEGMENTS) {
                out.append("/**");
                break;
            }
            out.append('/').append(fold(segments[i]));
            if (out.length() > MAX_LENGTH) {
                return out.substring(0, out.lastIndexOf("/")) + "/**";
            }
        }
        return out.toString();
    }

    private static String fold(String segment) {
        if (segment.length() > MAX_SEGMENT) {
            return "*";
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (Character.isDigit(c)) {
                return "*";
            }
            // Characters a route pattern cannot hold (and '*' itself) fold too, so that a pattern stays a pattern.
            if (!(Character.isLetter(c) || "-._~!$&'()+,;=:@".indexOf(c) >= 0)) {
                return "*";
            }
        }
        return segment;
    }
}
