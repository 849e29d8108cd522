package vn.schoolguard.internal.spam;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vn.schoolguard.internal.inject.ImplantRules;

/**
 * The implant watch's gambling rules taken from the spam rule pack, so that the page scanner and the
 * submission scorer recognise the same brands, domains and phrases (the built-in list adds to them).
 */
public final class SpamImplantRules implements ImplantRules {

    private static final Instant EPOCH = Instant.EPOCH;

    private final SpamScorer scorer;
    private final ImplantRules builtIn = ImplantRules.builtIn();

    /** Rules from a scorer created without memory: page scans must not depend on moderators' marks. */
    public SpamImplantRules(SpamSettings settings) {
        this.scorer = SpamScorer.create(settings, SpamMemory.NONE);
    }

    @Override
    public boolean isGamblingHost(String host) {
        if (builtIn.isGamblingHost(host)) {
            return true;
        }
        SpamScore score = scorer.score(input("<a href=\"http://" + host + "/\">" + host + "</a>"));
        return score.reasons().stream().anyMatch(r -> r.rule().equals("domain.blocked") || r.rule().equals("domain.numbered")
                || r.rule().equals("gambling.brand"));
    }

    @Override
    public List<String> gamblingPhrases(String text) {
        Set<String> phrases = new LinkedHashSet<>(builtIn.gamblingPhrases(text));
        for (Reason reason : scorer.score(input(text)).reasons()) {
            if (reason.rule().startsWith("gambling.") && reason.weight() > 0) {
                phrases.add(reason.detail().isEmpty() ? reason.rule() : reason.detail());
            }
        }
        return new ArrayList<>(phrases);
    }

    private static ScoringInput input(String text) {
        return new ScoringInput("", Map.of("text", text), "", "", "", "", EPOCH, Optional.empty());
    }
}
