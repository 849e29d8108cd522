package vn.schoolguard.internal.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.schoolguard.internal.spam.InMemorySpamMemory;
import vn.schoolguard.internal.spam.Reason;
import vn.schoolguard.internal.spam.ScoringInput;
import vn.schoolguard.internal.spam.SpamScore;
import vn.schoolguard.internal.spam.SpamScorer;
import vn.schoolguard.internal.spam.SpamSettings;

/**
 * {@code score}: scores JSON lines from standard input and writes one JSON line per input line.
 * In: {@code {"id":..., "text":..., "author"?, "email"?, "url"?}}; out:
 * {@code {"id":..., "verdict":"spam"|"suspect"|"clean", "score":..., "reasons":[...]}}, or
 * {@code {"id"?:..., "error":"..."}} for a line that cannot be scored. Identical texts within one run
 * count as repeated posts.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Scores submissions for gambling spam: JSON lines in on standard input, JSON lines out.",
                "In:  {\"id\":..., \"text\":..., \"author\"?, \"email\"?, \"url\"?}",
                "Out: {\"id\":..., \"verdict\":\"spam\"|\"suspect\"|\"clean\", \"score\":..., \"reasons\":[...]}"})
final class ScoreCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--rules", paramLabel = "FILE", description = "a site rule file that extends the shipped rule pack")
    private Path rules;

    @Option(names = "--spam-threshold", paramLabel = "N", description = "score filed as spam (default: ${DEFAULT-VALUE})")
    private double spamThreshold = 10;

    @Option(names = "--suspect-threshold", paramLabel = "N", description = "score flagged as suspect (default: ${DEFAULT-VALUE})")
    private double suspectThreshold = 4;

    @Override
    public Integer call() throws IOException {
        SpamSettings settings = new SpamSettings(spamThreshold, suspectThreshold);
        if (rules != null) {
            settings = settings.withRulesFile(rules);
        }
        InMemorySpamMemory memory = new InMemorySpamMemory();
        SpamScorer scorer;
        try {
            scorer = SpamScorer.create(settings, memory);
        } catch (IllegalArgumentException e) {
            System.err.println("score: " + e.getMessage());
            return 2;
        }
        Instant start = Instant.now();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Writer out = new BufferedWriter(new OutputStreamWriter(stdout(), StandardCharsets.UTF_8));
        String line;
        long number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            out.write(JSON.writeValueAsString(scoreLine(line, number, scorer, memory, start.plus(Duration.ofMillis(number)))));
            out.write('\n');
        }
        out.flush();
        return 0;
    }

    private static ObjectNode scoreLine(String line, long number, SpamScorer scorer, InMemorySpamMemory memory, Instant at) {
        ObjectNode result = JSON.createObjectNode();
        JsonNode item;
        try {
            item = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return result.put("error", CliTexts.notJson(number, e.getOriginalMessage()));
        }
        if (item == null || !item.isObject()) {
            return result.put("error", CliTexts.notAnObject(number));
        }
        if (item.has("id")) {
            result.set("id", item.get("id"));
        }
        JsonNode text = item.get("text");
        if (text == null || !text.isTextual()) {
            return result.put("error", CliTexts.missingText(number));
        }
        for (String field : new String[] {"author", "email", "url"}) {
            if (item.has(field) && !item.get(field).isTextual() && !item.get(field).isNull()) {
                return result.put("error", CliTexts.notAString(number, field));
            }
        }
        ScoringInput input = ScoringInput.ofText(text.asText(), item.path("author").asText(""), item.path("email").asText(""),
                item.path("url").asText(""), at);
        SpamScore score = scorer.score(input);
        memory.remember(input);
        result.put("verdict", score.verdict().key());
        result.put("score", score.score());
        ArrayNode reasons = result.putArray("reasons");
        for (Reason reason : score.reasons()) {
            reasons.add(reason.describe());
        }
        return result;
    }

    /** Standard output as given to this process, or as replaced (tests). */
    private static java.io.OutputStream stdout() {
        PrintStream current = System.out;
        return current != null ? current : new FileOutputStream(FileDescriptor.out);
    }

    /** Error texts of the score command, in one place. */
    static final class CliTexts {
        private CliTexts() {
        }

        static String notJson(long line, String problem) {
            return "line " + line + ": not JSON (" + problem + ")";
        }

        static String notAnObject(long line) {
            return "line " + line + ": expected a JSON object such as {\"id\":1,\"text\":\"...\"}";
        }

        static String missingText(long line) {
            return "line " + line + ": \"text\" must be a string";
        }

        static String notAString(long line, String field) {
            return "line " + line + ": \"" + field + "\" must be a string when given";
        }
    }
}
