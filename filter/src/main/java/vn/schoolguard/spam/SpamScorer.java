package vn.schoolguard.spam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Scores submissions for gambling spam. Thread-safe. */
public final class SpamScorer {

    private static final Pattern LINK = Pattern.compile("https?://|www\\.", Pattern.CASE_INSENSITIVE);

    private final SpamSettings settings;

    private SpamScorer(SpamSettings settings) {
        this.settings = settings;
    }

    public static SpamScorer create(SpamSettings settings) {
        return new SpamScorer(settings);
    }

    public SpamScore score(ScoringInput input) {
        List<Reason> reasons = new ArrayList<>();
        int links = 0;
        for (String value : input.text().values()) {
            Matcher m = LINK.matcher(value.toLowerCase(Locale.ROOT));
            while (m.find()) {
                links++;
            }
        }
        if (links > 3) {
            reasons.add(new Reason("links.many", links + " links", 4));
        }
        double score = reasons.stream().mapToDouble(Reason::weight).sum();
        Verdict verdict = score >= settings.spamThreshold() ? Verdict.SPAM
                : score >= settings.suspectThreshold() ? Verdict.SUSPECT : Verdict.CLEAN;
        return new SpamScore(verdict, score, reasons);
    }
}
