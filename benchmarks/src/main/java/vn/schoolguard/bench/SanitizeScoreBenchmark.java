package vn.schoolguard.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

import vn.schoolguard.internal.sanitize.HtmlPolicies;
import vn.schoolguard.internal.sanitize.SanitizedHtml;
import vn.schoolguard.internal.spam.InMemorySpamMemory;
import vn.schoolguard.internal.spam.ScoringInput;
import vn.schoolguard.internal.spam.SpamScore;
import vn.schoolguard.internal.spam.SpamScorer;
import vn.schoolguard.internal.spam.SpamSettings;

/**
 * Sanitizing and scoring one 10 KB comment, against the bare OWASP {@code sanitize} call of the same
 * text (the baseline). Two comments: one paragraph repeated (a flood: few distinct words, shingles and domains), and
 * 71 different legitimate corpus texts, some of them warnings that name gambling (what a long real comment costs).
 * Run: {@code java -jar benchmarks/target/benchmarks.jar SanitizeScore -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SanitizeScoreBenchmark {

    private static final String PARAGRAPH = "<p>Kính gửi thầy cô, em là phụ huynh học sinh lớp <b>10A3</b>. Em xin cảm ơn nhà trường "
            + "đã tổ chức buổi <i>ngoại khóa</i> về kỹ năng sống. Thông tin thêm tại "
            + "<a href=\"https://thptngoquyen.edu.vn/tin-tuc\">trang tin của trường</a>. Mong trường tiếp tục tổ chức "
            + "những hoạt động bổ ích như vậy cho các cháu.</p>\n";

    private static final String CAMPAIGN = "Dự đoán xổ số miền Bắc hôm nay, chốt số bạch thủ cực chuẩn, vào nhóm VIP nhận số mỗi ngày";

    /** {@code repeated}: one paragraph over and over; {@code varied}: different texts, from {@code varied-comment.html}. */
    @Param({"repeated", "varied"})
    public String text;

    /**
     * {@code none}: a site whose moderators marked no campaign (the text's near-duplicate signature is not worked
     * out); {@code marked}: one campaign marked, so every text's signature is worked out and looked up.
     */
    @Param({"none", "marked"})
    public String memory;

    private String comment;
    private PolicyFactory bare;
    private SpamScorer scorer;
    private Instant now;

    @Setup
    public void setUp() {
        comment = text.equals("varied") ? resource("varied-comment.html") : repeated();
        bare = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.LINKS);
        now = Instant.parse("2026-03-01T08:00:00Z");
        InMemorySpamMemory marks = new InMemorySpamMemory();
        if (memory.equals("marked")) {
            marks.markSpam(new ScoringInput("comments", Map.of("content", CAMPAIGN), "", "", "", "198.51.100.9", now, Optional.empty()));
        }
        scorer = SpamScorer.create(SpamSettings.defaults(), marks);
    }

    private static String repeated() {
        StringBuilder text = new StringBuilder();
        while (text.length() < 10 * 1024) {
            text.append(PARAGRAPH);
        }
        return text.substring(0, 10 * 1024);
    }

    /** A text of the benchmarks JAR, as UTF-8. */
    static String resource(String name) {
        try (InputStream in = SanitizeScoreBenchmark.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("benchmark text " + name + " is missing from the benchmarks JAR");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The baseline: OWASP's own policy, nothing else. */
    @Benchmark
    public String bareOwaspSanitize() {
        return bare.sanitize(comment);
    }

    /** What SchoolGuard does per HTML field: the named policy with removal records, then the spam score. */
    @Benchmark
    public void sanitizeAndScore(Blackhole sink) {
        SanitizedHtml clean = HtmlPolicies.sanitize("links", comment);
        sink.consume(clean);
        sink.consume(scorer.score(new ScoringInput("comments", Map.of("content", comment), "Phụ huynh", "ph@example.vn", "", "203.0.113.7",
                now, Optional.empty())));
    }

    /** Scoring alone, to see which half costs what. */
    @Benchmark
    public SpamScore scoreOnly() {
        return scorer.score(new ScoringInput("comments", Map.of("content", comment), "Phụ huynh", "ph@example.vn", "", "203.0.113.7",
                now, Optional.empty()));
    }
}
