package vn.schoolguard.internal.moderation;

import vn.schoolguard.api.ApprovedSubmission;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import vn.schoolguard.SchoolGuardFilter;
import vn.schoolguard.internal.db.Json;
import vn.schoolguard.testing.RunningSite;
import vn.schoolguard.testing.TestSite;

class ReplayOutcomeTest {

    @RegisterExtension
    final RunningSite running = RunningSite.with(Map.of());
    String auth = TestSite.basic("mod", TestSite.PASSWORD);

    @Test
    void approveWhenAppRejectsReplayThenItemStaysPendingWithErrorAndCanBeRetried() throws Exception {
        long id = hold("Bình luận thứ nhất");
        running.site().appStatus = 500;
        HttpResponse<String> failed = running.site().post("/_schoolguard/api/submissions/" + id + "/approve", "application/json", "{}",
                "Authorization", auth);
        assertThat(failed.statusCode()).isEqualTo(502);
        JsonNode item = Json.MAPPER.readTree(failed.body());
        assertThat(item.path("status").asText()).isEqualTo("pending");
        assertThat(item.path("replayStatus").asInt()).isEqualTo(500);
        assertThat(item.path("replayError").asText()).contains("500").contains("the application refused it");

        running.site().appStatus = 303;
        HttpResponse<String> retried = running.site().post("/_schoolguard/api/submissions/" + id + "/approve", "application/json", "{}",
                "Authorization", auth);
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(running.site().stored).hasSize(1);
        JsonNode history = Json.MAPPER.readTree(running.site().get("/_schoolguard/api/submissions/" + id, "Authorization", auth).body())
                .path("history");
        assertThat(history).extracting(h -> h.path("action").asText()).containsExactly("replay-failed", "approve");
    }

    @Test
    void bulkApprovalReplaysEachSubmissionOnceInOneRequest() throws Exception {
        long a = hold("Một");
        long b = hold("Hai");
        long c = hold("Ba");
        HttpResponse<String> bulk = running.site().post("/_schoolguard/api/submissions/bulk", "application/json",
                "{\"action\":\"approve\",\"ids\":[" + a + "," + b + "," + c + ",424242]}", "Authorization", auth);
        assertThat(bulk.statusCode()).isEqualTo(200);
        JsonNode results = Json.MAPPER.readTree(bulk.body()).path("results");
        assertThat(results).extracting(r -> r.path("result").asText()).containsExactly("changed", "changed", "changed", "not_found");
        assertThat(running.site().stored).extracting(s -> s.parameters().get("content")[0]).containsExactly("Một", "Hai", "Ba");
        assertThat(running.site().get("/posts/1").body()).contains("Một").contains("Hai").contains("Ba");
    }

    @Test
    void approvalListenersHearOfEveryApproval() throws Exception {
        java.util.List<ApprovedSubmission> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        SchoolGuardFilter.approvalListeners(running.site().servletContext()).add(heard::add);
        long id = hold("Xin cảm ơn");
        running.site().post("/_schoolguard/api/submissions/" + id + "/approve", "application/json", "{}", "Authorization", auth);
        assertThat(heard).singleElement().satisfies(s -> {
            assertThat(s.field("content")).isEqualTo("Xin cảm ơn");
            assertThat(s.approvedBy()).isEqualTo("mod");
            assertThat(s.clientIp()).isEqualTo("127.0.0.1");
        });
    }

    private long hold(String text) throws Exception {
        HttpResponse<String> posted = running.site().post("/posts/1/comments", "application/json",
                Json.write(Map.of("author", "Phụ huynh", "content", text)), "Accept", "application/json");
        assertThat(posted.statusCode()).isEqualTo(202);
        String receipt = Json.MAPPER.readTree(posted.body()).path("receipt").asText();
        JsonNode items = Json.MAPPER.readTree(running.site().get("/_schoolguard/api/submissions?limit=1000", "Authorization", auth).body()).path("items");
        for (JsonNode item : items) {
            if (item.path("receipt").asText().equals(receipt)) {
                return item.path("id").asLong();
            }
        }
        throw new AssertionError("held submission not listed");
    }
}
