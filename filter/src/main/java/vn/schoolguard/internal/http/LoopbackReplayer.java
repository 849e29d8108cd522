package vn.schoolguard.internal.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.net.ssl.SSLException;

import jakarta.servlet.http.HttpServletRequest;

import vn.schoolguard.internal.log.Log;
import vn.schoolguard.internal.moderation.Replay;
import vn.schoolguard.internal.moderation.ReplayAnswer;
import vn.schoolguard.internal.moderation.ReplaySettings;
import vn.schoolguard.internal.moderation.ReplayTokens;
import vn.schoolguard.internal.moderation.SessionValues;
import vn.schoolguard.internal.moderation.Submission;

/**
 * Replays a submission as a fresh request over a loopback HTTP connection to the application, so that the
 * container runs every filter (URL mapping, security, rewriting) as for the poster's own post. The request
 * carries a single-use replay token, which the SchoolGuard filter in front of the application verifies and
 * turns back into the poster's request.
 */
// Security-critical: the replay carries the poster's kept headers only, nothing of the moderator.
final class LoopbackReplayer {

    private static final Log LOG = Log.get(LoopbackReplayer.class);

    /** Headers never replayed: credentials, and those this client writes itself. */
    private static final Set<String> NOT_REPLAYED = Set.of("host", "cookie", "authorization", "proxy-authorization",
            "content-length", "transfer-encoding", "content-type", "connection", "expect", "upgrade",
            "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "forwarded", ReplayTokens.HEADER.toLowerCase());

    private final ReplaySettings settings;
    private final ReplayTokens tokens;

    LoopbackReplayer(ReplaySettings settings, ReplayTokens tokens) {
        this.settings = settings;
        this.tokens = tokens;
    }

    /**
     * Where replays go: {@code replay.base-url}, else this application at 127.0.0.1 on the port the approving
     * request came in on. Over HTTPS when that request came over HTTPS: the same connector then expects TLS.
     */
    URI base(HttpServletRequest via) {
        if (settings.baseUrl() != null) {
            return settings.baseUrl();
        }
        return URI.create((via.isSecure() ? "https" : "http") + "://127.0.0.1:" + via.getLocalPort() + via.getContextPath());
    }

    /** Sends a submission, rebuilt from its approved values ({@link ReplayBody}), and gives what came back. */
    Replay.Delivery deliver(HttpServletRequest via, Submission submission, SessionValues session) {
        String target = base(via) + submission.posted().path();
        try {
            return Replay.Delivery.answered(replay(via, submission, ReplayBody.of(submission), session), target);
        } catch (IOException e) {
            LOG.warn("Replay of submission {} to {} failed: {}", submission.id(), target, e.toString());
            return Replay.Delivery.failed(unreachable(target, e));
        }
    }

    private ReplayAnswer replay(HttpServletRequest via, Submission submission, ReplayBody body, SessionValues session)
            throws IOException {
        URI base = base(via);
        String path = submission.posted().path();
        String target = (base.getRawPath() == null ? "" : base.getRawPath()) + path
                + (body.queryString() == null ? "" : "?" + body.queryString());
        String token = tokens.issue(new ReplayTokens.Grant(submission, session),
                new ReplayTokens.Target(submission.posted().method(), path, body.queryString(), body.body()));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        submission.posted().headers().forEach((name, values) -> {
            if (!NOT_REPLAYED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                headers.put(name, values);
            }
        });
        headers.put("Content-Type", List.of(body.contentType()));
        headers.put(ReplayTokens.HEADER, List.of(token));
        try {
            return LoopbackHttp.send(base, new LoopbackHttp.Request(host(submission, via, base), submission.posted().method(), target,
                    headers, body.body()), settings.timeout());
        } catch (IOException e) {
            tokens.discard(token);
            throw e;
        }
    }

    /** The poster's Host header, so that virtual hosts and per-site settings see the site the post was made to. */
    private static String host(Submission submission, HttpServletRequest via, URI base) {
        List<String> kept = submission.posted().headers().get("host");
        if (kept != null && !kept.isEmpty() && LoopbackHttp.isHostHeader(kept.get(0))) {
            return kept.get(0);
        }
        // Submissions held before the Host header was kept: the approving request names the same application.
        String approving = via.getHeader("Host");
        return LoopbackHttp.isHostHeader(approving) ? approving : base.getRawAuthority();
    }

    private static String unreachable(String where, IOException e) {
        String reason = e instanceof ConnectException ? "connection refused"
                : e instanceof SocketTimeoutException ? e.getMessage()
                : e instanceof UnknownHostException ? "unknown host " + e.getMessage()
                : e instanceof SSLException ? "TLS failed: " + e.getMessage()
                : e.getMessage() == null ? e.toString() : e.getMessage();
        return "the application could not be reached at " + where + " (" + reason + "); it stays in the queue."
                + " If the site listens elsewhere than the approving request's port, set replay.base-url";
    }
}
