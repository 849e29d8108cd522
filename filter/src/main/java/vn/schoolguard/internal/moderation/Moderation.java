package vn.schoolguard.internal.moderation;

import vn.schoolguard.api.ApprovedSubmission;

import vn.schoolguard.api.ApprovalListener;

import vn.schoolguard.internal.db.Page;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import vn.schoolguard.internal.log.Log;

import vn.schoolguard.internal.sanitize.HtmlPolicies;
import vn.schoolguard.internal.db.Json;

/**
 * Moderators' decisions: approve (with replay), edit then approve, reject and mark as spam, one at a
 * time or in bulk. Every change is one transaction with its history entry; a submission is replayed at
 * most once at a time because approval first claims it.
 */
public final class Moderation {

    private static final Log LOG = Log.get(Moderation.class);
    private static final Duration STALE_REPLAY = Duration.ofMinutes(10);

    /** The result of one decision. */
    public enum Result {
        /** Done as asked. */
        CHANGED,
        /** Already so; nothing was done. */
        UNCHANGED,
        /** Not possible from the submission's current status. */
        CONFLICT,
        /** No such submission. */
        NOT_FOUND,
        /** Approved, but the application did not store it: it stays pending with the error. */
        REPLAY_FAILED
    }

    /** A decision's result, the submission as it now stands (absent when not found) and a message for the moderator. */
    public record Outcome(Result result, Optional<Submission> submission, String message) {
    }

    /** No publication watch; approved submissions are flagged after a week unseen. */
    private static final PublicationSettings DEFAULT_PUBLICATION =
            new PublicationSettings(false, Duration.ofDays(7), Duration.ofHours(1), 1);

    private final SubmissionRepository store;
    private final ModerationSettings settings;
    private final String siteKey;
    private final Clock clock;
    private final PublicationSettings publication;
    private final Runnable sent;
    private volatile List<ApprovalListener> listeners = new CopyOnWriteArrayList<>();
    private volatile DecisionLearning learning = DecisionLearning.NONE;

    /** Moderation without a publication watch. */
    public Moderation(SubmissionRepository store, ModerationSettings settings, String siteKey, Clock clock) {
        this(store, settings, siteKey, clock, DEFAULT_PUBLICATION, () -> { });
    }

    /**
     * @param publication how long an approved submission may stay unseen before the console flags it
     * @param sent        told after each submission the application accepted, so that the publication watch looks for it
     */
    public Moderation(SubmissionRepository store, ModerationSettings settings, String siteKey, Clock clock,
                      PublicationSettings publication, Runnable sent) {
        this.store = store;
        this.settings = settings;
        this.siteKey = siteKey;
        this.clock = clock;
        this.publication = publication;
        this.sent = sent;
    }

    /** True when an approved submission has gone unseen longer than {@code publication.unseen-after}. */
    public boolean unseenTooLong(Submission s) {
        return s.unseenFor(clock.instant(), publication.unseenAfter());
    }

    /** How approved submissions are confirmed on the site's pages. */
    public PublicationSettings publication() {
        return publication;
    }

    /**
     * Approved submissions whose text no page has shown {@code publication.unseen-after} after the application
     * accepted them (within the watch window), oldest first: a moderator should check that they are on the site.
     */
    public Page<Submission> approvedButUnseen(int limit) {
        java.time.Instant now = clock.instant();
        return store.unseen(siteKey, now.minus(publication.watchFor()), now.minus(publication.unseenAfter()), limit);
    }

    /** Where approvals and spam marks are learned from (per-site learning of the spam model). */
    public void learnFrom(DecisionLearning learning) {
        this.learning = learning == null ? DecisionLearning.NONE : learning;
    }

    private void learn(Submission s, boolean spam) {
        learning.decided(s.id(), SpamMarks.input(routeOf(s), s.allRawFields(), s.poster().clientIp(), s.receivedAt(), ""), spam);
    }

    /** Tells the listeners of a list shared with other sites (the application's, set once for all its sites). */
    public void shareListeners(List<ApprovalListener> shared) {
        this.listeners = shared;
    }

    /** The listeners told of every approval; applications add theirs here. */
    public List<ApprovalListener> listeners() {
        return listeners;
    }

    public SubmissionRepository store() {
        return store;
    }

    public String siteKey() {
        return siteKey;
    }

