package vn.schoolguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.schoolguard.api.ConfigProblem;
import vn.schoolguard.internal.site.SiteFiles;
import vn.schoolguard.testing.HostClient;
import vn.schoolguard.testing.TestSite;

/** Sites in a directory, re-read while running: a file with a problem is named and the other sites keep running. */
class SiteReloadTest {

    @TempDir
    Path dir;

    SchoolGuardConfig platform() {
        return SchoolGuardConfig.builder().environment(Map.of()).systemProperties(new Properties())
                .set("data.dir", dir.resolve("data").toString()).set("sites.dir", dir.resolve("sites").toString()).build();
    }

    void write(String name, String text) throws Exception {
        Files.createDirectories(dir.resolve("sites"));
        Files.writeString(dir.resolve("sites").resolve(name), text);
    }

    SiteTable table(SchoolGuardConfig platform, SiteTable previous) throws Exception {
        return SiteTable.build(platform, SiteFiles.read(dir.resolve("sites")), previous);
    }

    @Test
    void aBrokenFileKeepsTheSitesPreviousGoodSettingsAndNamesFileKeyAndValue() throws Exception {
        SchoolGuardConfig platform = platform();
        write("lachtray.properties", "hosts=lachtray.localhost\nemc.site-id=2851\n");
        write("ngoquyen.properties", "hosts=ngoquyen.localhost\nemc.site-id=1234\n");
        SiteTable first = table(platform, null);
        assertThat(first.problems()).isEmpty();
        SchoolGuardConfig lachtray = first.config("lachtray").orElseThrow();
        assertThat(first.siteFor("LACHTRAY.localhost.")).hasValue("lachtray");

        write("lachtray.properties", "hosts=lachtray.localhost\nemc.site-id=28x1\n");
        write("ngoquyen.properties", "hosts=ngoquyen.localhost\nemc.site-id=4321\n");
        write("hanoi.properties", "hosts=hanoi.localhost\nstore.url=jdbc:h2:/tmp/elsewhere\n");
        SiteTable second = table(platform, first);
        String file = dir.resolve("sites").resolve("lachtray.properties").toString();
        assertThat(second.problems()).extracting(ConfigProblem::key)
                .containsExactlyInAnyOrder(file + ": emc.site-id", dir.resolve("sites").resolve("hanoi.properties") + ": store.url");
        assertThat(second.problems()).filteredOn(p -> p.key().endsWith("emc.site-id")).singleElement()
                .satisfies(p -> assertThat(p.value()).isEqualTo("28x1"));
        assertThat(second.config("lachtray")).containsSame(lachtray);
        assertThat(second.siteFor("lachtray.localhost")).hasValue("lachtray");
        assertThat(second.config("ngoquyen").orElseThrow().inject().emc().siteId()).hasValue("4321");
        assertThat(second.config("hanoi")).isEmpty();
        assertThat(second.siteFor("hanoi.localhost")).hasValue("default");

        Files.delete(dir.resolve("sites").resolve("lachtray.properties"));
        assertThat(table(platform, second).config("lachtray")).isEmpty();
    }

    @Test
    void aNewSiteFileIsServedWithoutARestartAndABrokenOneLeavesTheOthersRunning() throws Exception {
        write("a.properties", "hosts=a.school.test\nemc.site-id=1111\n");
        try (TestSite site = new TestSite(dir.resolve("data"), Map.of("sites.dir", dir.resolve("sites").toString(),
                "sites.reload-interval", "1s", "emc.site-id", "9999"))) {
            site.pages.put("/news", new TestSite.Served("<html><body>tin</body></html>", Map.of()));
            HostClient http = new HostClient(site.port());
            assertThat(http.get("a.school.test", "/school/news").body()).contains("'setSiteId','1111'");
            assertThat(http.get("b.school.test", "/school/news").body()).contains("'setSiteId','9999'");

            write("b.properties", "hosts=b.school.test\nemc.site-id=2222\n");
            eventually(() -> http.get("b.school.test", "/school/news").body().contains("'setSiteId','2222'"));

            write("a.properties", "hosts=a.school.test\nemc.site-id=not-a-number\n");
            write("b.properties", "hosts=b.school.test\nemc.site-id=2223\n");
            eventually(() -> http.get("b.school.test", "/school/news").body().contains("'setSiteId','2223'"));
            assertThat(http.get("a.school.test", "/school/news").body()).contains("'setSiteId','1111'");
        }
    }

    private static void eventually(ThrowingCheck check) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!check.ok()) {
            assertThat(System.nanoTime()).as("the sites directory was re-read within 20 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @FunctionalInterface
    interface ThrowingCheck {
        boolean ok() throws Exception;
    }
}
