package vn.schoolguard.internal.http;

import jakarta.servlet.http.HttpServletRequest;

import vn.schoolguard.internal.moderation.Replay;
import vn.schoolguard.internal.moderation.ReplaySettings;
import vn.schoolguard.internal.moderation.ReplayTokens;

/**
 * The servlet ways of replaying an approved submission from a moderator's request: by default a fresh request over
 * a loopback HTTP connection ({@link LoopbackReplayer}), or an internal forward inside the moderator's request
 * ({@code replay.mode=forward}, {@link ForwardReplayer}). Thread-safe; one instance per filter.
 */
public final class ServletReplays {

    private final ReplaySettings settings;
    private final LoopbackReplayer loopback;

    /** @param tokens the replay tokens that the filter in front of the application redeems (the same instance) */
    public ServletReplays(ReplaySettings settings, ReplayTokens tokens) {
        this.settings = settings;
        this.loopback = new LoopbackReplayer(settings, tokens);
    }

    /** The replay for approvals made in this moderator's request. */
    public Replay via(HttpServletRequest approving) {
        return settings.mode() == ReplaySettings.Mode.LOOPBACK
                ? (submission, session) -> loopback.deliver(approving, submission, session)
                : (submission, session) -> ForwardReplayer.deliver(approving, submission, session);
    }
}
