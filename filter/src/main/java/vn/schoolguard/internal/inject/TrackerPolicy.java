package vn.schoolguard.internal.inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.shapesecurity.salvation2.Directives.SourceExpressionDirective;
import com.shapesecurity.salvation2.FetchDirectiveKind;
import com.shapesecurity.salvation2.Policy;
import com.shapesecurity.salvation2.PolicyList;
import com.shapesecurity.salvation2.URLs.URI;
import com.shapesecurity.salvation2.URLs.URLWithScheme;

/**
 * Whether Content-Security-Policies let the EMC tracker run: an inline bootstrap script (with a nonce or matched by
 * its hash) that inserts the external tracker script, which then sends its page views to the tracking URL.
 * Parsing and source matching (keywords, hosts with wildcards, schemes, ports, paths, nonces, hashes,
 * {@code 'strict-dynamic'}, {@code 'none'}) follow CSP Level 3 through the salvation2 library. Internal; public for
 * the site check command. Immutable and thread-safe.
 *
 * <pre>{@code
 * TrackerPolicy tracker = TrackerPolicy.of("https://f-emc.ngsp.gov.vn", bootstrapSource);
 * List<TrackerPolicy.Block> blocks = tracker.blocks(metaContent, true, nonce, "https://school.edu.vn");
 * }</pre>
 */
public final class TrackerPolicy {

    /** What a policy stops. */
    public enum Blocked {
        /** The inline bootstrap script (no matching nonce or hash, or {@code 'unsafe-inline'} not allowed). */
        INLINE_SCRIPT,
        /** The external tracker script the bootstrap inserts. */
        TRACKER_SCRIPT,
        /** The page views the tracker sends (connect-src). */
        TRACKING_REQUESTS,
        /** Trusted Types: the bootstrap's plain-string script URL is refused. */
        TRUSTED_TYPES,
        /** A sandbox without allow-scripts. */
        SANDBOX;

        /** Lower-case words, for logs and JSON. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One reason the tracker would not work.
     *
     * @param blocked   what is stopped
     * @param directive the governing directive as written, such as {@code script-src 'self'}
     */
    public record Block(Blocked blocked, String directive) {
    }

    private final URLWithScheme trackerScript;
    private final URLWithScheme trackingUrl;
    private final String bootstrap;

    private TrackerPolicy(URLWithScheme trackerScript, URLWithScheme trackingUrl, String bootstrap) {
        this.trackerScript = trackerScript;
        this.trackingUrl = trackingUrl;
        this.bootstrap = bootstrap;
    }

    /**
     * @param trackerOrigin such as {@code https://f-emc.ngsp.gov.vn}
     * @param bootstrap     the inline script's exact text, for hash sources; empty when unknown
     */
    public static TrackerPolicy of(String trackerOrigin, String bootstrap) {
        return of(trackerOrigin + "/embed/gov-tracking.min.js", trackerOrigin + "/tracking", bootstrap);
    }

    /** With the script and tracking URLs a page names itself. */
    public static TrackerPolicy of(String trackerScriptUrl, String trackingUrl, String bootstrap) {
        return new TrackerPolicy(url(trackerScriptUrl), url(trackingUrl), bootstrap);
    }

