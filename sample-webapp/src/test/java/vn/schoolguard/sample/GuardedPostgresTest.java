package vn.schoolguard.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/**
 * The same end-to-end story with SchoolGuard's queue and IP log in a real (embedded) PostgreSQL instead
 * of the default H2 files, as a school running several nodes would configure it.
 */
class GuardedPostgresTest {

    private static final String PASSWORD = "mat-khau-postgres";

    @Test
    void commentIsHeldApprovedAndShownOnceWithTheQueueInPostgres() throws Exception {
        GuardedPostgres.Database database = GuardedPostgres.freshDatabase();
        try (TestSite site = GuardedPostgres.start(TestSite.options(PASSWORD), database)) {
            assertThat(System.getProperty(GuardedPostgres.URL_PROPERTY)).isNull();

            long id = GuardedModerationTest.heldApprovedShownOnce(site);

            try (Connection c = database.connect();
                 PreparedStatement s = c.prepareStatement("SELECT status, client_ip FROM sg_submissions WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet row = s.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString("status")).isEqualTo("approved");
                    assertThat(row.getString("client_ip")).isEqualTo("127.0.0.1");
                }
            }
            try (Connection c = database.connect();
                 PreparedStatement s = c.prepareStatement("SELECT count(*) FROM sg_iplog WHERE submission_id = ?")) {
                s.setLong(1, id);
                try (ResultSet row = s.executeQuery()) {
                    row.next();
                    assertThat(row.getLong(1)).isEqualTo(1);
                }
            }
            try (Stream<Path> files = Files.list(site.dataDir())) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("schoolguard"));
            }
            JsonNode logged = new GuardedApi(site).investigator().ipLogByIp("127.0.0.1");
            assertThat(logged.path("items").get(0).path("submission_id").asLong()).isEqualTo(id);
        }
    }

    @Test
    void queueInPostgresOutlivesARestartOfTheSite() {
        GuardedPostgres.Database database = GuardedPostgres.freshDatabase();
        SiteOptions options = TestSite.options(PASSWORD);
        try (TestSite first = GuardedPostgres.start(options, database)) {
            GuardedApi.receiptOf(new GuardedApi(first).postComment(2, "Trịnh Mai", "Bình luận chờ qua lần khởi động lại, mã PG-0042"));
        }
        try (TestSite second = GuardedPostgres.start(TestSite.options(PASSWORD), database)) {
            GuardedApi moderator = new GuardedApi(second).moderator();
            long id = moderator.pendingWith("PG-0042").path("id").asLong();
            assertThat(moderator.approve(id).path("status").asText()).isEqualTo("approved");
            // The second site has a fresh H2 of its own: the replay stored the comment there.
            assertThat(GuardedApi.occurrences(new GuardedApi(second).article(2), "PG-0042")).isEqualTo(1);
        }
    }
}
