package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The labelled corpus (filter/src/test/resources/spam): quality targets of issue 3. */
class SpamCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static SpamScorer scorer;

    @BeforeAll
    static void scorer() {
        scorer = SpamScorer.create(SpamSettings.defaults());
    }

    /**
     * Since the verdict policy files as spam only texts with a promotion target (a link, domain, phone, chat
     * handle, bank details or a site's name), the 95 % holds for those; 99 % of all spam is at least suspect.
     */
    @Test
    void atLeast95PercentOfSpamWithAPromotionTargetIsFiledAsSpamAnd99PercentIsAtLeastSuspect() throws IOException {
        List<JsonNode> spam = read("/spam/spam.jsonl");
        assertThat(spam).hasSizeGreaterThanOrEqualTo(150);
        List<String> missed = new ArrayList<>();
        int asSpam = 0;
        int caught = 0;
        int withTarget = 0;
        Map<String, int[]> bySplit = new TreeMap<>();
        for (JsonNode item : spam) {
            SpamScore score = score(item.get("text").asText());
            boolean target = scorer.analyse(ScoringInput.ofText(item.get("text").asText(), "", "", "", NOW)).structure().hasTarget();
            withTarget += target ? 1 : 0;
            int[] split = bySplit.computeIfAbsent(item.get("split").asText(), k -> new int[3]);
            split[0]++;
            if (score.verdict() == Verdict.SPAM && target) {
                asSpam++;
                split[1]++;
            } else {
                missed.add(item.get("id").asText() + " [" + item.get("disguise").asText() + "] " + score.verdict() + " " + score.score()
                        + " " + score.reasons().stream().map(Reason::describe).toList() + " :: " + item.get("text").asText());
            }
            if (score.verdict() != Verdict.CLEAN) {
                caught++;
                split[2]++;
            }
        }
        bySplit.forEach((split, counts) -> System.out.printf("spam corpus %s: %d items, %d spam, %d spam or suspect%n",
                split, counts[0], counts[1], counts[2]));
        assertThat(withTarget).isGreaterThanOrEqualTo((int) Math.ceil(spam.size() * 0.9));
        assertThat(asSpam).as("spam filed as spam; missed:%n%s", String.join("\n", missed)).isGreaterThanOrEqualTo((int) Math.ceil(withTarget * 0.95));
        assertThat(caught).as("spam at least suspect; missed:%n%s", String.join("\n", missed)).isGreaterThanOrEqualTo((int) Math.ceil(spam.size() * 0.99));
    }

    @Test
    void atMostOnePercentOfLegitimateSchoolTextsIsFiledAsSpam() throws IOException {
        List<JsonNode> legit = read("/spam/legit.jsonl");
        assertThat(legit).hasSizeGreaterThanOrEqualTo(150);
        assertThat(legit.stream().filter(item -> item.get("hard").asBoolean()).count()).isGreaterThanOrEqualTo(30);
        List<String> flagged = new ArrayList<>();
        int asSpam = 0;
        int suspect = 0;
        for (JsonNode item : legit) {
            SpamScore score = score(item.get("text").asText());
            if (score.verdict() != Verdict.CLEAN) {
                flagged.add(item.get("id").asText() + " " + score.verdict() + " " + score.score() + " "
                        + score.reasons().stream().map(Reason::describe).toList() + " :: " + item.get("text").asText());
            }
            asSpam += score.verdict() == Verdict.SPAM ? 1 : 0;
            suspect += score.verdict() == Verdict.SUSPECT ? 1 : 0;
        }
        System.out.printf("legit corpus: %d items, %d spam, %d suspect%n%s%n", legit.size(), asSpam, suspect, String.join("\n", flagged));
        assertThat(asSpam).as("legitimate texts filed as spam:%n%s", String.join("\n", flagged)).isLessThanOrEqualTo(legit.size() / 100);
    }

    private static SpamScore score(String text) {
        return scorer.score(ScoringInput.ofText(text, "", "", "", NOW));
    }

    static List<JsonNode> read(String resource) throws IOException {
        List<JsonNode> items = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(SpamCorpusTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    items.add(JSON.readTree(line));
                }
            }
        }
        return items;
    }
}
