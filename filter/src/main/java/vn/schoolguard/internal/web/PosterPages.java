package vn.schoolguard.internal.web;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import vn.schoolguard.internal.moderation.Publication;
import vn.schoolguard.internal.moderation.Route;
import vn.schoolguard.internal.moderation.Status;
import vn.schoolguard.internal.moderation.Submission;

/**
 * What a poster sees: the "awaiting moderation" answer with a receipt code, the public status page of a
 * receipt, and the refusal pages. Small, self-contained HTML in the visitor's language.
 */
public final class PosterPages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    /** The JSON answer to a held submission. */
    record Accepted(String status, String receipt, String statusUrl, String message) {
    }

    /** A receipt's public status as JSON. */
    record ReceiptStatus(String receipt, String status, boolean published, String receivedAt) {
    }

    /** An approved submission's status, with where its publication stands. */
    record Approved(@JsonUnwrapped ReceiptStatus status, ApiItems.PublicationJson publication) {
    }

    /** A submission refused before it was read; {@code retryAfterSeconds} only when there is a wait. */
    record Limited(String error, @JsonInclude(JsonInclude.Include.NON_NULL) Long retryAfterSeconds) {
    }

    private final String consolePath;
    private final ZoneId zone;

    public PosterPages(String consolePath, ZoneId zone) {
        this.consolePath = consolePath;
        this.zone = zone;
    }

    /** 303 to the receipt page, or 202 JSON for API clients. */
    public void accepted(HttpServletRequest request, HttpServletResponse response, Submission submission) throws IOException {
        String statusUrl = request.getContextPath() + consolePath + "/receipt/" + submission.receipt();
        if (Http.wantsJson(request)) {
            response.setHeader("Location", statusUrl);
            Http.json(response, 202, new Accepted("pending", submission.receipt(), statusUrl,
                    Messages.of("en").get("receipt.awaiting")));
            return;
        }
        String referer = request.getHeader("Referer");
        String back = referer != null && sameOrigin(request, referer) ? "?back=" + java.net.URLEncoder.encode(referer, java.nio.charset.StandardCharsets.UTF_8) + "&new=1" : "?new=1";
        response.setStatus(303);
        response.setHeader("Location", statusUrl + back);
        response.setContentLength(0);
    }

    /** The public status page of a receipt (after the 303, or looked up later). */
    public void status(HttpServletRequest request, HttpServletResponse response, Optional<Submission> submission,
                       Optional<Route> route) throws IOException {
        Messages m = Messages.forRequest(request);
        if (Http.wantsJson(request)) {
            if (submission.isEmpty()) {
                Http.jsonError(response, 404, m.get("status.unknown"));
                return;
            }
            Submission s = submission.get();
            ReceiptStatus body = new ReceiptStatus(s.receipt(), publicStatus(s.review().status()),
                    s.publicationState() == Publication.State.SEEN, s.receivedAt().toString());
            Http.json(response, 200, s.review().status() == Status.APPROVED ? new Approved(body, ApiItems.publication(s)) : body);
            return;
        }
        StringBuilder html = new StringBuilder();
        if (submission.isEmpty()) {
            html.append("<h1>").append(Http.escape(m.get("status.title"))).append("</h1>")
                .append("<p class=\"warn\">").append(Http.escape(m.get("status.unknown"))).append("</p>");
            Http.html(response, 404, page(m, m.get("status.title"), html.toString()));
            return;
        }
        Submission s = submission.get();
        boolean fresh = request.getParameter("new") != null;
        html.append("<h1>").append(Http.escape(m.get(fresh ? "receipt.title" : "status.title"))).append("</h1>");
        if (fresh) {
            html.append("<p>").append(Http.escape(m.get("receipt.awaiting"))).append("</p>");
        }
        html.append("<dl>")
            .append("<dt>").append(Http.escape(m.get("receipt.code"))).append("</dt><dd class=\"code\" id=\"receipt\">")
            .append(Http.escape(s.receipt())).append("</dd>")
            .append("<dt>").append(Http.escape(m.get("status.state"))).append("</dt><dd id=\"status\" data-status=\"")
            .append(publicStatus(s.review().status())).append("\"").append(publicationAttribute(s)).append(">")
            .append(Http.escape(m.get("status." + statusText(s)))).append("</dd>")
            .append("<dt>").append(Http.escape(m.get("status.received"))).append("</dt><dd>")
            .append(TIME.format(s.receivedAt().atZone(zone))).append("</dd>");
        seenOn(m, s, html);
        route.ifPresent(r -> html.append("<dt>").append(Http.escape(m.get("status.route"))).append("</dt><dd>")
            .append(Http.escape(r.label())).append("</dd>"));
        html.append("</dl>");
        if (fresh) {
            html.append("<p>").append(Http.escape(m.get("receipt.keep"))).append("</p>");
        }
        String back = request.getParameter("back");
        if (back != null && sameOrigin(request, back)) {
            html.append("<p><a href=\"").append(Http.escape(back)).append("\">").append(Http.escape(m.get("receipt.back"))).append("</a></p>");
        }
        Http.html(response, 200, page(m, m.get("status.title"), html.toString()));
    }

    /** A refused submission: the status and a reason the poster can act on. */
    public void refused(HttpServletRequest request, HttpServletResponse response, int status, String reason) throws IOException {
        // Security-critical: the refused body is never read here (it may be huge, or in a charset the container rejects).
        Messages m = Messages.forRequest(request);
        // The rest of the body (all of it when oversized) is not read: the connection cannot be reused.
        Http.closeIfBodyUnread(request, response);
        String text = status == 503 ? m.get("error.unavailable") : m.get("error.bad", reason);
        if (status == 503) {
            response.setHeader("Retry-After", "30");
        }
        if (Http.wantsJson(request)) {
            Http.jsonError(response, status, status == 503 ? Messages.of("en").get("error.unavailable") : reason);
            return;
        }
        Http.html(response, status, page(m, m.get("error.title"),
                "<h1>" + Http.escape(m.get("error.title")) + "</h1><p class=\"warn\">" + Http.escape(text) + "</p>"));
    }

    /**
     * A submission refused before it was read: 403 for a blocked address, 429 (rate limit) or 503 with
     * {@code Retry-After}. Short, so that answering a flood costs little.
     */
    public void limited(HttpServletRequest request, HttpServletResponse response, int status, long retryAfterSeconds)
            throws IOException {
        Http.closeIfBodyUnread(request, response);
        if (retryAfterSeconds > 0) {
            response.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
        }
        response.setHeader("Cache-Control", "no-store");
        String key = switch (status) {
            case 403 -> "limit.blocked";
            case 503 -> "error.unavailable";
            default -> "limit.too-many";
        };
        String minutes = String.valueOf(Math.max(1, (retryAfterSeconds + 59) / 60));
        if (Http.wantsJson(request)) {
            Http.json(response, status, new Limited(Messages.of("en").get(key, minutes),
                    retryAfterSeconds > 0 ? retryAfterSeconds : null));
            return;
        }
        Messages m = Messages.forRequest(request);
        String title = m.get(status == 403 ? "limit.blocked-title" : status == 503 ? "error.title" : "limit.title");
        Http.html(response, status, page(m, title, "<h1>" + Http.escape(title) + "</h1><p class=\"warn\">"
                + Http.escape(m.get(key, minutes)) + "</p>"));
    }

    /** The wording of a status: "published" only once the approved text was seen on a page of the site. */
    private static String statusText(Submission s) {
        if (s.review().status() != Status.APPROVED) {
            return publicStatus(s.review().status());
        }
        return s.publicationState() == Publication.State.SEEN ? "published" : "approved";
    }

    private static String publicationAttribute(Submission s) {
        return s.review().status() == Status.APPROVED ? " data-publication=\"" + s.publicationState().key() + "\"" : "";
    }

    /** Where and when the approved text was seen, as a link to that page of the site. */
    private void seenOn(Messages m, Submission s, StringBuilder html) {
        if (s.publicationState() != Publication.State.SEEN) {
            return;
        }
        String path = s.review().publication().seenPath();
        // Only a path of this site becomes a link.
        boolean local = path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\");
        String shown = local ? "<a href=\"" + Http.escape(path) + "\">" + Http.escape(path) + "</a>" : Http.escape(path);
        html.append("<dt>").append(Http.escape(m.get("status.seen"))).append("</dt><dd id=\"seen\">")
            .append(Http.escape(m.get("status.seen-on", "\u0000", TIME.format(s.review().publication().seenAt().atZone(zone))))
                    .replace("\u0000", shown)).append("</dd>");
    }

    /** What the public may know of a status: spam is not announced to the poster. */
    static String publicStatus(Status status) {
        return switch (status) {
            case PENDING, REPLAYING -> "pending";
            case APPROVED -> "approved";
            case REJECTED, SPAM -> "rejected";
        };
    }

    private static boolean sameOrigin(HttpServletRequest request, String url) {
        try {
            java.net.URI uri = new java.net.URI(url);
            return uri.getHost() != null && uri.getHost().equalsIgnoreCase(request.getServerName())
                    && (uri.getScheme().equals("http") || uri.getScheme().equals("https"));
        } catch (java.net.URISyntaxException | NullPointerException e) {
            return false;
        }
    }

    private static String page(Messages m, String title, String body) {
        return "<!DOCTYPE html><html lang=\"" + m.language() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + Http.escape(title)
                + "</title><style>body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;max-width:40rem;"
                + "margin:2rem auto;padding:0 1rem;color:#1d2733;line-height:1.5}h1{font-size:1.4rem;color:#0b4f8a}"
                + "dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem}dt{font-weight:600}"
                + ".code{font-family:ui-monospace,monospace;font-size:1.2rem;letter-spacing:.1em}.warn{color:#8a1c1c}"
                + "footer{margin-top:3rem;font-size:.85rem;color:#5b6875}</style></head><body><main>" + body
                + "</main><footer>" + Http.escape(m.get("footer")) + "</footer></body></html>";
    }
}
