package vn.schoolguard.internal.inject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import vn.schoolguard.internal.log.Log;

/**
 * Checks, as the tracker goes into a page, whether a policy the page enforces (its {@code <meta>} elements, or a
 * header the application set) would stop it, and records the page in {@link DecorationWarnings} when it would;
 * also finds the nonce the inserted tracker carries. Report-only policies block nothing. Thread-safe.
 */
final class PolicyVerdicts {

    private static final Log LOG = Log.get(DecorationWarnings.LOG_NAME);
    private static final String CSP = "Content-Security-Policy";

    private final TrackerPolicy trackerPolicy;
    private final DecorationWarnings warnings;
    private final Map<String, List<TrackerPolicy.Block>> verdicts = new ConcurrentHashMap<>();

    PolicyVerdicts(TrackerPolicy trackerPolicy, DecorationWarnings warnings) {
        this.trackerPolicy = trackerPolicy;
        this.warnings = warnings;
    }

    /** The nonce of the response's own policy, preferring the headers' to the page's {@code <meta>} ones. */
    static Optional<String> nonce(Function<String, Collection<String>> responseHeaders, List<String> metas) {
        List<String> policies = new ArrayList<>(responseHeaders.apply(CSP));
        policies.addAll(responseHeaders.apply(CSP + "-Report-Only"));
        // A nonce from the page's own <meta> policy is the next best: the header's decides when both exist.
        policies.addAll(metas);
        for (String policy : policies) {
            Optional<String> nonce = Snippets.nonceIn(policy);
            if (nonce.isPresent()) {
                return nonce;
            }
        }
        return Optional.empty();
    }

    /** Warns when the page's enforced policies would stop the tracker about to be inserted with {@code nonce}. */
    void check(PageRequest request, Function<String, Collection<String>> responseHeaders, List<String> metas,
               Optional<String> nonce) {
        Collection<String> headerPolicies = responseHeaders.apply(CSP);
        if (metas.isEmpty() && headerPolicies.isEmpty()) {
            return;
        }
        String path = request.pathInContext();
        for (String policy : headerPolicies) {
            verdict(policy, true, nonce, request.origin()).forEach(block -> warnings.record(path, "header", block));
        }
        for (String policy : metas) {
            verdict(policy, false, nonce, request.origin()).forEach(block -> warnings.record(path, "meta", block));
        }
    }

    private List<TrackerPolicy.Block> verdict(String policy, boolean fromHeader, Optional<String> nonce, String origin) {
        String key = fromHeader + "\n" + nonce.orElse("") + "\n" + origin + "\n" + policy;
        List<TrackerPolicy.Block> known = verdicts.get(key);
        if (known != null) {
            return known;
        }
        List<TrackerPolicy.Block> blocks;
        try {
            blocks = trackerPolicy.blocks(policy, fromHeader, nonce, origin);
        } catch (RuntimeException e) {
            LOG.debug("Content-Security-Policy not understood: {}", policy, e);
            return List.of();
        }
        // Nonces change per page, so the cache is only bounded, never relied on.
        if (verdicts.size() >= 256) {
            verdicts.clear();
        }
        verdicts.put(key, List.copyOf(blocks));
        return blocks;
    }
}
