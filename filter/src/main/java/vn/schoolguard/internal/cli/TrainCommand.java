package vn.schoolguard.internal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.schoolguard.internal.spam.SpamTraining;

/**
 * {@code train}: trains the spam model from a labelled corpus and writes the model file. The shipped model is
 * {@code filter/src/main/resources/vn/schoolguard/internal/spam/model.bin}, made by
 * {@code schoolguard train --corpus corpus --out filter/src/main/resources/vn/schoolguard/internal/spam/model.bin}.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains the spam model from a labelled corpus (reproducible: the same corpus gives the same file).",
                "The corpus is every *.jsonl under DIR: {\"id\",\"label\":\"spam|legit\",\"category\",\"hard\",\"group\",\"text\"}."})
final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--corpus", required = true, paramLabel = "DIR", description = "the corpus directory (legit/ and spam/)")
    private Path corpus;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the model file to write")
    private Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter log = spec.commandLine().getOut();
        byte[] model;
        try {
            model = SpamTraining.train(corpus, log);
        } catch (IOException e) {
            spec.commandLine().getErr().println("train: " + e.getMessage());
            return 2;
        }
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        Files.write(out, model);
        log.println("wrote " + out + " (" + model.length + " bytes)");
        log.flush();
        return 0;
    }
}
