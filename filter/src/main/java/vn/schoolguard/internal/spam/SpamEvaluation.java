package vn.schoolguard.internal.spam;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Measures the scorer on labelled texts: the confusion matrix (label × verdict), per-category rates, and the
 * precision of every rule (how often it fired on spam among all texts it fired on).
 *
 * <pre>{@code
 * SpamEvaluation.Result r = SpamEvaluation.run(SpamEvaluation.readFile(Path.of("dev.jsonl")), scorer);
 * r.print(out);
 * }</pre>
 */
public final class SpamEvaluation {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SpamEvaluation() {
    }

    /** Counts of verdicts for one slice of texts: [spam, suspect, clean]. */
    public static final class Counts {
        final int[] verdicts = new int[3];

        void add(Verdict v) {
            verdicts[v == Verdict.SPAM ? 0 : v == Verdict.SUSPECT ? 1 : 2]++;
        }

        public int total() {
            return verdicts[0] + verdicts[1] + verdicts[2];
        }

        /** Share filed as spam. */
        public double spamRate() {
            return total() == 0 ? 0 : verdicts[0] / (double) total();
        }

        /** Share at least suspect. */
        public double flaggedRate() {
            return total() == 0 ? 0 : (verdicts[0] + verdicts[1]) / (double) total();
        }
    }

    /** What an evaluation found. */
    public static final class Result {
        public final Counts spam = new Counts();
        public final Counts legit = new Counts();
        public final Counts hardLegit = new Counts();
        /** Spam the verdict policy may file: a promotion target, or offer, chat or payment wording with gambling words. */
        public final Counts fileableSpam = new Counts();
        /** Spam it never files on wording alone (at most suspect): no promotion target. */
        public final Counts otherSpam = new Counts();
        final Map<String, Counts> categories = new TreeMap<>();
        /** Per rule id: [fired on spam, fired on legit]. */
        final Map<String, int[]> rules = new TreeMap<>();
        final List<String> errors = new ArrayList<>();

        public void print(PrintWriter out) {
            out.printf(Locale.ROOT, "texts: %d (spam %d, legit %d, hard legit %d)%n", spam.total() + legit.total(), spam.total(),
                    legit.total(), hardLegit.total());
            out.println("confusion (label -> verdict):   spam  suspect    clean");
            row(out, "spam", spam);
            row(out, "legit", legit);
            row(out, "legit (hard)", hardLegit);
            out.printf(Locale.ROOT, "rates: spam->spam %.4f, spam->spam|suspect %.4f, legit->spam %.4f, hard legit->spam %.4f,"
                    + " legit->suspect %.4f%n", spam.spamRate(), spam.flaggedRate(), legit.spamRate(), hardLegit.spamRate(),
                    legit.flaggedRate() - legit.spamRate());
            out.printf(Locale.ROOT, "spam with a promotion target: %d, ->spam %.4f, ->spam|suspect %.4f; without one (never spam on"
                    + " wording alone): %d, ->spam|suspect %.4f%n", fileableSpam.total(), fileableSpam.spamRate(),
                    fileableSpam.flaggedRate(), otherSpam.total(), otherSpam.flaggedRate());
            out.println("per category (label/category: n, spam, suspect, clean):");
            categories.forEach((name, c) -> out.printf(Locale.ROOT, "  %-28s %5d %5d %5d %5d  spam %.3f  flagged %.3f%n", name,
                    c.total(), c.verdicts[0], c.verdicts[1], c.verdicts[2], c.spamRate(), c.flaggedRate()));
            out.println("per rule (fired on spam, on legit, precision):");
            rules.forEach((rule, n) -> out.printf(Locale.ROOT, "  %-28s %5d %5d  %.3f%n", rule, n[0], n[1],
                    n[0] / (double) Math.max(1, n[0] + n[1])));
            errors.forEach(out::println);
            out.flush();
        }

        private static void row(PrintWriter out, String label, Counts c) {
            out.printf(Locale.ROOT, "  %-28s %7d %8d %8d%n", label, c.verdicts[0], c.verdicts[1], c.verdicts[2]);
        }
    }

    /** The labelled texts of one JSON-lines file ({@code {"id","text","label":"spam|legit","category"}}). */
    public static List<Labelled> readFile(Path file) throws IOException {
        List<Labelled> items = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    items.add(new Labelled(Corpus.item(JSON.readTree(line), file + ":" + number)));
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": " + e.getOriginalMessage(), e);
        }
        return items;
    }

    /** The labelled texts of one split of a corpus directory ({@code all} for every split). */
    public static List<Labelled> readCorpus(Path directory, String split) throws IOException {
        List<Labelled> items = new ArrayList<>();
        for (Corpus.Item item : Corpus.read(directory)) {
            if (split.equalsIgnoreCase("all") || item.split().name().equalsIgnoreCase(split)) {
                items.add(new Labelled(item));
            }
        }
        return items;
    }

    /** A labelled text (opaque outside this package). */
    public static final class Labelled {
        final Corpus.Item item;

        Labelled(Corpus.Item item) {
            this.item = item;
        }
    }

    /** Scores every text with the scorer (its memory should be empty) and counts. */
    public static Result run(List<Labelled> items, SpamScorer scorer) {
        Result result = new Result();
        for (Labelled labelled : items) {
            Corpus.Item item = labelled.item;
            SpamScore score = scorer.score(SpamTraining.input(item.text()));
            Verdict verdict = score.verdict();
            (item.spam() ? result.spam : result.legit).add(verdict);
            if (item.spam()) {
                boolean fileable = scorer.analyse(SpamTraining.input(item.text())).structure().fileable();
                (fileable ? result.fileableSpam : result.otherSpam).add(verdict);
            }
            if (!item.spam() && item.hard()) {
                result.hardLegit.add(verdict);
            }
            String category = (item.spam() ? "spam/" : "legit/") + item.category() + (item.hard() ? " (hard)" : "");
            result.categories.computeIfAbsent(category, k -> new Counts()).add(verdict);
            for (Reason reason : score.reasons()) {
                if (!reason.rule().startsWith(SpamScorer.MODEL_RULE_PREFIX) && reason.weight() > 0) {
                    result.rules.computeIfAbsent(reason.rule(), k -> new int[2])[item.spam() ? 0 : 1]++;
                }
            }
            if (item.spam() != (verdict == Verdict.SPAM) && (item.spam() ? verdict == Verdict.CLEAN : true)) {
                result.errors.add(String.format(Locale.ROOT, "%s %s -> %s: %s", item.id(), item.spam() ? "spam" : "legit",
                        verdict.key(), item.text().length() > 160 ? item.text().substring(0, 160) + "…" : item.text()));
            }
        }
        return result;
    }
}
