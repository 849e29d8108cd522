package vn.schoolguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.schoolguard.testing.HostClient;
import vn.schoolguard.testing.TestSite;

/** Hostile Host headers (site/hostile-hosts.txt): each gets its own school, the platform's site or a refusal, never another school. */
class HostileHostTest {

    @TempDir
    static Path dataDir;
    static TestSite site;
    static HostClient http;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> settings = MultiSiteIsolationTest.twoSchools();
        settings.put("site.a.hosts", "a.school.test, ngô-quyền.test");
        site = new TestSite(dataDir, settings);
        site.pages.put("/news", new TestSite.Served("<html><body><p>tin</p></body></html>", Map.of()));
        http = new HostClient(site.port());
    }

    @AfterAll
    static void stop() throws Exception {
        site.close();
    }

    static List<String[]> cases() throws IOException {
        List<String[]> cases = new ArrayList<>();
        try (InputStream in = HostileHostTest.class.getResourceAsStream("/site/hostile-hosts.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    int bar = line.lastIndexOf('|');
                    cases.add(new String[] {line.substring(0, bar).trim(), line.substring(bar + 1).trim()});
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "Host {0} → {1}")
    @MethodSource("cases")
    void eachHostGetsItsOwnSchoolOrNone(String host, String expected) throws Exception {
        HostClient.Answer answer = http.raw("GET /school/news HTTP/1.1\r\n" + hostHeaders(host) + "Connection: close\r\n\r\n",
                new byte[0]);
        switch (expected) {
            case "a" -> assertThat(answer.body()).as(host).contains("'setSiteId','1111'");
            case "b" -> assertThat(answer.body()).as(host).contains("'setSiteId','2222'");
            case "default" -> assertThat(answer.body()).as(host).contains("'setSiteId','9999'");
            default -> assertThat(answer.status()).as(host).isEqualTo(Integer.parseInt(expected));
        }
        if (!expected.equals("a")) {
            assertThat(answer.body()).as(host).doesNotContain("1111");
        }
        if (!expected.equals("b")) {
            assertThat(answer.body()).as(host).doesNotContain("2222");
        }
    }

    private static String hostHeaders(String host) {
        if (host.equals("{none}")) {
            return "";
        }
        if (host.equals("{empty}")) {
            return "Host: \r\n";
        }
        if (host.equals("{long}")) {
            return "Host: " + "x".repeat(50) + ("." + "y".repeat(50)).repeat(5) + ".a.school.test\r\n";
        }
        if (host.startsWith("{dup:")) {
            String[] two = host.substring(5, host.length() - 1).split(",");
            return "Host: " + two[0] + "\r\nHost: " + two[1] + "\r\n";
        }
        return "Host: " + host + "\r\n";
    }
}
