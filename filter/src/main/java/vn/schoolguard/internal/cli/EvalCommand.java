package vn.schoolguard.internal.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.schoolguard.internal.spam.SpamEvaluation;
import vn.schoolguard.internal.spam.SpamMemory;
import vn.schoolguard.internal.spam.SpamScorer;
import vn.schoolguard.internal.spam.SpamSettings;

/**
 * {@code eval}: scores labelled texts and prints the confusion matrix, per-category rates, per-rule precision
 * and the texts it got wrong. Input: a JSON-lines file ({@code {"id","text","label":"spam|legit","category"}})
 * or one split of a corpus directory.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Measures spam scoring on labelled texts: confusion matrix, per-category rates, per-rule precision.",
                "In: FILE.jsonl with {\"id\",\"text\",\"label\":\"spam|legit\",\"category\"}, or --corpus DIR --split test."})
final class EvalCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE.jsonl", description = "labelled texts")
    private Path file;

    @Option(names = "--corpus", paramLabel = "DIR", description = "a corpus directory instead of a file")
    private Path corpus;

    @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "test",
            description = "with --corpus: train, dev, test or all (default: ${DEFAULT-VALUE})")
    private String split;

    @Option(names = "--rules", paramLabel = "FILE", description = "a site rule file that extends the shipped rule pack")
    private Path rules;

    @Override
    public Integer call() throws IOException {
        if ((file == null) == (corpus == null)) {
            spec.commandLine().getErr().println("eval: give FILE.jsonl or --corpus DIR, not both or neither");
            return 2;
        }
        if (!split.matches("(?i)train|dev|test|all")) {
            spec.commandLine().getErr().println("eval: --split must be train, dev, test or all, not '" + split + "'");
            return 2;
        }
        SpamSettings settings = new SpamSettings(10, 4, Optional.empty(), Set.of(), "", Duration.ZERO,
                SpamSettings.DEFAULT_MAX_ANALYSED_CHARS, Duration.ofMinutes(1));
        if (rules != null) {
            settings = settings.withRulesFile(rules);
        }
        List<SpamEvaluation.Labelled> items;
        SpamScorer scorer;
        try {
            items = file != null ? SpamEvaluation.readFile(file) : SpamEvaluation.readCorpus(corpus, split);
            scorer = SpamScorer.create(settings, SpamMemory.NONE);
        } catch (IOException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("eval: " + e.getMessage());
            return 2;
        }
        SpamEvaluation.run(items, scorer).print(spec.commandLine().getOut());
        return 0;
    }
}
