package vn.schoolguard.internal.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import vn.schoolguard.internal.db.Json;
import vn.schoolguard.testing.TestSite;

/**
 * A planted gambling link in a page the site serves reaches a real SMTP server (GreenMail) as a Vietnamese mail and a
 * real webhook receiver with a signature the receiver can check on its own; the console shows it above its pages.
 */
class AlertsEndToEndTest {

    static final String SECRET = "bí-mật-của-sở-0123456789";

    @TempDir
    Path dataDir;
    GreenMail smtp;
    WebhookReceiver webhook;
    TestSite site;

    @BeforeEach
    void start() throws Exception {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        webhook = new WebhookReceiver();
    }

    @AfterEach
    void stop() throws Exception {
        if (site != null) {
            site.close();
        }
        webhook.close();
        smtp.stop();
    }

    private TestSite site(Map<String, String> more) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("site.key", "thcs-ngoquyen");
        settings.put("implant.sample-rate", "1");
        settings.put("alerts.mail.host", "127.0.0.1");
        settings.put("alerts.mail.port", Integer.toString(smtp.getSmtp().getPort()));
        settings.put("alerts.mail.security", "none");
        settings.put("alerts.mail.from", "canhbao@thcs-ngoquyen.edu.vn");
        settings.put("alerts.mail.to", "it@haiphong.edu.vn, hieutruong@thcs-ngoquyen.edu.vn");
        settings.put("alerts.webhook.url", webhook.url().toString());
        settings.put("alerts.webhook.secret", SECRET);
        settings.put("alerts.retry-delay", "100ms");
        settings.put("alerts.timeout", "2s");
        settings.put("selfcheck.every", "off");
        settings.put("iplog.verify-every", "off");
        settings.put("alerts.queue-max-age", "off");
        settings.putAll(more);
        site = new TestSite(dataDir, settings);
        return site;
    }

    /** Waits up to 10 s until the server holds {@code count} messages. */
    static boolean mails(GreenMail smtp, int count) throws InterruptedException {
        for (int i = 0; i < 500 && smtp.getReceivedMessages().length < count; i++) {
            Thread.sleep(20);
        }
        return smtp.getReceivedMessages().length >= count;
    }

    static String planted() throws Exception {
        return Files.readString(Path.of(AlertsEndToEndTest.class.getResource("/inject/planted.html").toURI()),
                StandardCharsets.UTF_8);
    }

    @Test
    void plantedGamblingLinkReachesTheMailServerInVietnameseAndTheWebhookSigned() throws Exception {
        site(Map.of());
        site.pages.put("/tin-tuc/lich-thi", new TestSite.Served(planted(), Map.of()));
        assertThat(site.get("/tin-tuc/lich-thi").statusCode()).isEqualTo(200);

        assertThat(mails(smtp, 2)).as("one mail to each recipient").isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo(
                "[SchoolGuard] thcs-ngoquyen: Phát hiện nội dung nghi bị cài cắm trên trang — /school/tin-tuc/lich-thi");
        assertThat(mail.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat((String) mail.getContent()).contains("SchoolGuard ghi nhận một sự cố trên trang thcs-ngoquyen")
                .contains("Chi tiết:").contains("https://fb88a.com/").contains("(implant)");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("canhbao@thcs-ngoquyen.edu.vn");
        assertThat(GreenMailUtil.getHeaders(mail)).contains("Auto-Submitted: auto-generated");

        assertThat(webhook.await(1, 10_000)).isTrue();
        WebhookReceiver.Received hook = webhook.received.get(0);
        assertThat(WebhookReceiver.verify(hook, SECRET)).as("signature checked as a receiver would").isTrue();
        assertThat(WebhookReceiver.verify(hook, SECRET + "x")).isFalse();
        assertThat(hook.contentType()).isEqualTo("application/json; charset=UTF-8");
        JsonNode json = Json.MAPPER.readTree(hook.body());
        assertThat(json.fieldNames()).toIterable().containsExactly("site", "kind", "at", "page", "detail", "id");
        assertThat(json.get("site").asText()).isEqualTo("thcs-ngoquyen");
        assertThat(json.get("kind").asText()).isEqualTo("implant");
        assertThat(json.get("page").asText()).isEqualTo("/school/tin-tuc/lich-thi");
        assertThat(json.get("detail").asText()).contains("gambling-link https://fb88a.com/");
        assertThat(json.get("id").asLong()).isPositive();
        assertThat(Long.parseLong(hook.timestamp())).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(60L));

        // The same page again: the findings were raised within the hour, so nothing new. A second planted page
        // is scanned after it on the one scan thread, so its mail proves the first page's second scan is done.
        site.get("/tin-tuc/lich-thi");
        site.pages.put("/khac", new TestSite.Served("<html><body><a href=\"https://kubet77.net/\">nhà cái kubet</a></body></html>", Map.of()));
        site.get("/khac");
        assertThat(mails(smtp, 4)).isTrue();
        assertThat(webhook.await(2, 10_000)).isTrue();
        assertThat(smtp.getReceivedMessages()).hasSize(4);
        assertThat(webhook.received).hasSize(2);
        assertThat(Json.MAPPER.readTree(webhook.received.get(1).body()).get("page").asText()).isEqualTo("/school/khac");

        JsonNode api = Json.MAPPER.readTree(site.get("/_schoolguard/api/incidents", "Accept", "application/json",
                "Authorization", TestSite.basic("inv", TestSite.PASSWORD)).body());
        assertThat(api.get("items")).hasSize(2);
        assertThat(api.get("items").get(0).get("page").asText()).isEqualTo("/school/khac");
    }

    /**
     * The filter's own wiring of the scheduled self-check: the host's scheduler (a real one that starts periodic work
     * after two seconds instead of a minute) fetches {@code selfcheck.url}, and a home page without the tracker is one
     * TRACKER_MISSING incident, mailed and posted to the webhook.
     */
    @Test
    void theScheduledSelfCheckOfTheFilterRaisesAMissingTrackerOnce() throws Exception {
        java.util.concurrent.ScheduledThreadPoolExecutor soon = new java.util.concurrent.ScheduledThreadPoolExecutor(1) {
            @Override
            public java.util.concurrent.ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay,
                                                                                 long delay, java.util.concurrent.TimeUnit unit) {
                return super.scheduleWithFixedDelay(command, Math.min(unit.toMillis(initialDelay), 2000),
                        unit.toMillis(delay), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        };
        try {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("site.key", "thcs-ngoquyen");
            settings.put("alerts.webhook.url", webhook.url().toString());
            settings.put("alerts.webhook.secret", SECRET);
            settings.put("selfcheck.url", webhook.url().resolve("/home").toString());
            settings.put("selfcheck.every", "1h");
            webhook.home = "<html><body><h1>Trường THCS Ngô Quyền</h1>"
                    + "<footer><a href=\"https://haiphong.edu.vn/\">Sở GD&amp;ĐT</a></footer></body></html>";
            site = new TestSite(dataDir, settings, (running, handler) ->
                    handler.setAttribute(vn.schoolguard.SchoolGuardFilter.HOUSEKEEPING_ATTRIBUTE, soon));
            // The page carries the portal link but neither the tracker nor the script that draws the EMC label.
            assertThat(webhook.await(2, 15_000)).isTrue();
            assertThat(webhook.received).extracting(r -> Json.MAPPER.readTree(r.body()).get("kind").asText())
                    .containsExactlyInAnyOrder("tracker-missing", "label-missing");
            assertThat(webhook.received).allSatisfy(r -> assertThat(WebhookReceiver.verify(r, SECRET)).isTrue());
            assertThat(Json.MAPPER.readTree(webhook.received.get(0).body()).get("page").asText()).isEqualTo("/home");
        } finally {
            soon.shutdownNow();
        }
    }

    @Test
    void consolePagesShowTheIncidentsEscapedToSignedInStaff() throws Exception {
        site(Map.of());
        site.pages.put("/a", new TestSite.Served("<html><body><a href=\"https://fb88a.com/?<script>x</script>\">nhà cái uy tín</a></body></html>", Map.of()));
        site.get("/a");
        assertThat(webhook.await(1, 10_000)).isTrue();
        String queue = site.get("/_schoolguard/queue", "Authorization", TestSite.basic("mod", TestSite.PASSWORD)).body();
        assertThat(queue).contains("id=\"notices\"").contains("Sự cố trong 7 ngày qua")
                .contains("Phát hiện nội dung nghi bị cài cắm").contains("<code>/school/a</code>")
                .doesNotContain("<script>x</script>");
    }
}
