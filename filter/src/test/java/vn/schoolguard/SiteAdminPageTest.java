package vn.schoolguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.schoolguard.testing.HostClient;
import vn.schoolguard.testing.HostClient.Answer;
import vn.schoolguard.testing.TestSite;

/** The platform admin adds a site from the console: re-authenticated, CSRF-guarded, validated before the file is written. */
class SiteAdminPageTest {

    @TempDir
    Path dir;
    TestSite site;
    HostClient http;
    String cookie;

    @BeforeEach
    void start() throws Exception {
        Map<String, String> settings = new LinkedHashMap<>(MultiSiteIsolationTest.twoSchools());
        settings.put("sites.dir", dir.resolve("sites").toString());
        site = new TestSite(dir.resolve("data"), settings);
        site.pages.put("/news", new TestSite.Served("<html><body>tin</body></html>", Map.of()));
        http = new HostClient(site.port());
        Answer login = http.postForm("127.0.0.1", "/school/_schoolguard/login", Map.of("username", "boss", "password", TestSite.PASSWORD));
        assertThat(login.status()).isEqualTo(303);
        cookie = login.cookie().orElseThrow();
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    String csrf() throws Exception {
        Answer page = http.get("127.0.0.1", "/school/_schoolguard/sites", "Cookie", cookie);
        assertThat(page.status()).isEqualTo(200);
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    Answer add(String key, String settings, String password) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf());
        form.put("key", key);
        form.put("settings", settings);
        if (password != null) {
            form.put("current_password", password);
        }
        return http.postForm("127.0.0.1", "/school/_schoolguard/sites", form, "Cookie", cookie);
    }

    @Test
    void aValidSiteIsWrittenAndServedAtOnce() throws Exception {
        Answer added = add("lachtray", "hosts=lachtray.test\nemc.site-id=2851\naccounts.seed=mod-l:moderator\n", TestSite.PASSWORD);
        assertThat(added.status()).as(added.body()).isEqualTo(303);
        assertThat(Files.readString(dir.resolve("sites/lachtray.properties"))).contains("emc.site-id=2851");
        assertThat(http.get("lachtray.test", "/school/news").body()).contains("'setSiteId','2851'");
        assertThat(http.get("127.0.0.1", "/school/_schoolguard/sites", "Cookie", cookie).body()).contains("lachtray.test");
    }

    @Test
    void badSettingsAreRefusedWithEveryProblemAndNothingIsWritten() throws Exception {
        Answer refused = add("lachtray", "hosts=a.school.test\nemc.site-id=<script>\nstore.url=jdbc:h2:/tmp/x\n", TestSite.PASSWORD);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("lachtray.properties: emc.site-id").contains("&lt;script&gt;")
                .doesNotContain("<script>").contains("store.url").contains("site a names it too");
        assertThat(dir.resolve("sites/lachtray.properties")).doesNotExist();
        assertThat(add("key", "hosts=k.test\n", TestSite.PASSWORD).status()).isEqualTo(400);
        assertThat(add("../evil", "hosts=k.test\n", TestSite.PASSWORD).status()).isEqualTo(400);
        assertThat(add("a", "hosts=k.test\n", TestSite.PASSWORD).status()).isEqualTo(400);
        assertThat(Files.exists(dir.resolve("sites")) ? Files.list(dir.resolve("sites")).count() : 0).isZero();
    }

    @Test
    void addingASiteAsksForTheAdminsPasswordAgain() throws Exception {
        assertThat(add("lachtray", "hosts=lachtray.test\n", null).status()).isIn(400, 403);
        assertThat(add("lachtray", "hosts=lachtray.test\n", "wrong-password").status()).isIn(400, 403);
        assertThat(dir.resolve("sites/lachtray.properties")).doesNotExist();
    }

    @Test
    void theSitesPageExistsOnThePlatformsOwnSiteOnly() throws Exception {
        settingsAdminOfA();
        Answer login = http.postForm(MultiSiteIsolationTest.A, "/school/_schoolguard/login",
                Map.of("username", "admin-a", "password", TestSite.PASSWORD));
        String cookieA = login.cookie().orElseThrow();
        assertThat(http.get(MultiSiteIsolationTest.A, "/school/_schoolguard/sites", "Cookie", cookieA).status()).isEqualTo(404);
        assertThat(http.get("127.0.0.1", "/school/_schoolguard/sites").status()).isIn(302, 303, 401);
    }

    private void settingsAdminOfA() throws Exception {
        site.close();
        Map<String, String> settings = new LinkedHashMap<>(MultiSiteIsolationTest.twoSchools());
        settings.put("site.a.accounts.seed", "admin-a:admin");
        site = new TestSite(dir.resolve("data"), settings);
        http = new HostClient(site.port());
    }
}
