package vn.schoolguard.internal.inject;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServlet;

import org.junit.jupiter.api.Test;

import vn.schoolguard.internal.http.page.PageDecorator;
import vn.schoolguard.internal.http.page.PageDecoratorTest;
import vn.schoolguard.internal.http.page.PageServer;

class ImplantWatchTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T08:00:00Z"), ZoneOffset.UTC);

    @Test
    void sampledPageWithPlantedLinkRaisesAnAlertTheConsoleCanShow() throws Exception {
        PageDecoration decoration = new PageDecoration(PageServer.settings("implant.sample-rate", "1", "emc.site-id", "7"),
                ImplantRules.builtIn(), ApprovedContent.NONE, CLOCK);
        HttpServlet page = PageDecoratorTest.servlet((rq, rs) -> {
            rs.setContentType("text/html;charset=UTF-8");
            rs.getOutputStream().write(ImplantScannerTest.fixture(rq.getRequestURI().substring(1)).getBytes("UTF-8"));
        });
        try (PageServer server = new PageServer(new PageDecorator(decoration)).servlet("/*", page).start()) {
            assertThat(server.get("/clean.html").getStatus()).isEqualTo(200);
            assertThat(server.get("/planted.html").getContent()).contains("fb88a.com").contains("setSiteId");
            assertThat(decoration.watch().awaitIdle(10_000)).isTrue();
            List<ImplantAlert> alerts = decoration.recentImplantAlerts();
            assertThat(alerts).hasSize(1);
            assertThat(alerts.get(0).page()).isEqualTo("/planted.html");
            assertThat(alerts.get(0).at()).isEqualTo(CLOCK.instant());
            assertThat(alerts.get(0).findings()).extracting(ImplantFinding::detail).contains("https://fb88a.com/")
                    .as("the inserted tracker is not scanned").noneMatch(d -> d.contains("ngsp"));
            assertThat(decoration.watch().scanned()).isEqualTo(2);
        }
    }

    @Test
    void withStripOnPlantedGamblingHostsAreDefangedInLaterPagesWithoutChangingTheirLength() throws Exception {
        PageDecoration decoration = new PageDecoration(PageServer.settings("implant.sample-rate", "1", "implant.strip", "true"),
                ImplantRules.builtIn(), ApprovedContent.NONE, CLOCK);
        HttpServlet stream = PageDecoratorTest.servlet((rq, rs) -> {
            rs.setContentType("text/html;charset=UTF-8");
            byte[] page = ImplantScannerTest.fixture("planted.html").getBytes("UTF-8");
            rs.setContentLength(page.length);
            // Split the host across writes: defanging must hold back across chunk boundaries.
            int cut = new String(page, "ISO-8859-1").indexOf("fb88a.com") + 3;
            rs.getOutputStream().write(page, 0, cut);
            rs.getOutputStream().write(page, cut, page.length - cut);
        });
        HttpServlet writer = PageDecoratorTest.servlet((rq, rs) -> {
            rs.setContentType("text/html;charset=UTF-8");
            rs.getWriter().write(ImplantScannerTest.fixture("planted.html"));
        });
        try (PageServer server = new PageServer(new PageDecorator(decoration)).servlet("/w/*", writer).servlet("/*", stream).start()) {
            var first = server.get("/planted.html");
            assertThat(first.getContent()).contains("fb88a.com");
            assertThat(decoration.watch().awaitIdle(10_000)).isTrue();
            var later = server.get("/planted.html");
            assertThat(later.getContent()).doesNotContain("fb88a.com").contains("xxxxx.xxx");
            assertThat(later.getContent().length()).isEqualTo(first.getContent().length());
            assertThat(server.get("/w/planted.html").getContent()).doesNotContain("fb88a.com").contains("xxxxx.xxx");
        }
    }

    @Test
    void withoutStripPlantedLinksAreOnlyReported() throws Exception {
        PageDecoration decoration = new PageDecoration(PageServer.settings("implant.sample-rate", "1"),
                ImplantRules.builtIn(), ApprovedContent.NONE, CLOCK);
        HttpServlet page = PageDecoratorTest.servlet((rq, rs) -> {
            rs.setContentType("text/html;charset=UTF-8");
            rs.getWriter().write(ImplantScannerTest.fixture("planted.html"));
        });
        try (PageServer server = new PageServer(new PageDecorator(decoration)).servlet("/*", page).start()) {
            server.get("/planted.html");
            assertThat(decoration.watch().awaitIdle(10_000)).isTrue();
            assertThat(server.get("/planted.html").getContent()).contains("fb88a.com");
        }
    }

    @Test
    void fullQueueDropsPagesInsteadOfBlockingTheRequest() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        ImplantRules slow = new ImplantRules() {
            @Override
            public boolean isGamblingHost(String host) {
                return false;
            }

            @Override
            public List<String> gamblingPhrases(String text) {
                started.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return List.of();
            }
        };
        try (ImplantWatch watch = new ImplantWatch(new ImplantScanner(slow, ApprovedContent.NONE, List.of()),
                List.of(), CLOCK, 1, 60)) {
            assertThat(watch.submit("/a", "h", "text")).isTrue();
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(watch.submit("/b", "h", "text")).isTrue();
            long before = System.nanoTime();
            assertThat(watch.submit("/c", "h", "text")).isFalse();
            assertThat(System.nanoTime() - before).isLessThan(TimeUnit.MILLISECONDS.toNanos(100));
            assertThat(watch.dropped()).isEqualTo(1);
            release.countDown();
            assertThat(watch.awaitIdle(10_000)).isTrue();
            assertThat(watch.scanned()).isEqualTo(2);
        }
    }

    @Test
    void scansPerMinuteAreCappedAndTheCapRenewsEachMinute() {
        MutableClock clock = new MutableClock(Instant.parse("2024-05-01T08:00:00Z"));
        try (ImplantWatch watch = new ImplantWatch(new ImplantScanner(ImplantRules.builtIn(), ApprovedContent.NONE, List.of()),
                List.of(), clock, 4, 3)) {
            assertThat(List.of(watch.admit(), watch.admit(), watch.admit(), watch.admit())).containsExactly(true, true, true, false);
            clock.now = clock.now.plusSeconds(60);
            assertThat(watch.admit()).isTrue();
        }
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
