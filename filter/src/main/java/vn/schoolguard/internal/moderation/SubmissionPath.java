package vn.schoolguard.internal.moderation;

import vn.schoolguard.internal.hash.Hex;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one canonical, percent-encoded form of a submission's path. A submission is stored under it and
 * dispatched to it, so that what the route matched is what the replay reaches: segments that a container
 * or a dispatcher could read another way (path parameters, {@code ? # \ NUL}, dot segments, encoded slashes,
 * double encoding, invalid or overlong UTF-8) are refused.
 */
// Security-critical: a path that decodes two ways lets a replay land outside its route.
public final class SubmissionPath {

    /** Longest canonical path stored (the column's width). */
    static final int MAX_LENGTH = 2000;

    private static final String KEPT = "-._~!$&'()*+,=:@";

    private SubmissionPath() {
    }

    /**
     * The canonical form of a request path.
     *
     * @param raw     the path within the context as sent ({@code getRequestURI} without the context path)
     * @param decoded the container's decoded path, which the route was matched against
     * @throws BadSubmission (400) naming what is wrong
     */
    public static String canonical(String raw, String decoded) throws BadSubmission {
        List<String> segments = segments(raw);
        String ours = "/" + String.join("/", segments);
        if (!ours.equals(decoded)) {
            throw BadSubmission.badPath(raw, "the server reads it as '" + decoded + "', not as '" + ours + "'");
        }
        String canonical = encode(segments);
        if (canonical.length() > MAX_LENGTH) {
            throw BadSubmission.badPath(raw.substring(0, 100) + "…", "it is longer than " + MAX_LENGTH + " characters");
        }
        return canonical;
    }

    /**
     * The decoded path of a stored canonical path, to dispatch to and to match against the route again.
     *
     * @throws BadSubmission when the stored path is not canonical (a row written otherwise, or altered)
     */
    static String decodeStored(String stored) throws BadSubmission {
        List<String> segments = segments(stored);
        if (!encode(segments).equals(stored)) {
            throw BadSubmission.badPath(stored, "it is not in canonical form");
        }
        return "/" + String.join("/", segments);
    }

    private static List<String> segments(String raw) throws BadSubmission {
        if (raw == null || !raw.startsWith("/")) {
            throw BadSubmission.badPath(String.valueOf(raw), "it does not start with '/'");
        }
        List<String> segments = new ArrayList<>();
        for (String segment : raw.substring(1).split("/", -1)) {
            if (segment.isEmpty()) {
                throw BadSubmission.badPath(raw, "it has an empty segment ('//' or a trailing '/')");
            }
            if (segment.indexOf(';') >= 0) {
                throw BadSubmission.badPath(raw, "it has path parameters (';')");
            }
            String text = unescape(raw, segment);
            check(raw, text);
            segments.add(text);
        }
        return segments;
    }

    private static void check(String raw, String segment) throws BadSubmission {
        if (segment.equals(".") || segment.contains("..")) {
            throw BadSubmission.badPath(raw, "it has a dot segment ('.' or '..')");
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            switch (c) {
                case ';', '?', '#', '\\', '/', '%' -> throw BadSubmission.badPath(raw, "a segment holds '" + c + "'"
                        + (c == '%' ? " after decoding (double encoding)" : c == '/' ? " (an encoded slash)" : ""));
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        throw BadSubmission.badPath(raw, "a segment holds the control character U+"
                                + String.format("%04X", (int) c));
                    }
                }
            }
        }
    }

    private static String unescape(String raw, String segment) throws BadSubmission {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                int hi = i + 2 < segment.length() ? Hex.digit(segment.charAt(i + 1)) : -1;
                int lo = hi < 0 ? -1 : Hex.digit(segment.charAt(i + 2));
                if (lo < 0) {
                    throw BadSubmission.badPath(raw, "it has an invalid percent-escape");
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c > 0x7F) {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw BadSubmission.badPath(raw, "it is not valid UTF-8 (overlong or broken byte sequences)");
        }
    }

    private static String encode(List<String> segments) {
        StringBuilder out = new StringBuilder();
        for (String segment : segments) {
            out.append('/');
            for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xFF;
                if (c < 0x80 && (Character.isLetterOrDigit(c) || KEPT.indexOf(c) >= 0)) {
                    out.append((char) c);
                } else {
                    out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
                }
            }
        }
        return out.toString();
    }
}
