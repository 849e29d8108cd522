package vn.schoolguard.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GuardWiringTest {

    private static final SiteOptions OPTIONS = SiteOptions.defaults().withDataDir(Path.of("/srv/truong/data"))
            .withDemoPassword("mat-khau-demo").withEmcSiteId(2468).withParentPortal("https://haiphong.edu.vn/");

    @Test
    void initParametersFollowTheSampleContract() {
        Map<String, String> params = GuardWiring.initParameters(OPTIONS);

        assertThat(params).containsExactly(
                entry("data.dir", "/srv/truong/data"),
                entry("emc.site-id", "2468"),
                entry("portal.url", "https://haiphong.edu.vn/"),
                entry("accounts.seed", "moderator:moderator, moderator-ngoquyen:moderator, investigator:investigator, admin:admin, department:department"),
                entry("accounts.seed-password", "mat-khau-demo"),
                entry("accounts.seed-mode", "reset"),
                entry("route.comments.match", "POST /news/*/comments"),
                entry("route.comments.label", "Bình luận tin tức"),
                entry("route.comments.fields", "author:author, email:email, content:html"),
                entry("route.guestbook.match", "POST /guestbook"),
                entry("route.guestbook.label", "Sổ lưu bút"),
                entry("route.guestbook.fields", "name:author, message:text"),
                entry("site.default.hosts", "ngoquyen.localhost"),
                entry("site.lachtray.hosts", "lachtray.localhost"),
                entry("site.lachtray.emc.site-id", "2851"),
                entry("site.lachtray.portal.url", "https://pgdngoquyen.haiphong.edu.vn/"),
                entry("site.lachtray.portal.label", "Phòng GD&ĐT quận Ngô Quyền"),
                entry("site.lachtray.accounts.seed", "moderator-lachtray:moderator"));
    }

    @Test
    void trustedProxiesArePassedOnlyWhenGiven() {
        assertThat(GuardWiring.initParameters(OPTIONS.withTrustedProxies("10.0.0.0/8,127.0.0.1")))
                .containsEntry("proxies.trusted", "10.0.0.0/8,127.0.0.1");
        assertThat(GuardWiring.initParameters(OPTIONS.withTrustedProxies("  "))).doesNotContainKey("proxies.trusted");
    }

    @Test
    void relativeDataDirectoryIsPassedAsAbsolutePath() {
        assertThat(GuardWiring.initParameters(OPTIONS.withDataDir(Path.of("data"))).get("data.dir"))
                .isEqualTo(Path.of("data").toAbsolutePath().toString());
    }
}
