package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pattern rules tried only where their matches can start ({@code needs} and {@code reach}) find exactly what a search
 * of the whole joined view finds: on every corpus text, the hostile texts, edge cases at the reach, and random runs
 * of brand fragments; and the shipped reach is honest, every match holding a need within it.
 */
class PatternStartsTest {

    private static final String[] FRAGMENTS = {"go", "fb", "lucky", "five", "88", "888", "168", "789", "66", "666", "68",
        "s666", "bet", "win", "club", "king", "vip", "ku", "casino", "sun", "iwin", "gem", "zo", "hit", "rik", "ok", "b52",
        "bk8", "abc8", "8live", "kjc", "55", "vin", "777", "twin", "man", "nohu", "90", "v9", "f8", "ok9", "tele",
        "telegram", "tg", "@", "cskh", "hỗ", "trợ", "24", "7", "nhà", "trường", "lớp", "10a3", "chấm", "com", "99",
        "x", "abcdef", "0988", "_z9"};
    private static final String[] SEPARATORS = {" ", "", ".", "-", " ", "\n", ", ", "/"};

    private static List<Rule> reaching;
    private static PhraseIndex index;
    private static Map<String, String> texts;

    @BeforeAll
    static void load() throws IOException {
        List<Rule> rules = RulePack.load(Optional.empty()).rules();
        index = new PhraseIndex(rules);
        reaching = rules.stream().filter(r -> r.params().containsKey("reach")).toList();
        texts = new LinkedHashMap<>(OnePassViewsTest.texts());
        for (String line : Files.readAllLines(Path.of("src/test/resources/spam/pattern-starts.txt"), StandardCharsets.UTF_8)) {
            if (!line.startsWith("#")) {
                texts.put("edge " + line, line);
            }
        }
        Random random = new Random(7);
        for (int i = 0; i < 4000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = 1 + random.nextInt(30); n > 0; n--) {
                text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]).append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
            }
            texts.put("random " + i, text.toString());
        }
    }

    @Test
    void theShippedBrandAndContactRulesDeclareWhereTheirMatchesStart() {
        assertThat(reaching).extracting(Rule::id).contains("gambling.brand", "gambling.contact");
    }

    @Test
    void triedOnlyWhereMatchesStartTheyFindWhatAWholeSearchFinds() {
        List<String> mismatches = new ArrayList<>();
        int hits = 0;
        for (Map.Entry<String, String> text : texts.entrySet()) {
            Analysis views = Analysis.of(text.getValue());
            BitSet found = index.scan(views, Budget.UNLIMITED);
            for (Rule rule : reaching) {
                int[] starts = index.mayMatch(rule, found) ? index.matchStarts(rule, found, views.joined) : new int[0];
                for (Rule.Entry entry : rule.entries()) {
                    String whole = TextChecks.PatternCheck.first(entry.pattern().matcher(views.joined));
                    String tried = TextChecks.PatternCheck.firstAt(entry.pattern().matcher(views.joined), starts);
                    hits += whole == null ? 0 : 1;
                    if (whole == null ? tried != null : !whole.equals(tried)) {
                        mismatches.add(text.getKey() + " / " + entry.source() + ": " + whole + " vs " + tried);
                    }
                }
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(hits).as("matches compared").isGreaterThan(3000);
    }

    @Test
    void everyMatchOfAShippedExpressionHoldsANeedWithinItsReach() {
        List<String> unreached = new ArrayList<>();
        for (Map.Entry<String, String> text : texts.entrySet()) {
            String joined = Analysis.of(text.getValue()).joined;
            for (Rule rule : reaching) {
                int reach = Integer.parseInt(rule.params().get("reach"));
                List<String> needs = List.of(rule.params().get("needs").split(",")).stream()
                        .map(need -> TextNormalizer.fold(need.strip())).toList();
                for (Rule.Entry entry : rule.entries()) {
                    Matcher m = entry.pattern().matcher(joined);
                    while (m.find()) {
                        if (!holdsNeed(joined, m.start(), m.end(), needs, reach)) {
                            unreached.add(text.getKey() + " / " + entry.source() + ": " + m.group());
                        }
                    }
                }
            }
        }
        assertThat(unreached).isEmpty();
    }

    @Test
    void aRuleWithoutReachIsTriedEverywhere() {
        Rule plain = new Rule("site.x", RuleKind.PATTERN, 1, 1, "x", "on",
                List.of(new Rule.Entry("bet", "", "", Pattern.compile("bet"), true)), Map.of("needs", "bet"));
        PhraseIndex own = new PhraseIndex(List.of(plain));
        Analysis views = Analysis.of("alphabet");
        assertThat(own.matchStarts(plain, own.scan(views, Budget.UNLIMITED), views.joined)).isNull();
    }

    @Test
    void onlyExpressionsThatOpenWithAnUnquantifiedBoundaryAndNoTopLevelAlternativeAreTriedAtBoundariesAlone() {
        assertThat(reaching).allSatisfy(rule -> assertThat(rule.entries())
                .allMatch(entry -> BoundaryStarts.opensWithBoundary(entry.pattern().pattern()), rule.id()));
        assertThat(List.of("\\b(?:a|b)c", "\\b[|(]x", "\\b\\|x", "\\b[]|]x", "\\b[^]|]x", "\\bx"))
                .allMatch(BoundaryStarts::opensWithBoundary);
        assertThat(List.of("\\bfoo|bar", "\\b?x", "\\b*x", "\\b{1}x", "(?i)\\bx", "x\\b", "\\Bx", "\\b[x",
                "\\b(x", "\\b\\Q|\\E", "")).noneMatch(BoundaryStarts::opensWithBoundary);
    }

    @Test
    void anExpressionWithATopLevelAlternativeIsTriedAtEveryPlaceOfItsReach() {
        Rule either = new Rule("site.y", RuleKind.PATTERN, 1, 1, "y", "on",
                List.of(new Rule.Entry("\\bxbet|bet", "", "", Pattern.compile("\\bxbet|bet"), true)),
                Map.of("needs", "bet", "reach", "1"));
        PhraseIndex own = new PhraseIndex(List.of(either));
        Analysis views = Analysis.of("alphabet");
        int[] starts = own.matchStarts(either, own.scan(views, Budget.UNLIMITED), views.joined);
        assertThat(TextChecks.PatternCheck.firstAt(Pattern.compile("\\bxbet|bet").matcher(views.joined), starts)).isEqualTo("bet");
    }

    private static boolean holdsNeed(String text, int start, int end, List<String> needs, int reach) {
        for (String need : needs) {
            for (int at = start; at <= start + reach; at++) {
                if (at + need.length() <= end && text.startsWith(need, at)) {
                    return true;
                }
            }
        }
        return false;
    }
}
