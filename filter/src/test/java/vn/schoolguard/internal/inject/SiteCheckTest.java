package vn.schoolguard.internal.inject;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import vn.schoolguard.internal.cli.SchoolGuardCli;
import vn.schoolguard.internal.http.page.PageDecorator;
import vn.schoolguard.internal.http.page.PageDecoratorTest;
import vn.schoolguard.internal.http.page.PageServer;

/** The {@code check} command against real sites: one decorated by SchoolGuard, one with planted links. */
class SiteCheckTest {

    private PageServer good;
    private PageServer planted;

    @BeforeEach
    void start() throws Exception {
        good = new PageServer(new PageDecorator(new PageDecoration(PageServer.settings("emc.site-id", "4242",
                "portal.url", "https://haiphong.edu.vn/", "implant.sample-rate", "0"))))
                .servlet("/", PageDecoratorTest.servlet((rq, rs) -> {
                    rs.setContentType("text/html;charset=UTF-8");
                    rs.getWriter().write(PageDecoratorTest.PAGE);
                })).start();
        planted = new PageServer(new PageDecorator(new PageDecoration(PageServer.settings("headers.enabled", "false", "implant.enabled", "false"))))
                .servlet("/", PageDecoratorTest.servlet((rq, rs) -> {
                    rs.setContentType("text/html;charset=UTF-8");
                    rs.getWriter().write(ImplantScannerTest.fixture("planted.html"));
                })).start();
    }

    @AfterEach
    void stop() throws Exception {
        good.close();
        planted.close();
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        int code = new CommandLine(new SchoolGuardCli()).setOut(new PrintWriter(out)).execute(args);
        return new Result(code, out.toString());
    }

    private record Result(int code, String out) {
    }

    @Test
    void decoratedSitePassesWithItsSiteIdAndPortal() {
        Result result = run("check", "--portal", "https://haiphong.edu.vn/", "--site-id", "4242",
                "http://127.0.0.1:" + good.port() + "/");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("PASS http://127.0.0.1:" + good.port() + "/")
                .contains("EMC tracker   found (site ID 4242)").contains("portal link   found https://haiphong.edu.vn/")
                .contains("planted       none found").contains("1 checked, 0 failed");
    }

    @Test
    void jsonReportNamesEverySiteAndFailsOnPlantedLinks(@TempDir Path dir) throws Exception {
        Path list = Files.writeString(dir.resolve("urls.txt"), "# sites of the district\nhttp://127.0.0.1:" + good.port()
                + "/\n\nhttp://127.0.0.1:" + planted.port() + "/\nhttp://127.0.0.1:1/\n");
        Result result = run("check", "--json", "--file", list.toString(), "--timeout", "5");
        assertThat(result.code()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(result.out());
        assertThat(report.get("checked").asInt()).isEqualTo(3);
        assertThat(report.get("failed").asInt()).isEqualTo(2);
        JsonNode first = report.get("sites").get(0);
        assertThat(first.get("ok").asBoolean()).isTrue();
        assertThat(first.at("/tracker/siteIds/0").asText()).isEqualTo("4242");
        assertThat(first.at("/headers/present/X-Content-Type-Options").asText()).isEqualTo("nosniff");
        JsonNode second = report.get("sites").get(1);
        assertThat(second.get("ok").asBoolean()).isFalse();
        assertThat(second.at("/tracker/found").asBoolean()).isFalse();
        assertThat(second.at("/headers/missing").toString()).contains("X-Content-Type-Options");
        assertThat(second.get("implants").findValuesAsText("detail")).contains("https://fb88a.com/");
        assertThat(report.get("sites").get(2).get("error").asText()).isNotEmpty();
    }

    @Test
    void withoutUrlsItIsAUsageError() {
        assertThat(run("check").code()).isEqualTo(2);
    }
}
