package vn.schoolguard.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

class GuardedSiteTest {

    @Test
    void guardedSiteStartsAndServesTheHomePage() {
        try (TestSite site = TestSite.guarded("mat-khau-kiem-thu")) {
            HttpResponse<String> home = site.http().get("/");

            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("Trường THPT Ngô Quyền", "Lịch thi học kỳ I năm học 2026–2027");
            assertThat(site.site().consoleUri()).hasValue(URI.create("http://127.0.0.1:" + site.site().port() + "/_schoolguard/"));
            assertThat(site.http().get("/guestbook").body()).contains(SiteText.MODERATION_NOTE);
        }
    }

    @Test
    void siteWithoutGuardHasNoConsole() {
        try (TestSite site = TestSite.noGuard()) {
            assertThat(site.site().consoleUri()).isEmpty();
        }
    }

    @Test
    void configurationSchoolGuardRejectsStopsTheStartWithItsMessage() {
        SiteOptions options = TestSite.options("ngan");
        try {
            assertThatThrownBy(() -> SampleSite.start(options))
                    .satisfies(e -> assertThat(causeChain(e)).contains("accounts.seed-password"));
        } finally {
            TestSite.deleteTree(options.dataDir());
        }
    }

    private static String causeChain(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }
}
