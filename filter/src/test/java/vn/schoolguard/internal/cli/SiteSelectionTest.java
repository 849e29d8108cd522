package vn.schoolguard.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.schoolguard.internal.cli.UsersCommandTest.Run;
import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.db.StoreSettings;
import vn.schoolguard.testing.TestSite;

/** The command line finds the site the filter stores under (its site.key), and verifies every site's chain. */
class SiteSelectionTest {

    @TempDir
    Path dataDir;

    private void serve(String siteKey, int posts) throws Exception {
        TestSite site = new TestSite(dataDir, Map.of("site.key", siteKey, "proxies.trusted", "127.0.0.1"));
        try {
            for (int i = 0; i < posts; i++) {
                site.postForm("/posts/1/comments", Map.of("author", "An", "content", "Xin chào " + i), "X-Forwarded-For", "113.161.72." + i);
            }
        } finally {
            site.close();
        }
    }

    private Run cli(String stdin, String... args) {
        return UsersCommandTest.run(stdin, args);
    }

    @Test
    void usersAddPutsTheAccountInTheSiteTheFilterUsesAndItSignsIn() throws Exception {
        serve("ngoquyen", 0);
        Run add = cli("Hoa-phuong-2026\n", "users", "add", "thu.ha", "--roles", "moderator", "--data-dir", dataDir.toString());
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).contains("account 'thu.ha' of site ngoquyen saved");
        TestSite site = new TestSite(dataDir, Map.of("site.key", "ngoquyen"));
        try {
            assertThat(site.get("/_schoolguard/api/submissions?status=pending", "Authorization",
                    TestSite.basic("thu.ha", "Hoa-phuong-2026")).statusCode()).isEqualTo(200);
        } finally {
            site.close();
        }
        assertThat(cli("", "users", "list", "--data-dir", dataDir.toString()).out()).contains("thu.ha").contains("mod ");
    }

    @Test
    void severalSitesRequireSiteAndTheErrorListsThem() throws Exception {
        serve("ngoquyen", 0);
        serve("lachtray", 0);
        Run list = cli("", "users", "list", "--data-dir", dataDir.toString());
        assertThat(list.code()).isEqualTo(1);
        assertThat(list.err()).contains("holds several sites (lachtray, ngoquyen); choose one with --site KEY");
        Run add = cli("Hoa-phuong-2026\n", "users", "add", "thu.ha", "--roles", "moderator", "--data-dir", dataDir.toString());
        assertThat(add.code()).isEqualTo(1);
        assertThat(add.err()).contains("lachtray, ngoquyen");
        Run chosen = cli("Hoa-phuong-2026\n", "users", "add", "thu.ha", "--roles", "moderator", "--site", "lachtray",
                "--data-dir", dataDir.toString());
        assertThat(chosen.code()).as(chosen.err()).isZero();
        assertThat(chosen.out()).contains("of site lachtray");
        Run unknown = cli("", "users", "list", "--site", "ngo-quyen", "--data-dir", dataDir.toString());
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("there is no site 'ngo-quyen'").contains("its sites: lachtray, ngoquyen");
    }

    @Test
    void iplogVerifyWithoutSiteVerifiesAndNamesEverySite() throws Exception {
        serve("ngoquyen", 3);
        serve("lachtray", 1);
        Run verify = cli("", "iplog", "verify", "--data-dir", dataDir.toString());
        assertThat(verify.code()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("site lachtray: 1 entries verified, head seq=1, OK")
                .contains("site ngoquyen: 3 entries verified, head seq=3, OK")
                .doesNotContain("empty");
        Run one = cli("", "iplog", "verify", "--site", "ngoquyen", "--data-dir", dataDir.toString());
        assertThat(one.code()).isZero();
        assertThat(one.out()).contains("site ngoquyen: 3 entries").doesNotContain("lachtray");
        Run query = cli("", "iplog", "query", "--data-dir", dataDir.toString());
        assertThat(query.code()).isEqualTo(1);
        assertThat(query.err()).contains("holds several sites (lachtray, ngoquyen)");
    }

    @Test
    void iplogVerifyFailsWhenAnySiteFailsAndStillReportsTheOthers() throws Exception {
        serve("ngoquyen", 2);
        serve("lachtray", 2);
        try (Database db = Database.open(new StoreSettings(StoreSettings.h2Url(dataDir), "sa", "", 2, Duration.ofSeconds(5)))) {
            db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE sg_iplog SET client_port = 4444 WHERE site_key = 'lachtray' AND seq = 2")) {
                    return ps.executeUpdate();
                }
            });
        }
        Run verify = cli("", "iplog", "verify", "--data-dir", dataDir.toString());
        assertThat(verify.code()).isEqualTo(3);
        assertThat(verify.out()).contains("site lachtray: FAILED at seq 2").contains("site ngoquyen: 2 entries verified, head seq=2, OK");
    }

    @Test
    void iplogVerifyOfADatabaseWithoutEntriesSaysSoAndNamesTheDatabase() throws Exception {
        serve("ngoquyen", 0);
        Run verify = cli("", "iplog", "verify", "--data-dir", dataDir.toString());
        assertThat(verify.code()).isZero();
        assertThat(verify.out().strip()).isEqualTo("no IP-log entries in " + dataDir.toAbsolutePath().resolve("schoolguard.mv.db"));
        Run started = cli("", "iplog", "verify", "--site", "ngoquyen", "--data-dir", dataDir.toString());
        assertThat(started.code()).isZero();
        assertThat(started.out()).contains("site ngoquyen: no IP-log entries yet, OK");
    }

    @Test
    void iplogVerifyOfAnUnknownSiteListsTheSitesWithEntries() throws Exception {
        serve("ngoquyen", 1);
        Run verify = cli("", "iplog", "verify", "--site", "default", "--data-dir", dataDir.toString());
        assertThat(verify.code()).isEqualTo(2);
        assertThat(verify.err()).contains("there is no site 'default'").contains("sites with IP-log entries: ngoquyen");
        assertThat(cli("", "iplog", "verify", "--data-dir", dataDir.toString()).out())
                .as("looking did not create the site").doesNotContain("default");
    }
}
