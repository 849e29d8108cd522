package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The rule hits (ids, details, weights) of the automaton-based checks are those of the scorer they replaced:
 * {@code spam/rule-hits-golden.jsonl} was written by that scorer from {@code spam/rule-hits-input.jsonl}, with
 * identical texts in one run counting as repeats, as in the {@code score} command.
 */
class RuleHitsGoldenTest {

    private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

    @Test
    void everyRuleHitIsTheSameAsBeforeTheScorerWasSplit() throws IOException {
        List<JsonNode> inputs = SpamCorpusTest.read("/spam/rule-hits-input.jsonl");
        List<JsonNode> golden = SpamCorpusTest.read("/spam/rule-hits-golden.jsonl");
        assertThat(inputs).hasSameSizeAs(golden).hasSizeGreaterThan(300);
        InMemorySpamMemory memory = new InMemorySpamMemory();
        SpamScorer scorer = SpamScorer.create(new SpamSettings(10, 4, java.util.Optional.empty(), java.util.Set.of(), "",
                Duration.ofSeconds(3), SpamSettings.DEFAULT_MAX_ANALYSED_CHARS, Duration.ofMinutes(1)), memory);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            ScoringInput input = ScoringInput.ofText(inputs.get(i).get("text").asText(), "", "", "", START.plus(Duration.ofMillis(i + 1)));
            List<String> now = scorer.score(input).reasons().stream().filter(r -> !r.rule().startsWith(SpamScorer.MODEL_RULE_PREFIX))
                    .map(Reason::describe).toList();
            memory.remember(input);
            List<String> before = new ArrayList<>();
            golden.get(i).get("reasons").forEach(r -> before.add(r.asText()));
            if (!now.equals(before)) {
                differences.add(inputs.get(i).get("id").asText() + ": " + before + " -> " + now);
            }
        }
        assertThat(differences).isEmpty();
    }
}
