package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import vn.schoolguard.internal.hash.Sha256;

/**
 * The one-pass forms of scoring give exactly what the earlier step-by-step forms gave, on every corpus text, every
 * hostile text and hand-made edge cases: the word, joined, run-together and toned views, the domain view, tags taken
 * out, the fingerprint, campaign signatures, phrase scans, n-gram features and the model's sum over them, domain
 * separators, digit runs, brand names, markup literals, link hosts, the top-level-domain lookup and the table of combining marks;
 * the views' bytes, spelled-out runs read from them, the digit-for-letter view from the mixed words found while building,
 * brands and digit runs from the words with digits, and domain hints from their candidate places. The earlier forms live here.
 */
class OnePassViewsTest {

    /** The tag pattern the scorer used before {@link Tags}. */
    private static final Pattern TAG = Pattern.compile("<[^<>]{0,2000}>");
    /** A token of three or more single letters or digits parted by dots, which the domain view writes undotted. */
    private static final Pattern DOTTED_SINGLES = Pattern.compile("(?<= )[a-z0-9](?:\\.[a-z0-9]){2,}(?= )");

    static Map<String, String> texts() throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        Path corpus = SpamModelTrainingTest.repositoryCorpus();
        if (Files.isDirectory(corpus.resolve("spam"))) {
            for (Corpus.Item item : Corpus.read(corpus)) {
                texts.put("corpus " + texts.size(), item.text());
            }
        }
        assertThat(texts).as("corpus texts at " + corpus.toAbsolutePath()).hasSizeGreaterThan(2000);
        BoundedScoringTest.hostileTexts().forEach((name, text) -> texts.put("hostile " + name, text));
        for (String line : Files.readAllLines(Path.of("src/test/resources/spam/domain-disguises.txt"), StandardCharsets.UTF_8)) {
            texts.put("disguise " + texts.size(), line);
        }
        edgeCases().forEach(text -> texts.put("edge " + texts.size(), text));
        return texts;
    }

    /** Tags at the pattern's bound, surrogate pairs inside tags, lone surrogates, nested and unclosed brackets. */
    private static List<String> edgeCases() {
        List<String> cases = new ArrayList<>(List.of("", " ", "a", "a b", " a b c ", "k u w i n . c o m", "ab c d ef g",
                "<", ">", "<>", "<<>>", "a<b>c", "<a <b>>", "x<y", "<\n>", "\ud83c\udfb0<\ud83c\udfb0>\ud83c\udfb0",
                "<\ud800>", "<\udc00\ud800>", "<p>NHÀ CÁI</p> uy tín", "&amp;<b>&#x41;</b>", "go88 (.) com", "1 2 3 4 5",
                "\ufdfa\ufdfa\ufdfaab", "\ufdfa".repeat(50) + "abc".repeat(50), "㎏㎏㎏x", "\u338fx", "ﬁx", "½a", "\ufdfa" + "a b".repeat(20)));
        String pair = "\ud83c\udfb0";
        for (int inside : new int[] {1999, 2000, 2001}) {
            cases.add("a<" + "x".repeat(inside) + ">b");
            cases.add("a<" + pair.repeat(inside) + ">b");
            cases.add("a<" + pair.repeat(inside - 1) + "\ud800>b");
            cases.add("<" + "x".repeat(inside) + "<" + "y".repeat(10) + ">");
        }
        Random random = new Random(42);
        String alphabet = "ab .-<>&;#\ud83c\udfb0\ud800\u0301đĐ (cham)[dot]{x}1AÀ\n\t㎏ﬁ½\ufdfaǅ";
        for (int n = 0; n < 2000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            cases.add(text.toString());
        }
        return cases;
    }

    @Test
    void theOnePassWordJoinedAndCompactViewsAreTheStepByStepOnes() throws IOException {
        List<String> mismatches = new ArrayList<>();
        texts().forEach((name, text) -> {
            for (String folded : new String[] {TextNormalizer.fold(Analysis.visibleText(text, Budget.UNLIMITED)), text}) {
                WordViews views = WordViews.of(folded);
                String words = TextNormalizer.words(folded);
                if (!views.words.equals(words) || !views.joined.equals(TextNormalizer.joined(words))
                        || !views.compact.equals(TextNormalizer.compact(folded))
                        || !new String(views.joinedBytes, 0, views.joined.length(), StandardCharsets.ISO_8859_1).equals(views.joined)) {
                    mismatches.add(name);
                }
            }
        });
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theOnePassDomainViewIsTheStepByStepOne() throws IOException {
        List<String> mismatches = new ArrayList<>();
        texts().forEach((name, text) -> {
            String folded = TextNormalizer.fold(Analysis.visibleText(text, Budget.UNLIMITED));
            for (String input : new String[] {folded, text}) {
                if (!Analysis.domainView(input, Budget.UNLIMITED).equals(stepByStepDomainView(input))) {
                    mismatches.add(name);
                }
            }
        });
        assertThat(mismatches).isEmpty();
    }

    @Test
    void tagsAreTakenOutAsThePatternTookThemOut() throws IOException {
        List<String> mismatches = new ArrayList<>();
        texts().forEach((name, text) -> {
            if (!Tags.strip(text, Budget.UNLIMITED).equals(TAG.matcher(text).replaceAll(" "))) {
                mismatches.add(name);
            }
        });
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theFingerprintIsTheStepByStepOne() throws IOException {
        List<String> mismatches = new ArrayList<>();
        texts().forEach((name, text) -> {
            String compact = TextNormalizer.compact(TextNormalizer.stableFold(text));
            String withoutTags = TextNormalizer.compact(TextNormalizer.stableFold(TAG.matcher(text).replaceAll(" ")));
            if (!new String(StableCompact.of(text, false), StandardCharsets.ISO_8859_1).equals(compact)
                    || !new String(StableCompact.of(text, true), StandardCharsets.ISO_8859_1).equals(withoutTags)
                    || !SpamScorer.fingerprint(text).equals(stepByStepFingerprint(text))) {
                mismatches.add(name);
            }
        });
        assertThat(mismatches).isEmpty();
        ScoringInput one = new ScoringInput("", java.util.Map.of("content", "<b>Nhà cái</b> uy tín 123"), "", "", "", "");
        assertThat(SpamScorer.fingerprint(one)).isEqualTo(SpamScorer.fingerprint("<b>Nhà cái</b> uy tín 123"));
        // Pinned values: a fingerprint never changes across releases.
        assertThat(SpamScorer.fingerprint("<b>NHÀ CÁI</b> uy tín")).isEqualTo("fp1:" + Sha256.hex("nhacaiuytin").substring(0, 32));
    }

    @Test
    void topLevelDomainsAreFoundByCodeAsByName() {
        Random random = new Random(7);
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        List<String> words = new ArrayList<>(Analysis.TLDS);
        words.addAll(List.of("co", "com", "comm", "cm", "vn", "nv", "onlin", "online", "onlinee", "a", "zzzzzz", "999999"));
        for (int n = 0; n < 200_000; n++) {
            StringBuilder word = new StringBuilder();
            for (int i = 1 + random.nextInt(Analysis.LONGEST_TLD); i > 0; i--) {
                word.append(alphabet.charAt(random.nextInt(random.nextBoolean() ? 26 : alphabet.length())));
            }
            words.add(word.toString());
        }
        for (String word : words) {
            long code = DomainHints.code(word, 0, word.length());
            assertThat(DomainHints.isTld(code)).as(word).isEqualTo(Analysis.TLDS.contains(word));
            assertThat(DomainHints.isSafeTld(code)).as(word).isEqualTo(Analysis.SAFE_TLDS.contains(word));
        }
    }

    @Test
    void markupLiteralsAreFoundWhereTheyWereInTheLowerCasedText() throws IOException {
        List<String> mismatches = new ArrayList<>();
        texts().forEach((name, text) -> {
            String searchable = HtmlSignals.searchable(text);
            String lower = stepByStepAsciiLower(text);
            for (String literal : new String[] {"http", "ftp", "www.", "href", "style", "hidden"}) {
                for (int at = lower.indexOf(literal), found = searchable.indexOf(literal); at >= 0 || found >= 0;
                        at = lower.indexOf(literal, at + 1), found = searchable.indexOf(literal, found + 1)) {
                    if (at != found) {
                        mismatches.add(name + " " + literal);
                        break;
                    }
                }
            }
        });
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theBranchFreeSearchableFormMapsEveryCharacterAsTheBranchingOneDid() {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            all.append((char) c);
        }
        String searchable = HtmlSignals.searchable(all.toString());
        List<Integer> wrong = new ArrayList<>();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            int expected = c >= 0x80 ? 0x80 : c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
            if (searchable.charAt(c) != expected) {
                wrong.add(c);
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** The lower-cased text the literals were searched in before: ASCII letters lowered, the rest as it is. */
    private static String stepByStepAsciiLower(String raw) {
        char[] chars = raw.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] += 'a' - 'A';
            }
        }
        return new String(chars);
    }

    @Test
    void asciiFoldsFromTheTableAsEachCharacterFoldsOnItsOwn() {
        for (char c = 0; c < 0x80; c++) {
            for (boolean lookalikes : new boolean[] {true, false}) {
                String folded = lookalikes ? TextNormalizer.fold("a" + c + "b") : TextNormalizer.stableFold("a" + c + "b");
                assertThat(folded).as("U+%04X", (int) c).isEqualTo("a" + TextNormalizer.foldOne(c, lookalikes) + "b");
            }
        }
    }

    @Test
    void markRunsAreCutForExactlyTheCharactersOfAMarkType() {
        List<String> mismatches = new ArrayList<>();
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            int type = Character.getType(c);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK;
            String run = "x" + String.valueOf(c).repeat(10);
            String expected = mark ? "x" + String.valueOf(c).repeat(8) : run;
            if (!TextNormalizer.limitMarks(run).equals(expected)) {
                mismatches.add(String.format("U+%04X", (int) c));
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void hostsLinkedAgainAreFoldedOnceWithTheSameResult() throws IOException {
        Map<String, String> all = texts();
        StringBuilder links = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            links.append("<a href=\"https://site").append(i % 70).append(".example.vn/x\">x</a> https://SITE").append(i % 3).append(".vn ");
        }
        all.put("many links", links.toString());
        List<String> mismatches = new ArrayList<>();
        all.forEach((name, text) -> {
            HtmlSignals html = HtmlSignals.of(text, Budget.UNLIMITED);
            Analysis views = Analysis.of(text);
            java.util.Set<String> expected = new java.util.LinkedHashSet<>();
            html.hosts().forEach(host -> stepByStepAdd(expected, host));
            views.textDomains.forEach(host -> stepByStepAdd(expected, host));
            if (!new ArrayList<>(Hosts.of(html, views, ScoringInput.ofText(text, "", "", "", BoundedScoringTest.NOW)))
                    .equals(new ArrayList<>(expected))) {
                mismatches.add(name);
            }
        });
        assertThat(mismatches).isEmpty();
    }

    @Test
    void plainHostsFoldToThemselvesAndSuffixesMatchAsBefore() throws IOException {
        List<String> hosts = new ArrayList<>(List.of("", "a", "www.", "www.example.vn", "ex-ample.com.vn", "EXAMPLE.vn",
                "ví-dụ.vn", "xn--h.vn", "a..b", "-", ".", "go88.vip", "ｇｏ８８.ｖｉｐ", "www.www.x"));
        texts().forEach((name, text) -> hosts.addAll(HtmlSignals.of(text, Budget.UNLIMITED).hosts()));
        Random random = new Random(5);
        String alphabet = "abcxyz0189.-wW_Ạ";
        for (int n = 0; n < 50_000; n++) {
            StringBuilder host = new StringBuilder();
            for (int i = random.nextInt(14); i > 0; i--) {
                host.append(alphabet.charAt(random.nextInt(random.nextInt(4) == 0 ? alphabet.length() : 13)));
            }
            hosts.add(host.toString());
        }
        for (String host : hosts) {
            String folded = TextNormalizer.compactHost(host);
            assertThat(Hosts.fold(host)).as(host).isEqualTo(folded.startsWith("www.") ? folded.substring(4) : folded);
        }
        for (int n = 0; n + 1 < hosts.size(); n++) {
            for (String domain : new String[] {hosts.get(n + 1), "", "vn", "edu.vn", "." + hosts.get(n + 1)}) {
                assertThat(Hosts.under(hosts.get(n), domain)).as(hosts.get(n) + " under " + domain)
                        .isEqualTo(hosts.get(n).endsWith("." + domain));
            }
        }
    }

    /** How a host was added before: every link folded, whether it was there already or not. */
    private static void stepByStepAdd(java.util.Set<String> hosts, String host) {
        if (hosts.size() >= SpamScorer.MAX_HOSTS || host.length() > SpamScorer.MAX_HOST_LENGTH * 2) {
            return;
        }
        String folded = Hosts.fold(host);
        if (folded.contains(".") && folded.length() <= SpamScorer.MAX_HOST_LENGTH) {
            hosts.add(folded);
        }
    }

    @Test
    void noCharacterBelowTheFirstCombiningMarkIsAMark() {
        for (char c = 0; c < Marks.FIRST_MARK; c++) {
            int type = Character.getType(c);
            assertThat(type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK).as("U+%04X", (int) c).isFalse();
        }
    }

    @Test
    void campaignSignaturesAreTheStepByStepOnes() throws IOException {
        List<String> mismatches = new ArrayList<>();
        texts().forEach((name, text) -> {
            String compact = TextNormalizer.compact(TextNormalizer.fold(Analysis.visibleText(text, Budget.UNLIMITED)));
            if (!java.util.Arrays.equals(MinHash.signature(compact), stepByStepSignature(compact))) {
                mismatches.add(name);
            }
        });
        assertThat(mismatches).isEmpty();
    }

    @Test
    void scanningTwoViewsAtOnceFindsWhatTwoScansFind() throws IOException {
        List<String> phrases = new ArrayList<>();
        for (Rule rule : RulePack.load(java.util.Optional.empty()).rules()) {
            for (Rule.Entry entry : rule.entries()) {
                phrases.add(entry.words());
                phrases.add(entry.compact());
            }
        }
        PhraseAutomaton automaton = PhraseAutomaton.of(phrases);
        List<String> mismatches = new ArrayList<>();
        texts().forEach((name, text) -> {
            Analysis views = Analysis.of(text);
            for (String[] pair : new String[][] {{views.words, views.compact}, {views.compact, views.words}, {views.joined, ""}}) {
                java.util.BitSet together = new java.util.BitSet();
                automaton.scan(pair[0], pair[1], Budget.UNLIMITED, together);
                java.util.BitSet apart = automaton.find(pair[0]);
                apart.or(automaton.find(pair[1]));
                if (text.length() < 3000) {
                    // Short texts against the plainest search there is: every phrase looked for on its own.
                    java.util.BitSet naive = new java.util.BitSet();
                    for (int p = 0; p < phrases.size(); p++) {
                        String phrase = phrases.get(p);
                        boolean inAlphabet = phrase.chars().allMatch(ch -> PhraseAutomaton.symbol((char) ch) >= 0);
                        if (!phrase.isEmpty() && inAlphabet && (pair[0].contains(phrase) || pair[1].contains(phrase))) {
                            naive.set(p);
                        }
                    }
                    if (!naive.equals(together)) {
                        mismatches.add(name + " naive");
                    }
                }
                if (!together.equals(apart)) {
                    mismatches.add(name);
                }
            }
        });
        assertThat(mismatches).isEmpty();
    }

    @Test
    void spelledOutRunsReadFromBytesAreThoseBuiltFromTheString() throws IOException {
        List<String> mismatches = new ArrayList<>();
        texts().forEach((name, text) -> {
            Analysis views = Analysis.of(text);
            for (String view : new String[] {views.words, views.joined}) {
                if (!PhraseIndex.spelledOut(view).equals(stepByStepSpelledOut(view))) {
                    mismatches.add(name);
                }
            }
            byte[] out = new byte[views.words.length()];
            int length = PhraseIndex.spelledOut(views.views.wordBytes, views.words.length(), out);
            if (!new String(out, 0, length, StandardCharsets.ISO_8859_1).equals(stepByStepSpelledOut(views.words))) {
                mismatches.add(name + " in place");
            }
            byte[] noted = new byte[views.words.length()];
            int notedLength = PhraseIndex.spelledOut(views.views.wordBytes, views.views.singles, views.views.singleCount, noted);
            if (!new String(noted, 0, notedLength, StandardCharsets.ISO_8859_1).equals(stepByStepSpelledOut(views.words))) {
                mismatches.add(name + " from the one-character words noted");
            }
        });
        assertThat(mismatches).isEmpty();
    }

    /** The runs of one-letter words as they were collected, in a string builder. */
    private static String stepByStepSpelledOut(String words) {
        StringBuilder out = new StringBuilder();
        int run = 0;
        int start = 1;
        for (int i = 1; i < words.length(); i++) {
            if (words.charAt(i) != ' ') {
                continue;
            }
            if (i - start == 1) {
                out.append(words.charAt(start));
                run++;
            } else if (i > start) {
                if (run == 1) {
                    out.setLength(out.length() - 1);
                } else if (run > 1) {
                    out.append('\n');
                }
                run = 0;
            }
            start = i + 1;
        }
        if (run == 1) {
            out.setLength(out.length() - 1);
        } else if (run > 1) {
            out.append('\n');
        }
        return out.toString();
    }

    @Test
    void theDigitViewFromMixedWordsFoundWhileBuildingIsTheStepByStepOne() throws IOException {
        List<String> mismatches = new ArrayList<>();
        texts().forEach((name, text) -> {
            for (String folded : new String[] {TextNormalizer.fold(Analysis.visibleText(text, Budget.UNLIMITED)), text}) {
                WordViews views = WordViews.of(folded);
                String expected = stepByStepLeet(views.words);
                String inPlace = LeetView.of(views.wordBytes, views.words.length(), views.mixed, views.mixedCount);
                if (!java.util.Objects.equals(inPlace, expected) || !java.util.Objects.equals(LeetView.of(views.words), expected)
                        || !java.util.Objects.equals(LeetView.of(views.joined), stepByStepLeet(views.joined))) {
                    mismatches.add(name);
                }
            }
        });
        assertThat(mismatches).isEmpty();
    }

    /** The digit-for-letter view as it was built: mixed words by splitting, windows appended to a string builder. */
    private static String stepByStepLeet(String words) {
        List<Integer> mixed = new ArrayList<>();
        int at = 1;
        for (String token : words.substring(1).split(" ", -1)) {
            if (token.chars().anyMatch(c -> c <= '9') && token.chars().anyMatch(c -> c > '9') && at + token.length() < words.length()) {
                mixed.add(at);
            }
            at += token.length() + 1;
        }
        if (mixed.isEmpty()) {
            return null;
        }
        char[] letter = {'o', 'i', 'z', 'e', 'a', 's', 'g', 't', 'b', 'g'};
        StringBuilder out = new StringBuilder();
        int keptUntil = -1;
        int windowInOut = 0;
        int windowInWords = 0;
        for (int start : mixed) {
            int end = words.indexOf(' ', start);
            int from = start;
            for (int k = 0; k < LeetView.REACH && from > 1; k++) {
                from = words.lastIndexOf(' ', from - 2) + 1;
            }
            if (keptUntil < 0 || from > keptUntil) {
                out.append(out.length() == 0 ? "" : "\n").append(' ');
                windowInOut = out.length();
                windowInWords = from;
            } else {
                from = keptUntil;
            }
            int on = end;
            for (int k = 0; k < LeetView.REACH && on + 1 < words.length(); k++) {
                on = words.indexOf(' ', on + 1);
            }
            keptUntil = Math.max(from, on + 1);
            out.append(words, from, keptUntil);
            for (int k = start; k < end; k++) {
                char d = words.charAt(k);
                if (d <= '9') {
                    out.setCharAt(windowInOut + k - windowInWords, letter[d - '0']);
                }
            }
        }
        return out.toString();
    }

    @Test
    void brandsAndDigitRunsFromTheWordsWithDigitsAreThoseOfEveryWord() throws IOException {
        List<String> mismatches = new ArrayList<>();
        texts().forEach((name, text) -> {
            Analysis views = Analysis.of(text);
            if (Targets.brand(views) != stepByStepBrand(views.joined)) {
                mismatches.add(name + " brand");
            }
            int[] runs = Structure.digitRuns(views.words, views.views.digits, views.views.digitCount);
            if (!java.util.Arrays.equals(runs, stepByStepDigitRuns(views.words))) {
                mismatches.add(name + " digits");
            }
        });
        for (String joined : new String[] {" betnova79 ", " queenbet6 ", " hu vang club ", " club ", " english club ", " vip english club ", " ngoc trai casino ", " casino ",
                " abcdewin ", " abwin ", " ab88 ", " 79bet ", " so 0912345678 ", " 0912 345 678 ", " a1 ", " 1a "}) {
            Analysis views = Analysis.of(joined);
            assertThat(Targets.brand(views)).as(joined).isEqualTo(stepByStepBrand(views.joined));
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void domainHintsFromTheirCandidatePlacesAreThoseOfEveryRun() throws IOException {
        List<String> mismatches = new ArrayList<>();
        List<String> views = new ArrayList<>();
        texts().forEach((name, text) -> {
            views.add(Analysis.domainView(TextNormalizer.fold(Analysis.visibleText(text, Budget.UNLIMITED)), Budget.UNLIMITED));
            views.add(Analysis.domainView(text.toLowerCase(java.util.Locale.ROOT), Budget.UNLIMITED));
        });
        views.addAll(List.of("", " ", ".", "a.com", " a.com ", "x. com", "x cham com", "x dot com", "go88 com", "kubet vip", "abc.",
                ".com", "1 com", "a1 com", "-.- com", "nhacai cham net", " 9 bet", "9bet net", "vip. vip", "a..com"));
        for (String view : views) {
            DomainHints fast = DomainHints.of(view);
            DomainHints every = stepByStepHints(view);
            for (int p = 0; p < 3; p++) {
                if (fast.mayMatch(p) != every.mayMatch(p)) {
                    mismatches.add(p + " " + view.substring(0, Math.min(80, view.length())));
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /** The hints as they were found: every run of letters and digits looked at where it ends. */
    private static DomainHints stepByStepHints(String plain) {
        DomainHints hints = new DomainHints();
        int previousStart = -1;
        int previousEnd = -1;
        int start = -1;
        for (int i = 0; i <= plain.length(); i++) {
            char c = i < plain.length() ? plain.charAt(i) : ' ';
            boolean inRun = i < plain.length() && (c >= 'a' && c <= 'z' || c >= '0' && c <= '9');
            if (inRun) {
                start = start < 0 ? i : start;
            } else if (start >= 0) {
                hints.look(plain, start, i, previousStart, previousEnd);
                previousStart = start;
                previousEnd = i;
                start = -1;
            }
        }
        return hints;
    }

    @Test
    void viewBytesHoldTheViewsCharacters() throws IOException {
        List<String> mismatches = new ArrayList<>();
        texts().forEach((name, text) -> {
            Analysis views = Analysis.of(text);
            if (!prefix(views.views.wordBytes, views.words.length()).equals(views.words)
                    || !prefix(views.views.joinedBytes, views.joined.length()).equals(views.joined)
                    || !prefix(views.views.compactBytes, views.compact.length()).equals(views.compact)) {
                mismatches.add(name);
            }
        });
        assertThat(mismatches).isEmpty();
    }

    private static String prefix(byte[] bytes, int length) {
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }

    @Test
    void nGramsAddedInOneLoopAreThoseAddedOneByOneAndScaled() throws IOException {
        List<String> mismatches = new ArrayList<>();
        for (int[] lengths : new int[][] {{2, 5}, {1, 3}, {3, 4}}) {
            texts().forEach((name, text) -> {
                if (!sameGrams(text, lengths[0], lengths[1])) {
                    mismatches.add(name + " " + lengths[0] + "-" + lengths[1]);
                }
            });
        }
        assertThat(mismatches).isEmpty();
    }

    /** One or two n-gram blocks added by {@link FeatureVector#addGrams}, and added gram by gram then scaled. */
    private static boolean sameGrams(String text, int minGram, int maxGram) {
        String first = text.length() > 3000 ? text.substring(0, 3000) : text;
        String second = new StringBuilder(first.length() > 700 ? first.substring(0, 700) : first).reverse().toString();
        FeatureVector fast = new FeatureVector();
        FeatureVector slow = new FeatureVector();
        fast.add("bias", 1);
        slow.add("bias", 1);
        for (String view : new String[] {first, second}) {
            int count = FeatureVector.gramCount(view.length(), minGram, maxGram);
            fast.addGrams(fast.view("c:", view), view, 0x1b873593, minGram, maxGram, (float) (1 / Math.sqrt(Math.max(count, 1))));
            int from = slow.size();
            int slowView = slow.view("c:", view);
            for (int i = 0; i < view.length(); i++) {
                int h = 0x1b873593;
                for (int n = 1; n <= maxGram && i + n <= view.length(); n++) {
                    h = (h ^ view.charAt(i + n - 1)) * 0x01000193;
                    if (n >= minGram) {
                        slow.addGram(FeatureVector.finish(h + n), 1, slowView, i, n);
                    }
                }
            }
            if (slow.size() > from) {
                slow.scaleFrom(from, (float) (1 / Math.sqrt(slow.size() - from)));
            }
        }
        return sameEntries(fast, slow, first.length() < 600 ? 1 : 97);
    }

    @Test
    void theModelsSumOverBlocksIsTheSumOverEntries() throws IOException {
        SpamScorer scorer = SpamScorer.create(SpamSettings.defaults());
        SiteAdjustment site = index -> (index % 7) / 100f;
        List<String> mismatches = new ArrayList<>();
        texts().forEach((name, text) -> {
            FeatureVector v = scorer.analyse(ScoringInput.ofText(text, "", "", "", BoundedScoringTest.NOW)).features();
            for (SiteAdjustment adjustment : new SiteAdjustment[] {SiteAdjustment.NONE, site}) {
                double z = 0;
                for (int i = 0; i < v.size(); i++) {
                    z += (scorer.model().weight(v.index(i)) + adjustment.delta(v.index(i))) * v.value(i);
                }
                if (Double.doubleToLongBits(z) != Double.doubleToLongBits(scorer.model().margin(v, adjustment))) {
                    mismatches.add(name);
                }
            }
        });
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theTonedViewIsTheOneBuiltCharacterTestByCharacterTest() throws IOException {
        List<String> mismatches = new ArrayList<>();
        texts().forEach((name, text) -> {
            for (String visible : new String[] {text, Analysis.visibleText(text, Budget.UNLIMITED)}) {
                if (!Features.toned(visible).equals(stepByStepToned(visible))) {
                    mismatches.add(name);
                }
            }
        });
        // Every BMP character once, between letters.
        StringBuilder all = new StringBuilder();
        for (char c = 1; c < Character.MAX_VALUE; c++) {
            all.append('a').append(c);
        }
        for (int from = 0; from < all.length(); from += 4000) {
            String part = all.substring(from, Math.min(all.length(), from + 4000));
            if (!Features.toned(part).equals(stepByStepToned(part))) {
                mismatches.add("characters from " + from);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /** {@link Features#toned} as it was: three character tests per character, into a builder. */
    private static String stepByStepToned(String visible) {
        String nfc = java.text.Normalizer.normalize(visible, java.text.Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length() + 2).append(' ');
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            int type = Character.getType(c);
            if (type == Character.FORMAT || type == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            } else if (out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        }
        return out.toString();
    }

    private static boolean sameEntries(FeatureVector a, FeatureVector b, int nameEvery) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            boolean named = i % nameEvery == 0 || i == a.size() - 1;
            if (a.index(i) != b.index(i) || Float.floatToIntBits(a.value(i)) != Float.floatToIntBits(b.value(i))
                    || (named && !a.name(i).equals(b.name(i)))) {
                return false;
            }
        }
        return true;
    }

    @Test
    void onlyADotChamOrDotBeginsADomainSeparator() throws IOException {
        List<String> mismatches = new ArrayList<>();
        texts().forEach((name, text) -> {
            String folded = TextNormalizer.fold(Analysis.visibleText(text, Budget.UNLIMITED));
            for (int i = 0; i < folded.length(); i++) {
                boolean candidate = folded.charAt(i) == '.' || folded.startsWith(" cham ", i) || folded.startsWith(" dot ", i);
                if (!candidate && Targets.separatorEnd(folded, i) >= 0) {
                    mismatches.add(name + " at " + i);
                    break;
                }
            }
        });
        assertThat(mismatches).isEmpty();
    }

    @Test
    void digitRunsSkippingLettersCountWhatTheFullTestsCounted() throws IOException {
        List<String> mismatches = new ArrayList<>();
        texts().forEach((name, text) -> {
            String words = Analysis.of(text).words;
            for (String view : new String[] {words, text}) {
                if (!java.util.Arrays.equals(Structure.digitRuns(view), stepByStepDigitRuns(view))) {
                    mismatches.add(name);
                }
            }
        });
        assertThat(mismatches).isEmpty();
    }

    @Test
    void brandsAndTopLevelDomainsAreReadInPlaceAsFromSubstrings() throws IOException {
        List<String> mismatches = new ArrayList<>();
        texts().forEach((name, text) -> {
            Analysis views = Analysis.of(text);
            if (Targets.brand(views.joined) != stepByStepBrand(views.joined)) {
                mismatches.add(name + " brand");
            }
        });
        Random random = new Random(11);
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789888";
        for (int n = 0; n < 100_000; n++) {
            StringBuilder word = new StringBuilder(" ");
            for (int i = 1 + random.nextInt(random.nextBoolean() ? 4 : 22); i > 0; i--) {
                word.append(alphabet.charAt(random.nextInt(random.nextBoolean() ? 26 : alphabet.length())));
            }
            String tail = new String[] {"", "bet", "win", "club", "vip", "88"}[random.nextInt(6)];
            String joined = random.nextBoolean() ? word + tail + " " : " club " + word.substring(1) + " casino ";
            if (Targets.brand(joined) != stepByStepBrand(joined)) {
                mismatches.add(joined);
            }
            String letters = word.toString().replaceAll("[^a-z]", "");
            if (Targets.moreTld(letters, 0, letters.length()) != Targets.MORE_TLDS.contains(letters)) {
                mismatches.add("tld " + letters);
            }
        }
        for (String tld : Targets.MORE_TLDS) {
            if (!Targets.moreTld("x." + tld, 2, tld.length() + 2)) {
                mismatches.add("tld " + tld);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /** {@link Targets#brand} as it was, each word cut out as a string. */
    private static boolean stepByStepBrand(String joined) {
        int start = 1;
        for (int i = 1; i < joined.length(); i++) {
            if (joined.charAt(i) != ' ') {
                continue;
            }
            if (i - start >= 4 && i - start <= 20 && stepByStepBrandLike(joined.substring(start, i), start, joined)) {
                return true;
            }
            start = i + 1;
        }
        return false;
    }

    private static boolean stepByStepBrandLike(String word, int from, String joined) {
        if (word.equals("casino")) {
            return from > 1;
        }
        if (word.equals("club")) {
            String[] before = joined.substring(0, from).trim().split(" ");
            return from > 1 && !Targets.CLUB_TOPICS.contains(before[before.length - 1]);
        }
        int letters = 0;
        while (letters < word.length() && word.charAt(letters) >= 'a' && word.charAt(letters) <= 'z') {
            letters++;
        }
        int digits = 0;
        while (letters + digits < word.length() && !(word.charAt(letters + digits) >= 'a' && word.charAt(letters + digits) <= 'z')) {
            digits++;
        }
        int tail = word.length() - letters - digits;
        if (word.length() < 5) {
            return false;
        }
        boolean affix = word.endsWith("bet") || word.endsWith("win") || word.endsWith("club") || word.endsWith("vip");
        if (letters >= 4 && digits >= 1 && digits <= 4 && (tail <= 2 || affix)) {
            return true;
        }
        return affix && (digits > 0 || letters >= 6) || (letters >= 2 && digits <= 3 && word.startsWith("88", letters));
    }

    /** {@link Structure#digitRuns} as it was, every character tested whether a run was open or not. */
    private static int[] stepByStepDigitRuns(String words) {
        int phones = 0;
        int longest = 0;
        int run = 0;
        char first = 0;
        char second = 0;
        for (int i = 0; i <= words.length(); i++) {
            char c = i < words.length() ? words.charAt(i) : '#';
            if (c >= '0' && c <= '9') {
                boolean letterZero = run == 0 && i > 0 && words.charAt(i - 1) == 'o' && (i == 1 || words.charAt(i - 2) == ' ');
                run += letterZero ? 1 : 0;
                first = letterZero ? '0' : run == 0 ? c : first;
                second = run == 1 ? c : second;
                run++;
                continue;
            }
            boolean continues = c == ' ' && i + 1 < words.length() && Character.isDigit(words.charAt(i + 1)) && run > 0;
            boolean bounded = i == words.length() || c == ' ' || !Character.isLetter(c);
            if (continues) {
                continue;
            }
            if (run > 0) {
                longest = Math.max(longest, run);
                boolean landline = first == '0' && second == '2' && run == 11;
                if ((first == '0' ? run >= 9 && run <= 12 : first == '8' && second == '4' && run == 11) && bounded && !landline) {
                    phones++;
                }
            }
            run = 0;
        }
        return new int[] {phones, longest};
    }

    /** The signature as it was computed: each new shingle's hash finished under each seed, the smallest kept. */
    static int[] stepByStepSignature(String compact) {
        if (compact.length() < MinHash.MIN_LENGTH) {
            return null;
        }
        int[] seeds = new int[MinHash.SIZE];
        int x = 0x2545F491;
        for (int i = 0; i < MinHash.SIZE; i++) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            seeds[i] = x | 1;
        }
        int[] mins = new int[MinHash.SIZE];
        java.util.Arrays.fill(mins, Integer.MAX_VALUE);
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i + 5 <= compact.length(); i++) {
            int h = FeatureVector.hash(compact, i, i + 5, 0x3c6ef372);
            if (!seen.add(h)) {
                continue;
            }
            for (int k = 0; k < MinHash.SIZE; k++) {
                int v = FeatureVector.finish(h * seeds[k]) & Integer.MAX_VALUE;
                if (v < mins[k]) {
                    mins[k] = v;
                }
            }
        }
        return mins;
    }

    /** The domain view as it was built: bracketed dots and the spaces around them made a dot, kept characters with single spaces, then joined. */
    private static String stepByStepDomainView(String folded) {
        boolean bracket = folded.indexOf('(') >= 0 || folded.indexOf('[') >= 0 || folded.indexOf('{') >= 0;
        String text = bracket ? java.util.regex.Pattern.compile("\\s*(?:" + Analysis.patterns().get("BRACKET_DOT").pattern() + ")\\s*")
                .matcher(folded).replaceAll(".") : folded;
        StringBuilder dotted = new StringBuilder(text.length() + 2).append(' ');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
            if (keep) {
                dotted.append(c);
            } else if (dotted.charAt(dotted.length() - 1) != ' ') {
                dotted.append(' ');
            }
        }
        dotted.append(' ');
        String undotted = DOTTED_SINGLES.matcher(dotted).replaceAll(m -> m.group().replace(".", ""));
        return TextNormalizer.joined(undotted);
    }

    private static String stepByStepFingerprint(String text) {
        String stripped = text.indexOf('<') < 0 ? text : TAG.matcher(text).replaceAll(" ");
        return "fp1:" + Sha256.hex(TextNormalizer.compact(TextNormalizer.stableFold(stripped))).substring(0, 32);
    }
}
