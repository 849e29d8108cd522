package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CampaignMemoryTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final String SEED = "Dự đoán xổ số miền Bắc hôm nay, chốt số bạch thủ cực chuẩn, vào nhóm VIP nhận số mỗi ngày";

    private static ScoringInput post(String text, String ip) {
        return new ScoringInput("comments", Map.of("content", text), "", "", "", ip, NOW, Optional.empty());
    }

    private static Set<String> rules(SpamScore score) {
        return score.reasons().stream().map(Reason::rule).collect(java.util.stream.Collectors.toSet());
    }

    /** A memory that knows no earlier submission; each test overrides what its case is about. */
    private abstract static class NoHistory implements SpamMemory {
        @Override public int countSameFingerprint(String f, Instant a, Instant b) { return 0; }
        @Override public boolean markedSpamIp(String ip) { return false; }
        @Override public boolean markedSpamEmail(String e) { return false; }
        @Override public Set<String> markedSpamHosts(Set<String> h) { return Set.of(); }
        @Override public boolean markedSpamFingerprint(String f) { return false; }
    }

    @Test
    void disguisedVariantsOfAMarkedTextAreCaughtAndOtherTextsAreNot() {
        InMemorySpamMemory memory = new InMemorySpamMemory();
        SpamScorer scorer = SpamScorer.create(SpamSettings.defaults(), memory);
        memory.markSpam(post(SEED, "203.0.113.1"));
        for (String variant : new String[] {
                "DỰ ĐOÁN XỔ SỐ MIỀN BẮC HÔM NAY, CHỐT SỐ BẠCH THỦ CỰC CHUẨN, VÀO NHÓM VIP NHẬN SỐ MỖI NGÀY",
                "Du doan xo so mien Bac hom nay, chot so bach thu cuc chuan, vao nhom VIP nhan so moi ngay",
                "Dự\u200bđoán xổ\u200bsố miền Bắc 🎯🎯 hôm nay, chốt số bạch thủ cực chuẩn, vào nhóm VIP nhận số mỗi ngày",
                "Dựđoánxổsố miềnBắc hômnay, chốtsố bạchthủ cựcchuẩn, vàonhóm VIP nhậnsố mỗingày",
                "Dự đoán xổ số miền Bắc hôm nay, chốt số bạch thủ cực chuẩn, vào nhóm VIP nhận số mỗi ngày. Chúc cả nhà may mắn!"}) {
            SpamScore score = scorer.score(post(variant, "198.51.100.9"));
            assertThat(rules(score)).as(variant).contains("marked.campaign");
            assertThat(score.verdict()).as(variant).isEqualTo(Verdict.SPAM);
        }
        for (String other : new String[] {"Nhà trường thông báo lịch thi học kỳ II khối 9 bắt đầu từ ngày 15 tháng 5 năm nay",
                "Cảnh báo: các nhóm dự đoán xổ số trên mạng là lừa đảo, phụ huynh nhắc nhở con em không tham gia", "Cảm ơn thầy cô"}) {
            assertThat(rules(scorer.score(post(other, "198.51.100.9")))).as(other).doesNotContain("marked.campaign");
        }
    }

    @Test
    void signaturesSurviveStorageAndBadStoredValuesAreIgnored() {
        int[] signature = MinHash.signature(TextNormalizer.compact(TextNormalizer.fold(SEED)));
        assertThat(MinHash.decode(MinHash.encode(signature))).isEqualTo(signature);
        assertThat(MinHash.similarity(signature, signature)).isEqualTo(1.0);
        assertThat(MinHash.bands(signature)).hasSize(MinHash.BANDS);
        assertThat(MinHash.decode("zz")).isNull();
        assertThat(MinHash.decode("g".repeat(MinHash.SIZE * 8))).isNull();
        assertThat(MinHash.signature("ngắn")).isNull();
        assertThat(SpamScorer.campaignMarks(ScoringInput.ofText("Cảm ơn thầy", "", "", "", NOW)).get(SpamScorer.MINHASH_MARK)).isEmpty();
        SpamMemory hostile = new NoHistory() {
            @Override public Set<String> markedSpamSignatures(Set<String> b) { return Set.of("<script>", "", "0".repeat(255)); }
        };
        assertThat(rules(SpamScorer.create(SpamSettings.defaults(), hostile).score(post(SEED, "")))).doesNotContain("marked.campaign");
    }

    @Test
    void aMemoryWithoutSignaturesIsNotAskedForThemAndScoresTheSame() {
        InMemorySpamMemory memory = new InMemorySpamMemory();
        assertThat(memory.holdsSignatures()).isFalse();
        memory.markSpam(post("Cảm ơn thầy", "203.0.113.1"));
        assertThat(memory.holdsSignatures()).as("too short for a signature").isFalse();
        SpamMemory unasked = new NoHistory() {
            @Override public boolean holdsSignatures() { return false; }
            @Override public Set<String> markedSpamSignatures(Set<String> b) {
                throw new AssertionError("asked for signatures it said it does not hold");
            }
        };
        SpamScore skipped = SpamScorer.create(SpamSettings.defaults(), unasked).score(post(SEED, "198.51.100.9"));
        SpamMemory asking = new NoHistory() {
        };
        assertThat(asking.holdsSignatures()).as("the default is always right").isTrue();
        SpamScore asked = SpamScorer.create(SpamSettings.defaults(), asking).score(post(SEED, "198.51.100.9"));
        assertThat(skipped).isEqualTo(asked);

        memory.markSpam(post(SEED, "203.0.113.1"));
        assertThat(memory.holdsSignatures()).isTrue();
        assertThat(rules(SpamScorer.create(SpamSettings.defaults(), memory).score(post(SEED + " nhé", "198.51.100.9"))))
                .contains("marked.campaign");
    }
}