    /** Puts submissions whose replay was interrupted (e.g. by a crash) back in the queue. */
    public int releaseStaleReplays() {
        int released = store.releaseStaleReplays(siteKey, STALE_REPLAY, clock.instant());
        if (released > 0) {
            LOG.warn("{} submission(s) whose replay was interrupted are back in the queue", released);
        }
        return released;
    }

    /** Approves a submission and replays it to the application through {@code via} (when replay is on). */
    public Outcome approve(long id, String actor, Replay via) {
        return approve(id, actor, via, null, "approve");
    }

    /** Replaces editable body fields, sanitizing them again, then approves. */
    public Outcome editAndApprove(long id, String actor, Replay via, Map<String, String> edits) {
        return editAndApprove(id, actor, via, edits, Map.of());
    }

    /**
     * Replaces editable body and query-string fields, sanitizing them again by their role, then approves:
     * the application receives exactly the edited values.
     */
    public Outcome editAndApprove(long id, String actor, Replay via, Map<String, String> edits,
                                  Map<String, String> queryEdits) {
        Optional<Submission> found = store.find(siteKey, id);
        if (found.isEmpty()) {
            return notFound(id);
        }
        Submission s = found.get();
        Route route = routeOf(s);
        Map<String, Object> changes = new LinkedHashMap<>();
        Map<String, List<String>> fields = edited(s.posted().fields(), edits, route, "", changes);
        Map<String, List<String>> query = edited(s.posted().queryFields(), queryEdits, route, SubmissionCapture.QUERY_MARK, changes);
        if (changes.isEmpty()) {
            return approve(id, actor, via);
        }
        return approve(id, actor, via, new EditedFields(fields, query, Json.write(changes)), "edit");
    }

    /** The fields with the moderator's edits applied; each change is noted (query-string names marked) in {@code changes}. */
    private static Map<String, List<String>> edited(Map<String, List<String>> current, Map<String, String> edits, Route route,
                                                    String mark, Map<String, Object> changes) {
        Map<String, List<String>> fields = new LinkedHashMap<>(current);
        edits.forEach((name, value) -> {
            if (!fields.containsKey(name)) {
                return;
            }
            FieldRole role = route == null ? FieldRole.TEXT : route.roleOf(name);
            if (role == FieldRole.IGNORE) {
                return;
            }
            String clean = role == FieldRole.HTML ? HtmlPolicies.sanitize(route.htmlPolicy(), value).html() : value;
            if (!List.of(clean).equals(fields.get(name))) {
                changes.put(mark + name, Map.of("before", String.join("\n", fields.get(name)), "after", clean));
                fields.put(name, List.of(clean));
            }
        });
        return fields;
    }

    private record EditedFields(Map<String, List<String>> fields, Map<String, List<String>> queryFields, String detail) {
    }

    private Outcome approve(long id, String actor, Replay via, EditedFields edit, String action) {
        Optional<Submission> found = store.find(siteKey, id);
        if (found.isEmpty()) {
            return notFound(id);
        }
        Submission current = found.get();
        if (current.review().status() == Status.APPROVED) {
            return new Outcome(Result.UNCHANGED, found, "submission " + id + " is already approved; nothing was done");
        }
        if (current.review().status() == Status.REPLAYING) {
            return new Outcome(Result.CONFLICT, found, "submission " + id + " is being approved by someone else right now");
        }
        // Claim first, so that two moderators approving at once cannot replay it twice.
        Optional<Submission> claimed = store.transition(siteKey, id, current.review().status(), Status.REPLAYING,
                edit == null ? null : action, actor, clock.instant(), null, edit == null ? null : edit.detail(),
                edit == null ? null : edit.fields(), edit == null ? null : edit.queryFields());
        if (claimed.isEmpty()) {
            return new Outcome(Result.CONFLICT, store.find(siteKey, id), "submission " + id + " changed meanwhile; look again");
        }
        Submission submission = claimed.get();
        Replayer.Outcome replay = settings.replay()
                ? Replayer.replay(via, submission, routeOf(submission), store.sessionValues(siteKey, id))
                : new Replayer.Outcome(true, 0, null);
        Optional<Submission> finished = store.finishReplay(siteKey, id, replay.stored(), replay.status(), replay.error(),
                actor, clock.instant());
        if (!replay.stored()) {
            LOG.warn("Submission {} approved by {} was not stored by the application: {}", id, actor, replay.error());
            return new Outcome(Result.REPLAY_FAILED, finished, "the application did not store submission " + id + ": "
                    + replay.error() + "; it stays in the queue and can be approved again");
        }
        if (current.review().status() == Status.SPAM) {
            // A moderator overruled "spam": stop holding this poster's details against later posts.
            store.removeSpamMarks(siteKey, id);
        }
        learn(submission, false);
        sent.run();
        String listenerErrors = notifyListeners(approved(submission, actor));
        return new Outcome(Result.CHANGED, finished, "submission " + id + " approved and sent to the site;"
                + " not seen on a page yet" + listenerErrors);
    }

