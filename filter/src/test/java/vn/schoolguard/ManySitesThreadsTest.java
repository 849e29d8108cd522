package vn.schoolguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.schoolguard.testing.HostClient;
import vn.schoolguard.testing.TestSite;

/** Many sites served at once share SchoolGuard's threads: forty schools with pages watched are not forty thread pools. */
class ManySitesThreadsTest {

    static final int SITES = 40;

    @TempDir
    Path dataDir;

    @Test
    void fortySitesServingPagesAndPostsUseAHandfulOfThreads() throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("emc.site-id", "1");
        settings.put("implant.sample-rate", "1");
        for (int i = 0; i < SITES; i++) {
            settings.put("site.s" + i + ".hosts", "s" + i + ".school.test");
            settings.put("site.s" + i + ".emc.site-id", Integer.toString(100 + i));
        }
        long before = schoolGuardThreads();
        try (TestSite site = new TestSite(dataDir, settings)) {
            site.pages.put("/news", new TestSite.Served("<html><body><p>Tin tức nhà trường</p></body></html>", Map.of()));
            HostClient http = new HostClient(site.port());
            for (int i = 0; i < SITES; i++) {
                assertThat(http.get("s" + i + ".school.test", "/school/news").body()).contains("'setSiteId','" + (100 + i) + "'");
                assertThat(http.postForm("s" + i + ".school.test", "/school/posts/1/comments",
                        Map.of("author", "An", "content", "Bình luận " + i)).status()).isEqualTo(303);
            }
            // One thread of each kind for all forty sites (housekeeping, the page watches, the bucket store...), none per site.
            java.util.List<String> names = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                    .filter(n -> n.startsWith("schoolguard")).sorted().toList();
            assertThat(names).as("threads named schoolguard-*").doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(8);
            assertThat(schoolGuardThreads() - before).isLessThanOrEqualTo(8);
        }
    }

    private static long schoolGuardThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("schoolguard")).count();
    }
}
