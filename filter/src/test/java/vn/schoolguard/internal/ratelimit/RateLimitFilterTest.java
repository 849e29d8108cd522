package vn.schoolguard.internal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import vn.schoolguard.internal.db.Json;
import vn.schoolguard.testing.RunningSite;
import vn.schoolguard.testing.TestSite;

/** Issue 5: rate limits and the block list on a real Jetty, through the filter. */
class RateLimitFilterTest {

    static final Map<String, String> COMMENT = Map.of("author", "Phụ huynh", "content", "Cảm ơn thầy cô!");

    @RegisterExtension
    final RunningSite running = RunningSite.with(Map.of("proxies.trusted", "127.0.0.1", "ratelimit.per-ip", "2/1h"));
    final String moderator = TestSite.basic("mod", TestSite.PASSWORD);
    final String investigator = TestSite.basic("inv", TestSite.PASSWORD);

    HttpResponse<String> postFrom(String ip, String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "X-Forwarded-For";
        all[1] = ip;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return running.site().postForm("/posts/1/comments", COMMENT, all);
    }

    JsonNode api(String path, String auth) throws Exception {
        return Json.MAPPER.readTree(running.site().get("/_schoolguard/api" + path, "Authorization", auth).body());
    }

    HttpResponse<String> delete(String path, String auth) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(running.site().base() + path))
                .DELETE().header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    JsonNode ipLog(String ip) throws Exception {
        return api("/iplog?ip=" + URLEncoder.encode(ip, StandardCharsets.UTF_8), investigator);
    }

    @Test
    void overTheLimitGets429WithRetryAfterIsLoggedAndNothingIsStored() throws Exception {
        assertThat(postFrom("113.161.72.5").statusCode()).isEqualTo(303);
        assertThat(postFrom("113.161.72.5").statusCode()).isEqualTo(303);
        HttpResponse<String> limited = postFrom("113.161.72.5", "Accept-Language", "vi");
        assertThat(limited.statusCode()).isEqualTo(429);
        // 2 per hour gives one back every 30 minutes.
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1800");
        assertThat(limited.body()).contains("Gửi quá nhiều lần").contains("30 phút");

        HttpResponse<String> json = postFrom("113.161.72.5", "Accept", "application/json");
        assertThat(json.statusCode()).isEqualTo(429);
        assertThat(Json.MAPPER.readTree(json.body()).path("retryAfterSeconds").asLong()).isEqualTo(1800);

        assertThat(api("/submissions?status=pending", moderator).path("total").asInt()).isEqualTo(2);
        JsonNode log = ipLog("113.161.72.5");
        assertThat(log.path("items").get(0).path("outcome").asText()).isEqualTo("rate-limited");
        assertThat(log.path("items").get(0).path("detail").asText()).isEqualTo("rate limit per-ip 2/1h; retry after 1800s");
        assertThat(log.path("items").get(0).path("content_sha256").isNull()).as("the body was never read").isTrue();
        // Only the first refusal per address and minute is written in full; the second was counted.
        assertThat(log.path("total").asInt()).isEqualTo(3);

        assertThat(postFrom("27.72.1.9").statusCode()).as("another address still gets through").isEqualTo(303);
        assertThat(running.site().stored).isEmpty();
    }

    @Test
    void aLoopbackClientIsAnUntrustedLocalProxySoOnlyRouteAndSiteLimitsApply() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThat(running.site().postForm("/posts/1/comments", COMMENT).statusCode()).isEqualTo(303);
        }
    }

    @Test
    void ipv6AddressesOfOneSlash64ShareTheirLimit() throws Exception {
        assertThat(postFrom("2402:800:6314:1::1").statusCode()).isEqualTo(303);
        assertThat(postFrom("2402:800:6314:1::2").statusCode()).isEqualTo(303);
        assertThat(postFrom("2402:800:6314:1:abcd::99").statusCode()).isEqualTo(429);
        assertThat(postFrom("2402:800:6314:2::1").statusCode()).as("the next /64").isEqualTo(303);
    }

    @Test
    void blockedCidrGets403IsLoggedAsBlockedAndCountedUntilLifted() throws Exception {
        HttpResponse<String> added = running.site().post("/_schoolguard/api/blocks", "application/json",
                "{\"cidr\":\"198.51.100.0/24\",\"reason\":\"gambling bots\",\"expiresIn\":\"7d\"}", "Authorization", moderator);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode block = Json.MAPPER.readTree(added.body());
        assertThat(block.path("cidr").asText()).isEqualTo("198.51.100.0/24");
        assertThat(block.path("createdBy").asText()).isEqualTo("mod");

        HttpResponse<String> refused = postFrom("198.51.100.77", "Accept-Language", "en");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Submissions from your network are not accepted");
        assertThat(postFrom("198.51.100.78").statusCode()).isEqualTo(403);
        JsonNode log = ipLog("198.51.100.77");
        assertThat(log.path("items").get(0).path("outcome").asText()).isEqualTo("blocked");
        assertThat(log.path("items").get(0).path("detail").asText())
                .isEqualTo("blocked by #" + block.path("id").asLong() + " 198.51.100.0/24: gambling bots");

        JsonNode list = api("/blocks", moderator);
        assertThat(list.path("total").asInt()).isEqualTo(1);
        assertThat(list.path("items").get(0).path("hits").asLong()).isEqualTo(2);

        HttpResponse<String> lifted = delete("/_schoolguard/api/blocks/" + block.path("id").asLong(), moderator);
        assertThat(lifted.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(lifted.body()).path("active").asBoolean()).isFalse();
        assertThat(postFrom("198.51.100.77").statusCode()).isEqualTo(303);
        assertThat(api("/blocks?all=true", moderator).path("items").get(0).path("removedBy").asText()).isEqualTo("mod");
        assertThat(api("/submissions?status=pending", moderator).path("total").asInt()).isEqualTo(1);
    }

    @Test
    void blockingFromASubmissionBlocksItsPostersAddressAndManyInOneSubnetSuggestARollUp() throws Exception {
        for (String ip : new String[] {"203.0.113.7", "203.0.113.8", "203.0.113.9"}) {
            postFrom(ip);
        }
        JsonNode items = api("/submissions?status=pending", moderator).path("items");
        for (JsonNode item : items) {
            HttpResponse<String> added = running.site().post("/_schoolguard/api/blocks", "application/json",
                    "{\"submission\":" + item.path("id").asLong() + ",\"reason\":\"spam\"}", "Authorization", moderator);
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
            assertThat(Json.MAPPER.readTree(added.body()).path("cidr").asText()).isEqualTo(item.path("clientIp").asText() + "/32");
        }
        assertThat(postFrom("203.0.113.8").statusCode()).isEqualTo(403);
        JsonNode suggestions = api("/blocks", moderator).path("suggestions");
        assertThat(suggestions).hasSize(1);
        assertThat(suggestions.get(0).path("cidr").asText()).isEqualTo("203.0.113.0/24");
        assertThat(suggestions.get(0).path("count").asInt()).isEqualTo(3);
    }

    @Test
    void badBlockRequestsNameTheFieldValueAndExpectationAndNeedTheRightRole() throws Exception {
        HttpResponse<String> bad = running.site().post("/_schoolguard/api/blocks", "application/json",
                "{\"cidr\":\"0.0.0.0/0\",\"reason\":\"all\"}", "Authorization", moderator);
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode body = Json.MAPPER.readTree(bad.body());
        assertThat(body.path("field").asText()).isEqualTo("cidr");
        assertThat(body.path("error").asText()).startsWith("cidr '0.0.0.0/0' is not valid: expected an IPv4 or IPv6 address or CIDR block");
        HttpResponse<String> noReason = running.site().post("/_schoolguard/api/blocks", "application/json",
                "{\"cidr\":\"198.51.100.7\"}", "Authorization", moderator);
        assertThat(Json.MAPPER.readTree(noReason.body()).path("error").asText())
                .isEqualTo("reason '' is not valid: expected a reason of 1 to 500 characters");
        HttpResponse<String> badExpiry = running.site().post("/_schoolguard/api/blocks", "application/json",
                "{\"cidr\":\"198.51.100.7\",\"reason\":\"x\",\"expiresIn\":\"soon\"}", "Authorization", moderator);
        assertThat(Json.MAPPER.readTree(badExpiry.body()).path("field").asText()).isEqualTo("expiresIn");

        assertThat(running.site().post("/_schoolguard/api/blocks", "application/json", "{\"cidr\":\"198.51.100.7\",\"reason\":\"x\"}",
                "Authorization", investigator).statusCode()).isEqualTo(403);
        assertThat(running.site().get("/_schoolguard/api/blocks").statusCode()).isEqualTo(401);
        assertThat(running.site().post("/_schoolguard/api/blocks", "application/json", "{\"cidr\":\"198.51.100.7\",\"reason\":\"x\"}",
                "Authorization", moderator, "Origin", "https://evil.example").statusCode()).isEqualTo(403);
        assertThat(api("/blocks", moderator).path("total").asInt()).isZero();
    }
}
