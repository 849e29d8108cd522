package vn.schoolguard.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.schoolguard.internal.cli.SchoolGuardCli;
import vn.schoolguard.internal.db.Json;
import vn.schoolguard.testing.TestSite;

/** Every submission attempt lands in the IP log; only investigators and admins read it, and each look-up is audited. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IpLogApiTest {

    @TempDir
    static Path dataDir;

    TestSite site;
    String investigator = TestSite.basic("inv", TestSite.PASSWORD);

    @BeforeAll
    void start() throws Exception {
        site = new TestSite(dataDir, Map.of("proxies.trusted", "127.0.0.1", "limits.max-fields", "3"));
        site.postForm("/posts/1/comments", Map.of("author", "An", "content", "Xin chào"),
                "X-Forwarded-For", "113.161.72.5", "User-Agent", "Zalo/1.0");
        site.postForm("/posts/1/comments", Map.of("a", "1", "b", "2", "c", "3", "d", "4"), "X-Forwarded-For", "27.72.1.9");
        // Only the configured header (X-Forwarded-For by default) is read; the IPv6 node with its port in brackets.
        site.postForm("/posts/2/comments", Map.of("content", "Hi"), "X-Forwarded-For", "[2402:800:6314::5]:53211");
    }

    @AfterAll
    void stop() throws Exception {
        site.close();
    }

    @Test
    @Order(1)
    void everyAttemptIsLoggedWithResolvedAddressPortAndOutcome() throws Exception {
        JsonNode log = Json.MAPPER.readTree(site.get("/_schoolguard/api/iplog", "Authorization", investigator).body());
        assertThat(log.path("total").asInt()).isEqualTo(3);
        JsonNode newest = log.path("items").get(0);
        assertThat(newest.path("client_ip").asText()).isEqualTo("2402:800:6314::5");
        assertThat(newest.path("client_port").asInt()).isEqualTo(53211);
        assertThat(newest.path("peer_ip").asText()).isEqualTo("127.0.0.1");
        JsonNode refused = log.path("items").get(1);
        assertThat(refused.path("outcome").asText()).isEqualTo("refused");
        assertThat(refused.path("detail").asText()).contains("more than 3 fields");
        assertThat(refused.path("client_ip").asText()).isEqualTo("27.72.1.9");
        JsonNode held = log.path("items").get(2);
        assertThat(held.path("outcome").asText()).isEqualTo("held");
        assertThat(held.path("user_agent").asText()).isEqualTo("Zalo/1.0");
        assertThat(held.path("receipt").asText()).isNotBlank();
        assertThat(held.path("submission_id").asLong()).isPositive();
        assertThat(held.path("content_sha256").asText()).hasSize(64);
    }

    @Test
    @Order(2)
    void moderatorsCannotReadTheLogAndBadParametersGet400() throws Exception {
        assertThat(site.get("/_schoolguard/api/iplog", "Authorization", TestSite.basic("mod", TestSite.PASSWORD)).statusCode()).isEqualTo(403);
        assertThat(site.get("/_schoolguard/api/iplog").statusCode()).isEqualTo(401);
        HttpResponse<String> bad = site.get("/_schoolguard/api/iplog?cidr=113.0.0.0/99", "Authorization", investigator);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("cidr must be a block");
        assertThat(site.get("/_schoolguard/api/iplog?format=xml", "Authorization", investigator).statusCode()).isEqualTo(400);
    }

    @Test
    @Order(3)
    void csvExportHasTheContractColumnsAndIsAudited() throws Exception {
        HttpResponse<String> csv = site.get("/_schoolguard/api/iplog?cidr=113.160.0.0/11&format=csv", "Authorization", investigator);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("\uFEFFtime,client_ip,client_port,peer_ip,user_agent,route,submission_id");
        assertThat(lines[1]).contains(",\"113.161.72.5\",").contains("\"Zalo/1.0\"");
        assertThat(lines).hasSize(2);

        JsonNode audit = Json.MAPPER.readTree(site.get("/_schoolguard/api/iplog/audit",
                "Authorization", TestSite.basic("boss", TestSite.PASSWORD)).body());
        assertThat(audit.path("items").get(0).path("action").asText()).isEqualTo("export-csv");
        assertThat(audit.path("items").get(0).path("actor").asText()).isEqualTo("inv");
        assertThat(audit.path("items").get(0).path("filter").path("cidr").asText()).isEqualTo("113.160.0.0/11");
        assertThat(site.get("/_schoolguard/api/iplog/audit", "Authorization", investigator).statusCode()).isEqualTo(403);
    }

    @Test
    @Order(4)
    void verifyPassesOverTheApiAndTheCommandLineWhileTheSiteRuns() throws Exception {
        JsonNode verify = Json.MAPPER.readTree(site.get("/_schoolguard/api/iplog/verify", "Authorization", investigator).body());
        assertThat(verify.path("ok").asBoolean()).isTrue();
        StringWriter out = new StringWriter();
        int code = SchoolGuardCli.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                "iplog", "verify", "--data-dir", dataDir.toString());
        assertThat(code).isZero();
        assertThat(out.toString()).contains("site default: 3 entries verified, head seq=3, OK");
    }
}
