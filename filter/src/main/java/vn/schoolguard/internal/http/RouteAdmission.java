package vn.schoolguard.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import vn.schoolguard.internal.moderation.BadSubmission;
import vn.schoolguard.internal.moderation.ModerationSettings;
import vn.schoolguard.internal.moderation.Route;

/**
 * Decides whether a request on a submission route is held or goes to the application unheld: a trusted
 * poster ({@code moderation.trusted-roles}, {@code moderation.trusted-users}) or a request meeting the route's
 * pass-through condition ({@code route.<name>.pass-if}). Either way the caller writes the IP log entry with
 * the recognised user.
 *
 * <p>Thread-safe.
 */
public final class RouteAdmission {

    private final ModerationSettings settings;
    private final SignedInUsers users;

    public RouteAdmission(ModerationSettings settings, SignedInUsers users) {
        this.settings = settings;
        this.users = users;
    }

    /**
     * What to do with a request on a route.
     *
     * @param hold   whether the submission is held for a moderator
     * @param poster the request to judge, capture and log (its user is the recognised one)
     * @param forApp the request to hand to the application when not held (its body still unread by the app)
     * @param reason why it is not held, for the IP log ({@code trusted poster NAME}, {@code pass-if action=preview})
     */
    // A class, not a record: the javax build's transformer leaves a record's component types unrewritten.
    public static final class Decision {
        public final boolean hold;
        public final HttpServletRequest poster;
        public final HttpServletRequest forApp;
        public final String reason;

        Decision(boolean hold, HttpServletRequest poster, HttpServletRequest forApp, String reason) {
            this.hold = hold;
            this.poster = poster;
            this.forApp = forApp;
            this.reason = reason;
        }
    }

    /** Decides; reads the body only when the route has a pass-through condition. */
    public Decision decide(HttpServletRequest request, Route route) throws IOException {
        HttpServletRequest poster = users.recognise(request);
        Optional<String> trusted = users.trusted(poster);
        if (trusted.isPresent()) {
            return new Decision(false, poster, request, trusted.get());
        }
        if (!route.passIf().isSet()) {
            return new Decision(true, poster, null, null);
        }
        return passThrough(request, route);
    }

    // Security-critical: what passes here reaches the application without a moderator.
    private Decision passThrough(HttpServletRequest request, Route route) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > settings.maxBody()) {
            // Left unread: the capture refuses it as too large.
            return new Decision(true, users.recognise(request), null, null);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(0, declared));
        InputStream in = request.getInputStream();
        byte[] buffer = new byte[8192];
        int n;
        boolean whole = true;
        while ((n = in.read(buffer)) != -1) {
            out.write(buffer, 0, n);
            if (out.size() > settings.maxBody()) {
                whole = false;
                break;
            }
        }
        byte[] body = out.toByteArray();
        String contentType = request.getHeader("Content-Type") == null ? "" : request.getHeader("Content-Type");
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        Map<String, List<String>> query = Map.of();
        Map<String, List<String>> fields = null;
        try {
            query = FormCodec.decode(request.getQueryString(), StandardCharsets.UTF_8, settings.maxFields());
            if (whole) {
                fields = switch (mediaType) {
                    case "application/x-www-form-urlencoded", "" -> FormCodec.decode(
                            new String(body, StandardCharsets.ISO_8859_1), formCharset(contentType), settings.maxFields());
                    case "application/json" -> JsonForm.decode(body, settings.maxFields(), settings.maxFieldChars());
                    default -> null;
                };
            }
        } catch (BadSubmission | RuntimeException unreadable) {
            // Held instead: the capture reads it again and refuses it with the reason.
            fields = null;
        }
        boolean form = fields != null && !mediaType.equals("application/json");
        BufferedBodyRequest buffered = new BufferedBodyRequest(request, body, whole ? null : in, query,
                form ? fields : null);
        HttpServletRequest poster = users.recognise(buffered);
        if (fields != null && route.passIf().test(query, fields)) {
            return new Decision(false, poster, buffered, "pass-if " + route.passIf());
        }
        return new Decision(true, poster, null, null);
    }

    private static Charset formCharset(String contentType) {
        int at = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (at < 0) {
            return StandardCharsets.UTF_8;
        }
        return Charset.forName(contentType.substring(at + 8).split(";", 2)[0].replace("\"", "").trim());
    }
}
