package vn.schoolguard.internal.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import vn.schoolguard.api.ConfigException;
import vn.schoolguard.api.ConfigProblem;
import vn.schoolguard.internal.http.page.PageServer;

class InjectSettingsTest {

    @Test
    void defaultsAreSafeAndInsertNothingWithoutSiteIdOrPortal() {
        InjectSettings settings = PageServer.settings();
        assertThat(settings.emc().siteId()).isEmpty();
        assertThat(settings.portal().url()).isEmpty();
        assertThat(settings.emc().trackerHost()).isEqualTo("f-emc.ngsp.gov.vn");
        assertThat(settings.csp().mode()).isEqualTo("report-only");
        assertThat(settings.headers().hstsMaxAge()).isEqualTo(Duration.ofDays(365));
        assertThat(settings.portal().pages()).isEqualTo(InjectSettings.PortalPages.ALL);
        assertThat(settings.implant().sampleRate()).isEqualTo(0.05);
    }

    @Test
    void everyKeyIsRead() {
        InjectSettings settings = PageServer.settings("emc.site-id", "123", "emc.tracker-host", "emc.example.vn",
                "emc.fallback-label", "Đã kết nối EMC", "portal.url", "https://haiphong.edu.vn/", "portal.label", "Sở GD",
                "portal.title", "Cổng Sở", "portal.position", "placeholder", "portal.pages", "home",
                "portal.home-paths", "/,/index.jsp", "badge.tnm.image", "https://tinnhiemmang.vn/badge.png",
                "badge.tnm.url", "https://tinnhiemmang.vn/", "badge.tnm.alt", "Chứng nhận Tín nhiệm mạng",
                "headers.frame-options", "deny", "headers.referrer-policy", "off", "headers.hsts-max-age", "30d",
                "csp.mode", "enforce", "csp.policy", "script-src 'self' {emc}", "implant.sample-rate", "0.5",
                "implant.allowed-hosts", "partner.example", "inject.hold-limit", "4KB");
        assertThat(settings.emc().siteId()).contains("123");
        assertThat(settings.portal().title()).isEqualTo("Cổng Sở");
        assertThat(settings.portal().position()).isEqualTo(InjectSettings.PortalPosition.PLACEHOLDER);
        assertThat(settings.portal().homePaths()).containsExactly("/", "/index.jsp");
        assertThat(settings.badges()).singleElement().satisfies(b -> {
            assertThat(b.image()).isEqualTo(URI.create("https://tinnhiemmang.vn/badge.png"));
            assertThat(b.alt()).isEqualTo("Chứng nhận Tín nhiệm mạng");
        });
        assertThat(settings.headers().frameOptions()).contains("DENY");
        assertThat(settings.headers().referrerPolicy()).isEmpty();
        assertThat(settings.holdLimit()).isEqualTo(4096);
        assertThat(SecurityHeaders.of(settings).contentSecurityPolicy()).isEqualTo("script-src 'self' https://emc.example.vn");
    }

    @Test
    void badValuesAreAllReportedWithKeyValueAndExpectation() {
        assertThatThrownBy(() -> PageServer.settings("emc.site-id", "abc", "emc.tracker-host", "not a host",
                "portal.pages", "some", "badge.tnm.url", "https://tinnhiemmang.vn/", "csp.mode", "strict",
                "headers.permissions-policy", "camera=(ô)", "badge.tnm.colour", "red"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::message).containsExactlyInAnyOrder(
                                "setting 'emc.site-id' has invalid value 'abc': expected the numeric site ID given by the EMC operator",
                                "setting 'emc.tracker-host' has invalid value 'not a host': expected a host name such as f-emc.ngsp.gov.vn",
                                "setting 'portal.pages' has invalid value 'some': expected one of all, home",
                                "setting 'badge.tnm.image' is missing: expected the badge image's absolute http(s) URL",
                                "setting 'badge.tnm.alt' is missing: expected the text that describes the badge image (alt text)",
                                "setting 'csp.mode' has invalid value 'strict': expected one of report-only, enforce, off",
                                "setting 'headers.permissions-policy' has invalid value 'camera=(ô)': expected printable ASCII text (a header value), or off",
                                "setting 'badge.tnm.colour' is not known (value 'red'): check its spelling; every key is listed in docs/en/configuration.md"));
    }
}
