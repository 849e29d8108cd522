package vn.schoolguard.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import vn.schoolguard.internal.hash.Sha256;
import vn.schoolguard.internal.iplog.IpLog;
import vn.schoolguard.internal.iplog.IpLogEntry;
import vn.schoolguard.internal.iplog.Outcome;
import vn.schoolguard.internal.log.Log;
import vn.schoolguard.internal.moderation.ModerationSettings;
import vn.schoolguard.internal.moderation.ReplaySettings;
import vn.schoolguard.internal.moderation.ReplayTokens;
import vn.schoolguard.internal.moderation.Route;
import vn.schoolguard.internal.moderation.Submission;
import vn.schoolguard.internal.net.ClientAddress;
import vn.schoolguard.internal.net.IpLiteral;
import vn.schoolguard.internal.db.StoreException;

/**
 * The receiving end of a loopback replay: a request carrying {@link ReplayTokens#HEADER} is checked before
 * anything else (the peer must be in {@code replay.accept-from}, the token valid for exactly this request and
 * unused), then handed on as the poster's request ({@link PosterRequest}) with the poster's kept session
 * values. A refused one gets 403 and an IP log entry. Thread-safe.
 */
// Security-critical: this is the only way past moderation without a moderator.
public final class IncomingReplay {

    /** The most body bytes read from a replay request (an approved body, re-encoded, is never near this). */
    private static final int MAX_BODY = 16 * 1024 * 1024;
    private static final Log LOG = Log.get(IncomingReplay.class);

    /** The rest of the filter's work for an accepted replay. */
    @FunctionalInterface
    public interface Next {
        void run(HttpServletRequest poster, HttpServletResponse response) throws IOException, ServletException;
    }

    private final ReplaySettings settings;
    private final ReplayTokens tokens;
    private final ModerationSettings moderation;
    private final IpLog ipLog;

    public IncomingReplay(ReplaySettings settings, ReplayTokens tokens, ModerationSettings moderation, IpLog ipLog) {
        this.settings = settings;
        this.tokens = tokens;
        this.moderation = moderation;
        this.ipLog = ipLog;
    }

    /** Whether a request claims to be a replay (then only {@link #handle} may serve it). */
    public static boolean claimsReplay(HttpServletRequest request) {
        return request.getHeader(ReplayTokens.HEADER) != null;
    }

    /**
     * Verifies a request that claims to be a replay and, when it is one, runs {@code next} with the poster's request.
     *
     * @param path the container's decoded path within the application, for the IP log entry of a refusal
     */
    public void handle(HttpServletRequest request, HttpServletResponse response, String path, Next next)
            throws IOException, ServletException {
        String peer = IpLiteral.canonical(request.getRemoteAddr()).orElse(request.getRemoteAddr());
        if (!settings.accepts(peer)) {
            refuse(request, response, path, null, "replay request from " + peer + ", which replay.accept-from does not list");
            return;
        }
        byte[] body = readBody(request);
        if (body == null) {
            refuse(request, response, path, null, "replay request body larger than " + MAX_BODY + " bytes");
            return;
        }
        StringBuilder why = new StringBuilder();
        Optional<ReplayTokens.Grant> grant = tokens.redeem(request.getHeader(ReplayTokens.HEADER), request.getMethod(),
                SubmissionReader.rawPathInContext(request), request.getQueryString(), body, why);
        if (grant.isEmpty()) {
            refuse(request, response, path, body, why.toString());
            return;
        }
        Submission submission = grant.get().submission();
        LOG.debug("Replaying submission {} as the poster {}:{}", submission.id(), submission.poster().clientIp(), submission.poster().clientPort());
        PosterRequest poster = new PosterRequest(request, submission, body);
        HttpSession created = null;
        if (!grant.get().session().isEmpty()) {
            created = poster.getSession(true);
            SessionAttributes.applyTo(grant.get().session(), created);
        }
        try {
            next.run(poster, response);
        } finally {
            invalidate(created);
        }
    }

    /** The session made for the replay is of no use afterwards: nobody holds its cookie. */
    private static void invalidate(HttpSession session) {
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // The application invalidated it itself.
            }
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String path, byte[] body, String why)
            throws IOException {
        LOG.warn("Replay request refused from {}:{} for {} {}: {}", request.getRemoteAddr(), request.getRemotePort(),
                request.getMethod(), path, why);
        String peer = IpLiteral.canonical(request.getRemoteAddr()).orElse(request.getRemoteAddr());
        ClientAddress client = new ClientAddress(peer, request.getRemotePort(), peer, request.getRemotePort(), null, false, false);
        String route = moderation.routeFor(request.getMethod(), path).map(Route::name).orElse("-");
        IpLogEntry entry = new IpLogEntry(client, truncate(request.getHeader("User-Agent"), 1000), null, route,
                truncate(request.getMethod(), 10), truncate(path, 2000), null, null, Outcome.REFUSED, truncate("replay refused: " + why, 500),
                body == null ? null : Sha256.hex(body));
        try {
            ipLog.record(entry);
        } catch (StoreException e) {
            ipLog.mirrorUnstored(entry, e.getMessage());
        }
        response.setStatus(403);
        response.setContentType("text/plain; charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(("Replay refused: " + why + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] readBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = request.getInputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (out.size() + n > MAX_BODY) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
