package vn.schoolguard.internal.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import vn.schoolguard.internal.moderation.Decision;
import vn.schoolguard.internal.moderation.Moderation;
import vn.schoolguard.internal.moderation.ModerationSettings;
import vn.schoolguard.internal.moderation.Publication;
import vn.schoolguard.internal.moderation.Route;
import vn.schoolguard.internal.moderation.Status;
import vn.schoolguard.internal.moderation.Submission;
import vn.schoolguard.internal.spam.Reason;

/** How the queue, the detail page and the history show a submission and a decision; shared so they agree. */
final class ConsoleRows {

    static final Set<Status> APPROVABLE = EnumSet.of(Status.PENDING, Status.REJECTED, Status.SPAM);
    private static final Set<Status> REJECTABLE = EnumSet.of(Status.PENDING, Status.SPAM);
    private static final Set<Status> SPAMMABLE = EnumSet.of(Status.PENDING, Status.REJECTED);

    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final Moderation moderation;

    ConsoleRows(ModerationSettings settings, Moderation moderation) {
        settings.routes().forEach(r -> routes.put(r.name(), r));
        this.moderation = moderation;
    }

    /** The routes by name, in configuration order. */
    Map<String, Route> routes() {
        return routes;
    }

    Route route(Submission s) {
        return routes.get(s.posted().route());
    }

    Map<String, Object> row(ConsoleContext ctx, Submission s, boolean canDecide) {
        Route route = routes.get(s.posted().route());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", String.valueOf(s.id()));
        row.put("url", ctx.base + "/items/" + s.id());
        row.put("time", ConsoleFormat.time(s.receivedAt()));
        row.put("iso", ConsoleFormat.iso(s.receivedAt()));
        row.put("route", route == null ? s.posted().route() : route.label());
        String author = ConsoleFormat.author(s.allFields(), route);
        row.put("author", author.isBlank() ? ctx.text("console.item.anonymous") : author);
        row.put("excerpt", ConsoleFormat.excerpt(s.allFields(), route));
        row.put("score", ConsoleFormat.score(s.scoring().score()));
        row.put("verdict", s.scoring().verdict().key());
        row.put("verdictLabel", ctx.text("console.verdict." + s.scoring().verdict().key()));
        row.put("reasons", s.scoring().reasons().stream().map(Reason::describe).toList());
        row.put("client", ConsoleFormat.address(s.poster().clientIp(), s.poster().clientPort()));
        row.put("status", s.review().status().key());
        row.put("statusLabel", ctx.text("console.status." + s.review().status().key()));
        row.put("replayError", s.review().replayError() != null && s.review().status() == Status.PENDING);
        row.put("publication", s.publicationState() == null ? null : s.publicationState().key());
        row.put("publicationLabel", s.review().status() == Status.APPROVED ? publicationLabel(ctx, s) : null);
        row.put("canApprove", canDecide && APPROVABLE.contains(s.review().status()));
        row.put("canReject", canDecide && REJECTABLE.contains(s.review().status()));
        row.put("canSpam", canDecide && SPAMMABLE.contains(s.review().status()));
        row.put("selectable", canDecide && s.review().status() != Status.APPROVED && s.review().status() != Status.REPLAYING);
        return row;
    }

    /** The console's wording of where an approved (or refused) submission's publication stands, or null. */
    String publicationLabel(ConsoleContext ctx, Submission s) {
        Publication.State state = s.publicationState();
        if (state == null) {
            return null;
        }
        return switch (state) {
            case SEEN -> ctx.text("console.publication.seen", s.review().publication().seenPath(), ConsoleFormat.time(s.review().publication().seenAt()));
            case SENT -> moderation.unseenTooLong(s)
                    ? ctx.text("console.publication.unseen") : ctx.text("console.publication.sent");
            case FAILED -> ctx.text("console.publication.failed");
        };
    }

    static Map<String, Object> decision(ConsoleContext ctx, Decision d, boolean link) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("time", ConsoleFormat.timeSeconds(d.actedAt()));
        row.put("iso", ConsoleFormat.iso(d.actedAt()));
        row.put("actor", d.actor());
        String key = "console.action." + d.action();
        row.put("action", d.action());
        row.put("actionLabel", ctx.messages().all().containsKey(key) ? ctx.text(key) : d.action());
        row.put("from", ctx.text("console.status." + d.fromStatus().key()));
        row.put("to", ctx.text("console.status." + d.toStatus().key()));
        row.put("reason", d.reason());
        row.put("detail", d.detail());
        row.put("itemId", String.valueOf(d.submissionId()));
        row.put("itemUrl", link ? ctx.base + "/items/" + d.submissionId() : null);
        return row;
    }
}
