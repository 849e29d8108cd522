package vn.schoolguard.internal.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import vn.schoolguard.internal.db.Json;
import vn.schoolguard.testing.RunningSite;
import vn.schoolguard.testing.TestSite;

/** Obvious gambling spam is filed without a moderator; what moderators mark as spam counts against the next post. */
class SpamLearningTest {

    @RegisterExtension
    final RunningSite running = RunningSite.with(Map.of());
    String auth = TestSite.basic("mod", TestSite.PASSWORD);

    JsonNode latest() throws Exception {
        return Json.MAPPER.readTree(running.site().get("/_schoolguard/api/submissions?limit=1", "Authorization", auth).body()).path("items").get(0);
    }

    @Test
    void obviousGamblingAdIsFiledAsSpamWithReasonsAndThePosterSeesOnlyAwaitingModeration() throws Exception {
        var posted = running.site().postForm("/posts/1/comments", Map.of("author", "Hoa",
                "content", "Nhà cái uy tín nhất 2026, nổ hũ đổi thưởng, nạp 100k tặng 200k tại go88 chấm vip"));
        assertThat(posted.statusCode()).isEqualTo(303);
        JsonNode item = latest();
        assertThat(item.path("status").asText()).isEqualTo("spam");
        assertThat(item.path("verdict").asText()).isEqualTo("spam");
        assertThat(item.path("reasons")).isNotEmpty();
        assertThat(running.site().get("/_schoolguard/api/submissions?status=pending", "Authorization", auth).body()).contains("\"total\":0");
    }

    @Test
    void markingSpamTeachesTheScorerAndOverrulingForgetsIt() throws Exception {
        String text = "Xem thêm ưu đãi tại trang của chúng tôi, liên hệ ngay hôm nay";
        running.site().postForm("/posts/1/comments", Map.of("author", "Khách", "email", "Ads@Example.vn", "content", text));
        JsonNode first = latest();
        double before = first.path("score").asDouble();
        running.site().post("/_schoolguard/api/submissions/" + first.path("id").asLong() + "/spam", "application/json", "{}",
                "Authorization", auth);

        running.site().postForm("/posts/2/comments", Map.of("author", "Khách", "email", "ads@example.vn", "content", "Chào thầy cô"));
        JsonNode second = latest();
        assertThat(second.path("score").asDouble()).isGreaterThan(before);
        assertThat(second.path("reasons").toString()).containsIgnoringCase("spam");

        running.site().post("/_schoolguard/api/submissions/" + first.path("id").asLong() + "/approve", "application/json", "{}",
                "Authorization", auth);
        running.site().postForm("/posts/2/comments", Map.of("author", "Khách", "email", "ads@example.vn", "content", "Chào các em"));
        assertThat(latest().path("score").asDouble()).isLessThan(second.path("score").asDouble());
    }

    @Test
    void oneMarkCatchesTheCampaignsVariantsFromOtherPostersUntilTheModeratorOverrules() throws Exception {
        String seed = "Anh em oi, chot so mien Bac hom nay cuc chuan, so dep lam, nhan so free moi ngay nhe ca nha";
        String variant = "Anh\u200b em ơi 🔥 CHỐT SỐ miền Bắc hôm nay cực chuẩn, số đẹp lắm, nhận số free mỗi ngày nhé cả nhà";
        running.site().postForm("/posts/1/comments", Map.of("author", "A", "email", "a@one.example", "content", seed));
        JsonNode first = latest();
        assertThat(first.path("status").asText()).as("no promotion target: held, not filed").isNotEqualTo("spam");
        running.site().post("/_schoolguard/api/submissions/" + first.path("id").asLong() + "/spam", "application/json", "{}",
                "Authorization", auth);

        running.site().postForm("/posts/2/comments", Map.of("author", "B", "email", "b@two.example", "content", variant));
        JsonNode caught = latest();
        assertThat(caught.path("status").asText()).isEqualTo("spam");
        assertThat(caught.path("reasons").toString()).contains("marked.campaign");

        running.site().post("/_schoolguard/api/submissions/" + first.path("id").asLong() + "/approve", "application/json", "{}",
                "Authorization", auth);
        running.site().postForm("/posts/3/comments", Map.of("author", "C", "email", "c@three.example", "content", variant + " luôn"));
        assertThat(latest().path("reasons").toString()).doesNotContain("marked.campaign");
    }
}
