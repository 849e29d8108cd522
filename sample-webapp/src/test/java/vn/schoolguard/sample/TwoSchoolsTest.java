package vn.schoolguard.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sample's two demo schools on one port, by host name (sample contract): own EMC ID, portal and moderators. */
class TwoSchoolsTest {

    static TestSite site;
    static HostHttp ngoquyen;
    static HostHttp lachtray;
    static HostHttp loopback;

    @BeforeAll
    static void start() {
        site = TestSite.guarded(TestSite.DEFAULT_PASSWORD);
        int port = site.baseUri().getPort();
        ngoquyen = new HostHttp(port, "ngoquyen.localhost");
        lachtray = new HostHttp(port, "lachtray.localhost");
        loopback = new HostHttp(port, "127.0.0.1");
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static String basic(String user) {
        return SiteHttp.basicAuth(user, TestSite.DEFAULT_PASSWORD);
    }

    static HostHttp.Answer comment(HostHttp school, String content) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("author", "Phụ huynh");
        fields.put("email", "");
        fields.put("content", content);
        return school.postForm("/news/1/comments", fields);
    }

    static String queue(HostHttp school, String user) {
        HostHttp.Answer answer = school.get("/_schoolguard/api/submissions?status=pending", "Authorization", basic(user));
        assertThat(answer.status()).as(user + ": " + answer.body()).isEqualTo(200);
        return answer.body();
    }

    @Test
    void eachSchoolsPagesCarryItsOwnEmcIdAndParentPortal() {
        String home = ngoquyen.get("/").body();
        String other = lachtray.get("/news/1").body();
        assertThat(home).contains("'setSiteId','" + SiteOptions.DEFAULT_EMC_SITE_ID + "'")
                .contains("href=\"" + SiteOptions.DEFAULT_PARENT_PORTAL + "\"").doesNotContain(GuardWiring.LACHTRAY_PORTAL);
        assertThat(other).contains("'setSiteId','" + GuardWiring.LACHTRAY_EMC_SITE_ID + "'")
                .contains("href=\"" + GuardWiring.LACHTRAY_PORTAL + "\"").contains("title=\"Ph&#242;ng GD&amp;&#272;T qu&#7853;n Ng&#244; Quy&#7873;n\"");
        assertThat(loopback.get("/").body()).contains("'setSiteId','" + SiteOptions.DEFAULT_EMC_SITE_ID + "'");
    }

    @Test
    void eachModeratorSeesOnlyTheirSchoolsQueue() {
        assertThat(comment(ngoquyen, "Góp ý gửi trường Ngô Quyền").status()).isEqualTo(303);
        assertThat(comment(lachtray, "Góp ý gửi trường Lạch Tray").status()).isEqualTo(303);

        assertThat(queue(ngoquyen, "moderator-ngoquyen")).contains("Ngô Quyền").doesNotContain("Lạch Tray");
        assertThat(queue(ngoquyen, "moderator")).contains("Ngô Quyền").doesNotContain("Lạch Tray");
        assertThat(queue(loopback, "moderator")).contains("Ngô Quyền").doesNotContain("Lạch Tray");
        assertThat(queue(lachtray, "moderator-lachtray")).contains("Lạch Tray").doesNotContain("Ngô Quyền");

        assertThat(lachtray.get("/_schoolguard/api/submissions?status=pending", "Authorization", basic("moderator")).status())
                .isEqualTo(401);
        assertThat(ngoquyen.get("/_schoolguard/api/submissions?status=pending", "Authorization", basic("moderator-lachtray"))
                .status()).isEqualTo(401);
    }

    @Test
    void aReceiptOfOneSchoolIsNotFoundAtTheOther() {
        HostHttp.Answer held = comment(lachtray, "Câu hỏi về lịch học");
        String receipt = held.header("Location");
        assertThat(lachtray.get(receipt).status()).isEqualTo(200);
        assertThat(ngoquyen.get(receipt).status()).isEqualTo(404);
    }
}
