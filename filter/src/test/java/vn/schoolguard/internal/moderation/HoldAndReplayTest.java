package vn.schoolguard.internal.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import vn.schoolguard.internal.db.Json;
import vn.schoolguard.testing.RunningSite;
import vn.schoolguard.testing.TestSite;

class HoldAndReplayTest {

    @RegisterExtension
    final RunningSite running = RunningSite.with(Map.of());

    @Test
    void heldCommentReachesTheAppOnlyAfterApprovalWithThePostersAddress() throws Exception {
        HttpResponse<String> posted = running.site().postForm("/posts/7/comments",
                Map.of("author", "Nguyễn Văn An", "email", "an@example.vn", "content", "<b>Chúc mừng</b> các em!<script>x()</script>"),
                "Cookie", "JSESSIONID=poster", "Referer", running.site().base() + "/posts/7");
        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(posted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/_schoolguard/receipt/"));
        assertThat(running.site().stored).isEmpty();

        JsonNode list = Json.MAPPER.readTree(running.site().get("/_schoolguard/api/submissions?status=pending",
                "Authorization", TestSite.basic("mod", TestSite.PASSWORD)).body());
        assertThat(list.path("total").asInt()).isEqualTo(1);
        JsonNode item = list.path("items").get(0);
        assertThat(item.path("clientIp").asText()).isEqualTo("127.0.0.1");
        assertThat(item.path("clientPort").asInt()).isPositive();
        assertThat(item.path("fields").path("content").asText()).isEqualTo("<b>Chúc mừng</b> các em!");

        HttpResponse<String> approved = running.site().post("/_schoolguard/api/submissions/" + item.path("id").asLong() + "/approve",
                "application/json", "{}", "Authorization", TestSite.basic("mod", TestSite.PASSWORD),
                "Cookie", "JSESSIONID=moderator-session");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(approved.body()).path("status").asText()).isEqualTo("approved");

        assertThat(running.site().stored).hasSize(1);
        TestSite.Stored stored = running.site().stored.get(0);
        assertThat(stored.path()).isEqualTo("/7/comments");
        assertThat(stored.parameters().get("author")).containsExactly("Nguyễn Văn An");
        assertThat(stored.parameters().get("content")).containsExactly("<b>Chúc mừng</b> các em!");
        assertThat(stored.remoteAddr()).isEqualTo("127.0.0.1");
        assertThat(stored.remotePort()).isEqualTo(item.path("clientPort").asInt());
        assertThat(stored.cookieHeader()).isNull();
        assertThat(stored.authorization()).isNull();

        HttpResponse<String> again = running.site().post("/_schoolguard/api/submissions/" + item.path("id").asLong() + "/approve",
                "application/json", "{}", "Authorization", TestSite.basic("mod", TestSite.PASSWORD));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(again.body()).path("changed").asBoolean()).isFalse();
        assertThat(running.site().stored).hasSize(1);
    }
}
