package vn.schoolguard.internal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.schoolguard.internal.db.Json;
import vn.schoolguard.testing.TestSite;

/**
 * Forwarding headers a client adds itself, on a real Jetty behind a (simulated) trusted proxy on loopback:
 * the proxy's header is believed, the other is ignored, and nothing a client sends reaches the loopback exemption.
 */
class ForwardedClientTest {

    static final Map<String, String> COMMENT = Map.of("author", "Phụ huynh", "content", "Cảm ơn thầy cô!");
    static final String ATTACKER = "113.161.72.5";
    static final String VICTIM = "27.72.1.9";

    @TempDir
    Path dataDir;

    TestSite site;
    final String moderator = TestSite.basic("mod", TestSite.PASSWORD);
    final String investigator = TestSite.basic("inv", TestSite.PASSWORD);

    @AfterEach
    void stop() throws Exception {
        if (site != null) {
            site.close();
        }
    }

    TestSite start(String header) throws Exception {
        site = new TestSite(dataDir, Map.of("proxies.trusted", "127.0.0.1", "proxies.header", header, "ratelimit.per-ip", "2/1h"));
        return site;
    }

    int post(String... headers) throws Exception {
        return site.postForm("/posts/1/comments", COMMENT, headers).statusCode();
    }

    JsonNode ipLog(String ip) throws Exception {
        return Json.MAPPER.readTree(site.get("/_schoolguard/api/iplog?ip=" + URLEncoder.encode(ip, StandardCharsets.UTF_8),
                "Authorization", investigator).body());
    }

    @Test
    void regressionClientSentForwardedDoesNotChargeTheRateLimitToAVictim() throws Exception {
        start("X-Forwarded-For");
        // The attacker names the victim in Forwarded; the proxy appends the attacker's real address to X-Forwarded-For.
        for (int i = 0; i < 2; i++) {
            assertThat(post("Forwarded", "for=" + VICTIM, "X-Forwarded-For", ATTACKER)).isEqualTo(303);
        }
        assertThat(post("Forwarded", "for=" + VICTIM, "X-Forwarded-For", ATTACKER)).isEqualTo(429);
        assertThat(ipLog(VICTIM).path("total").asInt()).as("nothing was logged under the victim's address").isZero();
        assertThat(ipLog(ATTACKER).path("total").asInt()).isEqualTo(3);
        assertThat(ipLog(ATTACKER).path("items").get(0).path("forwarded_chain").asText())
                .as("the ignored header stays in the evidence").contains("Forwarded: for=" + VICTIM);
        assertThat(post("X-Forwarded-For", VICTIM)).as("the victim's own bucket is untouched").isEqualTo(303);
    }

    @Test
    void regressionClientSentForwardedDoesNotDodgeTheBlockList() throws Exception {
        start("X-Forwarded-For");
        HttpResponse<String> added = site.post("/_schoolguard/api/blocks", "application/json",
                "{\"cidr\":\"113.161.72.0/24\",\"reason\":\"gambling bots\",\"expiresIn\":\"7d\"}", "Authorization", moderator);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(post("Forwarded", "for=" + VICTIM, "X-Forwarded-For", ATTACKER)).isEqualTo(403);
        assertThat(post("Forwarded", "for=unknown", "X-Forwarded-For", ATTACKER)).isEqualTo(403);
        assertThat(post("X-Forwarded-For", VICTIM + ", " + ATTACKER)).as("a chosen address left of the proxy's entry").isEqualTo(403);
    }

    @Test
    void regressionForUnknownDoesNotEscapeThePerAddressLimit() throws Exception {
        start("Forwarded");
        // Before, an unparsable hop made the proxy (loopback, hence exempt) the client.
        assertThat(post("Forwarded", "for=unknown")).isEqualTo(303);
        assertThat(post("Forwarded", "for=unknown")).isEqualTo(303);
        assertThat(post("Forwarded", "for=unknown")).isEqualTo(429);
        assertThat(post("Forwarded", "for=_hidden")).as("an obfuscated client has its own bucket").isEqualTo(303);
        assertThat(post("Forwarded", "for=" + VICTIM, "X-Forwarded-For", "unknown")).as("X-Forwarded-For is ignored").isEqualTo(303);
    }

    @Test
    void regressionAForwardedLoopbackAddressGetsNoLoopbackExemption() throws Exception {
        start("X-Forwarded-For");
        for (int i = 0; i < 2; i++) {
            assertThat(post("X-Forwarded-For", "127.0.0.1")).isEqualTo(303);
        }
        assertThat(post("X-Forwarded-For", "127.0.0.1")).isEqualTo(429);
        assertThat(post("X-Forwarded-For", "::ffff:127.0.0.1")).isEqualTo(429);
    }

    @Test
    void regressionMalformedAddressesShareOneBucketInsteadOfEscapingIt() throws Exception {
        start("X-Forwarded-For");
        assertThat(post("X-Forwarded-For", "010.0.0.1")).isEqualTo(303);
        assertThat(post("X-Forwarded-For", "0x7f.0.0.1")).isEqualTo(303);
        assertThat(post("X-Forwarded-For", "<script>")).isEqualTo(429);
        JsonNode items = Json.MAPPER.readTree(site.get("/_schoolguard/api/submissions?status=pending", "Authorization", moderator).body())
                .path("items");
        assertThat(items.get(0).path("clientIp").asText()).isEqualTo("malformed");
    }
}