    /**
     * Everything one enforced policy text blocks; empty when the tracker runs and reports under it.
     *
     * @param policy     a header value (may hold several comma-separated policies) or a meta element's content
     * @param fromHeader whether it came as a response header; a {@code <meta>} policy is a single policy and its
     *                   {@code sandbox}, {@code frame-ancestors} and {@code report-uri} are ignored, as browsers do
     * @param nonce      the nonce the bootstrap script carries, if any
     * @param pageOrigin the page's origin, for {@code 'self'}, such as {@code https://thpt.example.edu.vn}
     */
    public List<Block> blocks(String policy, boolean fromHeader, Optional<String> nonce, String pageOrigin) {
        List<Policy> policies = new ArrayList<>();
        String ascii = policy.replaceAll("[^\\x20-\\x7e\\t]", " ");
        if (fromHeader) {
            PolicyList list = Policy.parseSerializedCSPList(ascii, Policy.PolicyListErrorConsumer.ignored);
            policies.addAll(list.policies);
        } else {
            Policy single = Policy.parseSerializedCSP(ascii.replace(',', ' '), Policy.PolicyErrorConsumer.ignored);
            single.remove("sandbox");
            policies.add(single);
        }
        Optional<URLWithScheme> origin = pageOrigin == null ? Optional.empty()
                : URI.parseURI(pageOrigin).map(URLWithScheme.class::cast);
        List<Block> blocks = new ArrayList<>();
        for (Policy p : policies) {
            check(p, nonce, origin, blocks);
        }
        return blocks;
    }

    // Security-critical: a wrong "allowed" hides a tracker the department sees as missing.
    private void check(Policy policy, Optional<String> nonce, Optional<URLWithScheme> origin, List<Block> blocks) {
        if (policy.sandbox().isPresent() && !policy.sandbox().get().allowScripts()) {
            blocks.add(new Block(Blocked.SANDBOX, "sandbox " + String.join(" ", policy.sandbox().get().getValues())));
            return;
        }
        Optional<String> source = bootstrap.isEmpty() ? Optional.empty() : Optional.of(bootstrap);
        if (!policy.allowsInlineScript(nonce, source, Optional.of(true))) {
            blocks.add(new Block(Blocked.INLINE_SCRIPT, governing(policy, FetchDirectiveKind.ScriptSrcElem)));
            return;
        }
        // The bootstrap creates the script element itself: not parser-inserted, no nonce of its own.
        if (!policy.allowsExternalScript(Optional.empty(), Optional.empty(), Optional.of(trackerScript),
                Optional.of(false), origin)) {
            blocks.add(new Block(Blocked.TRACKER_SCRIPT, governing(policy, FetchDirectiveKind.ScriptSrcElem)));
            return;
        }
        if (requiresTrustedTypes(policy)) {
            blocks.add(new Block(Blocked.TRUSTED_TYPES, "require-trusted-types-for 'script'"));
            return;
        }
        if (!policy.allowsConnection(Optional.of(trackingUrl), origin)) {
            blocks.add(new Block(Blocked.TRACKING_REQUESTS, governing(policy, FetchDirectiveKind.ConnectSrc)));
        }
    }

    private static boolean requiresTrustedTypes(Policy policy) {
        // salvation2 keeps directives it has no model for in the serialization; read this one from there.
        for (String directive : policy.toString().split(";")) {
            String[] words = directive.trim().split("\\s+");
            if (words.length > 1 && words[0].equalsIgnoreCase("require-trusted-types-for")) {
                for (int i = 1; i < words.length; i++) {
                    if (words[i].equalsIgnoreCase("'script'")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The directive that decides for this kind of request, as written, e.g. {@code default-src 'none'}. */
    private static String governing(Policy policy, FetchDirectiveKind kind) {
        List<FetchDirectiveKind> order = kind == FetchDirectiveKind.ScriptSrcElem
                ? List.of(FetchDirectiveKind.ScriptSrcElem, FetchDirectiveKind.ScriptSrc, FetchDirectiveKind.DefaultSrc)
                : List.of(kind, FetchDirectiveKind.DefaultSrc);
        for (FetchDirectiveKind k : order) {
            Optional<SourceExpressionDirective> directive = policy.getFetchDirective(k);
            if (directive.isPresent()) {
                List<String> values = directive.get().getValues();
                return k.repr + (values.isEmpty() ? " (empty: 'none')" : " " + String.join(" ", values));
            }
        }
        return "sandbox";
    }

    private static URLWithScheme url(String text) {
        return URI.parseURI(text).orElseThrow(() -> new IllegalArgumentException("not an absolute URL: " + text));
    }
}
