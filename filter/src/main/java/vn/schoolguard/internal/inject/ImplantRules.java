package vn.schoolguard.internal.inject;

import java.util.List;

/**
 * Tells gambling link targets and phrases apart from ordinary content, for the implant watch and the site check.
 *
 * <p>{@link #builtIn()} knows a short list of gambling brands and words; a richer rule pack can implement this
 * interface and be passed to {@link PageDecoration#PageDecoration(InjectSettings, ImplantRules, ApprovedContent,
 * java.time.Clock)}. Implementations must be thread-safe: scans run on a background thread.
 */
public interface ImplantRules {

    /** True when a link to this host (lower-case, without port) points at a gambling site. */
    boolean isGamblingHost(String host);

    /** The gambling phrases found in a piece of page text; empty when there are none. */
    List<String> gamblingPhrases(String text);

    /** The built-in rules: known gambling brands with their numbered domains, and unambiguous gambling phrases. */
    static ImplantRules builtIn() {
        return BuiltInImplantRules.INSTANCE;
    }
}