    public Outcome reject(long id, String actor, String reason) {
        Optional<Submission> before = store.find(siteKey, id);
        Outcome outcome = decide(id, actor, reason, Status.REJECTED, "reject", EnumSet.of(Status.PENDING, Status.SPAM));
        if (outcome.result() == Result.CHANGED && before.filter(s -> s.review().status() == Status.SPAM).isPresent()) {
            store.removeSpamMarks(siteKey, id);
        }
        return outcome;
    }

    public Outcome markSpam(long id, String actor, String reason) {
        Outcome outcome = decide(id, actor, reason, Status.SPAM, "spam", EnumSet.of(Status.PENDING, Status.REJECTED));
        if (outcome.result() == Result.CHANGED) {
            // The scorer learns from moderators: this poster's address, e-mail, links and text count against the next post.
            Submission s = outcome.submission().orElseThrow();
            store.addSpamMarks(siteKey, id, SpamMarks.of(s, routeOf(s)), clock.instant());
            learn(s, true);
        }
        return outcome;
    }

    private Route routeOf(Submission s) {
        return settings.routes().stream().filter(r -> r.name().equals(s.posted().route())).findFirst().orElse(null);
    }

    /** The same action on many submissions; each gets its own outcome. */
    public List<Outcome> bulk(List<Long> ids, String action, String actor, String reason, Replay via) {
        List<Outcome> outcomes = new ArrayList<>();
        for (long id : ids) {
            outcomes.add(switch (action) {
                case "approve" -> approve(id, actor, via);
                case "reject" -> reject(id, actor, reason);
                case "spam" -> markSpam(id, actor, reason);
                default -> throw new IllegalArgumentException("unknown action " + action);
            });
        }
        return outcomes;
    }

    private Outcome decide(long id, String actor, String reason, Status to, String action, Set<Status> allowedFrom) {
        Optional<Submission> found = store.find(siteKey, id);
        if (found.isEmpty()) {
            return notFound(id);
        }
        Status from = found.get().review().status();
        if (from == to) {
            return new Outcome(Result.UNCHANGED, found, "submission " + id + " is already " + to.key() + "; nothing was done");
        }
        if (!allowedFrom.contains(from)) {
            String why = from == Status.APPROVED
                    ? "it is already published; remove it in the application itself"
                    : "it is " + from.key();
            return new Outcome(Result.CONFLICT, found, "submission " + id + " cannot be marked " + to.key() + ": " + why);
        }
        Optional<Submission> changed = store.transition(siteKey, id, from, to, action, actor, clock.instant(),
                blankToNull(reason), null, null);
        if (changed.isEmpty()) {
            return new Outcome(Result.CONFLICT, store.find(siteKey, id), "submission " + id + " changed meanwhile; look again");
        }
        return new Outcome(Result.CHANGED, changed, "submission " + id + " marked " + to.key());
    }

    private static ApprovedSubmission approved(Submission s, String approvedBy) {
        return new ApprovedSubmission(s.id(), s.receipt(), s.posted().route(), s.posted().path(), s.allFields(),
                s.poster().clientIp(), s.poster().clientPort(), s.poster().posterUser(), s.receivedAt(), approvedBy);
    }

    private String notifyListeners(ApprovedSubmission approved) {
        StringBuilder errors = new StringBuilder();
        for (ApprovalListener listener : listeners) {
            try {
                listener.approved(approved);
            } catch (Exception | LinkageError e) {
                LOG.error("Approval listener {} failed on submission {}", listener, approved.id(), e);
                errors.append("; an approval listener failed: ").append(e.getMessage());
            }
        }
        return errors.toString();
    }

    private static Outcome notFound(long id) {
        return new Outcome(Result.NOT_FOUND, Optional.empty(), "there is no submission " + id);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
