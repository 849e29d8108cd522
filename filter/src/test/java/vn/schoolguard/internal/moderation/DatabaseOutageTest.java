package vn.schoolguard.internal.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import vn.schoolguard.testing.TestSite;

/** When the database goes away, submissions get 503 and nothing reaches the application. */
class DatabaseOutageTest {

    @TempDir
    Path dataDir;

    @Test
    void submissionsGet503AndNothingIsPassedOnWhileTheDatabaseIsDown() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        TestSite site;
        try {
            site = new TestSite(dataDir, Map.of("store.url", postgres.getJdbcUrl("postgres", "postgres"),
                    "store.user", "postgres", "store.connect-timeout", "1s"));
            assertThat(site.postForm("/posts/1/comments", Map.of("content", "trước sự cố")).statusCode()).isEqualTo(303);
        } finally {
            postgres.close();
        }
        try {
            HttpResponse<String> refused = site.postForm("/posts/1/comments", Map.of("content", "trong sự cố"));
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.body()).contains("Chưa có gì được đăng");
            HttpResponse<String> json = site.post("/posts/1/comments", "application/json", "{\"content\":\"x\"}",
                    "Accept", "application/json");
            assertThat(json.statusCode()).isEqualTo(503);
            assertThat(site.stored).isEmpty();
            assertThat(site.get("/posts/1").body()).doesNotContain("sự cố");
            HttpResponse<String> api = site.get("/_schoolguard/api/submissions", "Authorization", TestSite.basic("mod", TestSite.PASSWORD));
            assertThat(api.statusCode()).isEqualTo(503);
        } finally {
            site.close();
        }
    }
}
