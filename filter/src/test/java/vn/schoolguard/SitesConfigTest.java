package vn.schoolguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.schoolguard.api.ConfigException;
import vn.schoolguard.api.ConfigProblem;
import vn.schoolguard.internal.site.SiteFiles;
import vn.schoolguard.internal.site.SiteOverlay;

/** Sites as settings: an overlay per site, validated like the shared settings, every problem named with its site. */
class SitesConfigTest {

    @TempDir
    Path dir;

    static SchoolGuardConfig.Builder builder() {
        return SchoolGuardConfig.builder().environment(Map.of()).systemProperties(new Properties());
    }

    @Test
    void aSitesSectionOverlaysTheSharedSettings() {
        SchoolGuardConfig platform = builder().set("data.dir", dir.toString()).set("emc.site-id", "1")
                .set("ratelimit.per-ip", "5/1m").set("site.ngoquyen.hosts", "ngoquyen.localhost, ngoquyen.*.edu.vn")
                .set("site.ngoquyen.emc.site-id", "2").set("site.ngoquyen.portal.url", "https://haiphong.edu.vn/")
                .set("site.ngoquyen.accounts.seed", "moderator-ngoquyen:moderator").set("accounts.seed-password", "demo-password-1").set("site.zone", "Asia/Bangkok").build();
        SiteOverlay overlay = platform.sites().overlays().get(0);
        SchoolGuardConfig site = SiteConfigs.forSite(platform, overlay);
        assertThat(site.siteKey()).isEqualTo("ngoquyen");
        assertThat(site.inject().emc().siteId()).hasValue("2");
        assertThat(platform.inject().emc().siteId()).hasValue("1");
        assertThat(site.dataDir()).isEqualTo(platform.dataDir());
        assertThat(site.ipLog().zone()).isEqualTo(platform.ipLog().zone());
        assertThat(site.rateLimit()).isEqualTo(platform.rateLimit());
        assertThat(site.console().seedAccounts()).containsOnlyKeys("moderator-ngoquyen");
        assertThat(site.sites().overlays()).isEmpty();
    }

    /** All sites are fetched through one shared address: without its own Host, every site checked the default's page. */
    @Test
    void regressionEachSitesHomePageSelfCheckAsksForItsOwnHostUnlessTheSiteSaysOtherwise() {
        SchoolGuardConfig platform = builder().set("data.dir", dir.toString()).set("replay.base-url", "http://127.0.0.1:8080")
                .set("site.lachtray.hosts", "*.lachtray.edu.vn, lachtray.localhost")
                .set("site.ngoquyen.hosts", "ngoquyen.localhost").set("site.ngoquyen.selfcheck.host", "thpt-ngoquyen.edu.vn")
                .build();
        Map<String, SchoolGuardConfig> sites = new java.util.HashMap<>();
        platform.sites().overlays().forEach(o -> sites.put(o.key(), SiteConfigs.forSite(platform, o)));
        assertThat(sites.get("lachtray").alerts().selfCheck().host()).hasValue("lachtray.localhost");
        assertThat(sites.get("ngoquyen").alerts().selfCheck().host()).hasValue("thpt-ngoquyen.edu.vn");
        assertThat(platform.alerts().selfCheck().host()).isEmpty();
    }

    @Test
    void everyProblemOfEverySiteIsReportedWithItsPrefixKeyValueAndExpectation() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> builder()
                .set("site.a.emc.site-id", "abc").set("site.a.ratelimit.per-ip", "lots")
                .set("site.b.store.url", "jdbc:h2:/tmp/other").set("site.b.data.dir", "/tmp/x").set("site.b.replay.mode", "forward")
                .set("site.b.emc.sitid", "3").set("site.c.hosts", "*, ok.test")
                .set("site.key.hosts", "x.test").set("site.Bad_Name.emc.site-id", "1").build());
        assertThat(e.problems()).extracting(ConfigProblem::key).contains("site.a.emc.site-id", "site.a.ratelimit.per-ip",
                "site.b.store.url", "site.b.data.dir", "site.b.replay.mode", "site.b.emc.sitid", "site.c.hosts",
                "site.key.hosts", "site.Bad_Name.emc.site-id");
        assertThat(e.problems()).filteredOn(p -> p.key().equals("site.b.store.url")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("jdbc:h2:/tmp/other").contains("whole platform"));
        assertThat(e.problems()).filteredOn(p -> p.key().equals("site.a.emc.site-id")).singleElement()
                .satisfies(p -> assertThat(p.value()).isEqualTo("abc"));
        assertThat(e.problems()).filteredOn(p -> p.key().equals("site.b.emc.sitid")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("is not known"));
        assertThat(e.getMessage()).contains("site.c.hosts").contains("'*'");
    }

    @Test
    void aHostTwoSitesClaimAndAnUnknownDefaultSiteAreProblems() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> builder()
                .set("site.a.hosts", "same.test").set("site.b.hosts", "same.test").set("sites.default", "c").build());
        assertThat(e.problems()).extracting(ConfigProblem::key).containsExactlyInAnyOrder("site.b.hosts", "sites.default");
    }

    @Test
    void aSiteFileIsAnOverlayWithoutThePrefixAndItsProblemsNameTheFile() throws Exception {
        Files.writeString(dir.resolve("lachtray.properties"), "hosts=lachtray.localhost\nemc.site-id=12x\nstore.url=jdbc:h2:/x\n");
        Files.writeString(dir.resolve("key.properties"), "hosts=k.test\n");
        List<SiteOverlay> files = SiteFiles.read(dir);
        assertThat(files).extracting(SiteOverlay::key).containsExactly("key", "lachtray");
        SchoolGuardConfig platform = builder().set("data.dir", dir.resolve("data").toString()).build();
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> SiteConfigs.forSite(platform, files.get(1)));
        String file = dir.resolve("lachtray.properties").toString();
        assertThat(e.problems()).extracting(ConfigProblem::key).containsExactlyInAnyOrder(file + ": store.url", file + ": emc.site-id");
        assertThat(files.get(0).problems()).singleElement().satisfies(p -> assertThat(p.key()).endsWith("key.properties: file name"));
    }

    @Test
    void aSingleSiteDeploymentHasNoSites() {
        SchoolGuardConfig config = builder().build();
        assertThat(config.sites().single()).isTrue();
        assertThat(config.sites().defaultSite()).hasValue("default");
    }
}
