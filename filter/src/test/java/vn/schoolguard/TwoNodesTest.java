package vn.schoolguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.schoolguard.internal.db.Json;
import vn.schoolguard.internal.db.StoreSettings;
import vn.schoolguard.testing.Databases;
import vn.schoolguard.testing.HostClient;
import vn.schoolguard.testing.HostClient.Answer;
import vn.schoolguard.testing.TestSite;

/**
 * Two nodes of one platform sharing one PostgreSQL serve the same two schools alike: posts taken on either node are in
 * one queue per school, a school's limit holds over both nodes together, an approval on one node is seen (and cannot
 * be repeated) on the other, and each school's IP-log chain, appended by both nodes at once, verifies on both.
 */
class TwoNodesTest {

    private static final String A = MultiSiteIsolationTest.A;
    private static final String B = MultiSiteIsolationTest.B;

    @TempDir
    Path dir;

    @Test
    void bothNodesServeTheSameSitesWithTheSameDecisionsLimitsAndChains() throws Exception {
        StoreSettings db = Databases.fresh(Databases.Kind.POSTGRES);
        Map<String, String> settings = MultiSiteIsolationTest.twoSchools();
        settings.putAll(Map.of("store.url", db.url(), "store.user", db.user(), "proxies.trusted", "127.0.0.1",
                "ratelimit.per-ip", "off", "ratelimit.per-network", "off", "ratelimit.per-route", "off",
                "site.b.ratelimit.site", "6/1h"));
        try (TestSite one = new TestSite(Files.createDirectories(dir.resolve("one")), settings);
             TestSite two = new TestSite(Files.createDirectories(dir.resolve("two")), settings)) {
            HostClient[] nodes = {new HostClient(one.port()), new HostClient(two.port())};
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Integer>> toA = new ArrayList<>();
            List<Future<Integer>> toB = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                HostClient node = nodes[i % 2];
                String ip = "113.161.4." + (i + 1);
                toA.add(pool.submit(() -> post(node, A, ip, "Góp ý số " + ip + " gửi trường A")));
                toB.add(pool.submit(() -> post(node, B, ip, "Câu hỏi số " + ip + " gửi trường B")));
            }
            List<Integer> statusesA = new ArrayList<>();
            int acceptedA = 0;
            int acceptedB = 0;
            int limitedB = 0;
            for (int i = 0; i < 20; i++) {
                statusesA.add(toA.get(i).get());
                acceptedA += statusesA.get(i) == 303 ? 1 : 0;
                int status = toB.get(i).get();
                acceptedB += status == 303 ? 1 : 0;
                limitedB += status == 429 ? 1 : 0;
            }
            pool.shutdown();
            assertThat(acceptedA).as("school A, no limit: " + statusesA).isEqualTo(20);
            assertThat(acceptedB).as("school B's limit over both nodes together").isEqualTo(6);
            assertThat(limitedB).isEqualTo(14);

            for (HostClient node : nodes) {
                assertThat(pending(node, A, "mod-a").path("total").asInt()).isEqualTo(20);
                assertThat(pending(node, B, "mod-b").path("total").asInt()).isEqualTo(6);
            }

            long id = pending(nodes[0], A, "mod-a").path("items").get(0).path("id").asLong();
            Answer approved = approve(nodes[1], id);
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
            Answer again = approve(nodes[0], id);
            assertThat(again.status()).as("approving on the other node afterwards").isIn(200, 409);
            assertThat(one.stored.size() + two.stored.size()).as("replayed once, by one node").isEqualTo(1);
            for (HostClient node : nodes) {
                Answer item = node.get(A, "/school/_schoolguard/api/submissions/" + id,
                        "Authorization", TestSite.basic("mod-a", TestSite.PASSWORD));
                assertThat(Json.MAPPER.readTree(item.body()).path("status").asText()).isEqualTo("approved");
                assertThat(pending(node, A, "mod-a").path("total").asInt()).isEqualTo(19);
            }

            for (HostClient node : nodes) {
                JsonNode a = verify(node, A, "inv-a");
                assertThat(a.path("ok").asBoolean()).as(a.toString()).isTrue();
                assertThat(a.path("checked").asLong()).isGreaterThanOrEqualTo(20);
                JsonNode b = verify(node, B, "inv-b");
                assertThat(b.path("ok").asBoolean()).as(b.toString()).isTrue();
                assertThat(b.path("checked").asLong()).as("held and limited posts are both logged").isGreaterThanOrEqualTo(20);
            }
        }
    }

    private static int post(HostClient node, String host, String ip, String text) throws Exception {
        return node.postForm(host, "/school/posts/1/comments", Map.of("author", "An", "content", text),
                "X-Forwarded-For", ip).status();
    }

    private static JsonNode pending(HostClient node, String host, String user) throws Exception {
        Answer answer = node.get(host, "/school/_schoolguard/api/submissions?status=pending",
                "Authorization", TestSite.basic(user, TestSite.PASSWORD));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return Json.MAPPER.readTree(answer.body());
    }

    private static Answer approve(HostClient node, long id) throws Exception {
        return node.send("POST", A, "/school/_schoolguard/api/submissions/" + id + "/approve",
                new String[] {"Authorization", TestSite.basic("mod-a", TestSite.PASSWORD)}, null, "");
    }

    private static JsonNode verify(HostClient node, String host, String user) throws Exception {
        Answer answer = node.get(host, "/school/_schoolguard/api/iplog/verify", "Authorization", TestSite.basic(user, TestSite.PASSWORD));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return Json.MAPPER.readTree(answer.body());
    }
}
