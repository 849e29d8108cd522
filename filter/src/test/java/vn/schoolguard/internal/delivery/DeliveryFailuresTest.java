package vn.schoolguard.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import com.sun.net.httpserver.HttpServer;

import vn.schoolguard.internal.alert.AlertChannel;
import vn.schoolguard.internal.alert.AlertMessage;
import vn.schoolguard.internal.alert.AlertSettings;
import vn.schoolguard.internal.alert.Deliveries;
import vn.schoolguard.internal.alert.MailSettings;
import vn.schoolguard.internal.alert.WebhookSettings;
import vn.schoolguard.internal.incident.Incident;
import vn.schoolguard.internal.incident.IncidentKind;
import vn.schoolguard.testing.TestSite;

/**
 * A mail server that is down, a webhook that answers 500 and one that never answers: each attempt is retried, what
 * still fails is logged once with its reason and without any secret, and nothing waits on a poster's request.
 */
class DeliveryFailuresTest {

    static final String PASSWORD = "mật-khẩu-smtp-RẤT-bí-mật";
    static final String SECRET = "khoa-bi-mat-webhook-0123456789";

    HttpServer hooks;
    final AtomicInteger calls500 = new AtomicInteger();
    final AtomicInteger callsSlow = new AtomicInteger();
    final AtomicInteger callsFlaky = new AtomicInteger();
    final List<String> bodies = new CopyOnWriteArrayList<>();
    ListAppender<ILoggingEvent> events;
    Logger logger;

    @BeforeEach
    void start() throws IOException {
        hooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hooks.createContext("/500", exchange -> {
            calls500.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        hooks.createContext("/slow", exchange -> {
            callsSlow.incrementAndGet();
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
                Thread.sleep(3000);
                exchange.sendResponseHeaders(204, -1);
            } catch (InterruptedException | IOException e) {
                // the sender gave up
            } finally {
                exchange.close();
            }
        });
        hooks.createContext("/flaky", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                bodies.add(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(callsFlaky.incrementAndGet() == 1 ? 503 : 204, -1);
            exchange.close();
        });
        hooks.setExecutor(Executors.newCachedThreadPool());
        hooks.start();
        logger = (Logger) LoggerFactory.getLogger("vn.schoolguard.alert");
        events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(events);
        hooks.stop(0);
    }

    private URI hook(String path) {
        return URI.create("http://127.0.0.1:" + hooks.getAddress().getPort() + path);
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static AlertMessage message() {
        return new AlertMessage(new Incident(7, "thcs-ngoquyen", IncidentKind.IMPLANT, Instant.now(), "/tin-tuc", "fb88a.com"),
                "[SchoolGuard] thcs-ngoquyen: Phát hiện", "Nội dung");
    }

    @Test
    void everyFailingChannelIsRetriedThenLoggedOnceWithItsReasonAndNoSecret() throws Exception {
        Duration timeout = Duration.ofMillis(500);
        AlertSettings.Delivery delivery = new AlertSettings.Delivery(2, Duration.ofMillis(100), timeout);
        List<AlertChannel> channels = new ArrayList<>();
        channels.add(new SmtpChannel(new MailSettings("127.0.0.1", closedPort(), "canhbao@thcs.edu.vn",
                List.of("it@haiphong.edu.vn"), MailSettings.Security.NONE, "canhbao", PASSWORD), timeout, Clock.systemUTC()));
        channels.add(new WebhookChannel(new WebhookSettings(hook("/500"), SECRET), timeout, Clock.systemUTC()));
        channels.add(new WebhookChannel(new WebhookSettings(hook("/slow"), SECRET), timeout, Clock.systemUTC()));
        try (Deliveries deliveries = new Deliveries(channels, delivery, List.of(PASSWORD, SECRET))) {
            long before = System.nanoTime();
            deliveries.submit(message());
            assertThat(Duration.ofNanos(System.nanoTime() - before)).as("submit never waits").isLessThan(Duration.ofMillis(200));
            assertThat(deliveries.awaitIdle(20_000)).isTrue();
            assertThat(deliveries.failed()).isEqualTo(3);
            assertThat(deliveries.sent()).isZero();
        }
        assertThat(calls500).hasValue(3);
        assertThat(callsSlow).hasValue(3);
        List<String> warnings = events.list.stream().filter(e -> e.getLevel().toString().equals("WARN"))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(warnings).hasSize(3);
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("by mail after 3 attempt(s)").contains("Connect"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("by webhook after 3 attempt(s)").contains("HTTP 500"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("by webhook after 3 attempt(s)").contains("Timeout"));
        assertThat(events.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(m -> m.contains(PASSWORD) || m.contains(SECRET));
    }

    @Test
    void aWebhookThatRecoversGetsTheIncidentOnTheRetrySignedAnew() throws Exception {
        AlertSettings.Delivery delivery = new AlertSettings.Delivery(3, Duration.ofMillis(100), Duration.ofSeconds(2));
        try (Deliveries deliveries = new Deliveries(List.of(new WebhookChannel(new WebhookSettings(hook("/flaky"), SECRET),
                delivery.timeout(), Clock.systemUTC())), delivery, List.of(SECRET))) {
            deliveries.submit(message());
            assertThat(deliveries.awaitIdle(10_000)).isTrue();
            assertThat(deliveries.sent()).isEqualTo(1);
            assertThat(deliveries.failed()).isZero();
        }
        assertThat(callsFlaky).hasValue(2);
        assertThat(bodies.get(0)).isEqualTo(bodies.get(1));
        assertThat(events.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(m -> assertThat(m).contains("sent by webhook after 1 retry"));
    }

    @Test
    void aPosterIsAnsweredAtOnceWhileEveryChannelIsFailing(@TempDir Path dataDir) throws Exception {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("implant.sample-rate", "1");
        settings.put("alerts.mail.host", "127.0.0.1");
        settings.put("alerts.mail.port", Integer.toString(closedPort()));
        settings.put("alerts.mail.security", "none");
        settings.put("alerts.mail.from", "canhbao@thcs.edu.vn");
        settings.put("alerts.mail.to", "it@haiphong.edu.vn");
        settings.put("alerts.webhook.url", hook("/slow").toString());
        settings.put("alerts.webhook.secret", SECRET);
        settings.put("alerts.timeout", "2s");
        settings.put("alerts.retry-delay", "100ms");
        try (TestSite site = new TestSite(dataDir, settings)) {
            for (int i = 0; i < 5; i++) {
                site.pages.put("/p" + i, new TestSite.Served("<html><body><a href=\"https://fb88a.com/" + i
                        + "\">nhà cái uy tín</a></body></html>", Map.of()));
                site.get("/p" + i);
            }
            for (int i = 0; i < 20 && callsSlow.get() == 0; i++) {
                Thread.sleep(100);
            }
            assertThat(callsSlow.get()).as("the webhook is being tried").isPositive();
            long before = System.nanoTime();
            assertThat(site.postForm("/posts/1/comments", Map.of("content", "Bài viết rất hay")).statusCode()).isEqualTo(303);
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));
        }
    }
}
