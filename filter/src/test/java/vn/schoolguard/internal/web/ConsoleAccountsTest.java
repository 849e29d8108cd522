package vn.schoolguard.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.schoolguard.testing.RunningSite;
import vn.schoolguard.testing.TestSite;
import vn.schoolguard.internal.web.ConsolePagesTest.Browser;

class ConsoleAccountsTest {

    private static final String ME = "current_password";

    @RegisterExtension
    final RunningSite running = RunningSite.with(Map.of());

    @Test
    void adminCreatesAnAccountThatCanThenSignInWithItsRoles() throws Exception {
        Browser admin = Browser.signedIn(running.site(), "boss");
        String page = admin.get("/accounts").body();
        assertThat(page).contains("<strong>mod</strong>", "<strong>inv</strong>", "<strong>boss</strong>")
                .doesNotContain("pbkdf2", "$210000$");
        HttpResponse<String> created = admin.post("/accounts", "_csrf", admin.csrf(), "username", "thu.ha",
                "password", "mat-khau-moi-1", "roles", "moderator", ME, TestSite.PASSWORD);
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.headers().firstValue("Location")).hasValue("/school/_schoolguard/accounts?done=account-created");
        assertThat(admin.follow(created).body()).contains("Đã tạo tài khoản.", "<strong>thu.ha</strong>");

        Browser newcomer = Browser.signedIn(running.site(), "thu.ha", "mat-khau-moi-1");
        assertThat(newcomer.get("/queue").body()).contains("id=\"who-name\">thu.ha<", "kiểm duyệt viên");
        assertThat(newcomer.get("/accounts").statusCode()).isEqualTo(403);
    }

    @Test
    void invalidNewAccountIsRefusedWithMessagesNamingTheValues() throws Exception {
        Browser admin = Browser.signedIn(running.site(), "boss");
        admin.get("/accounts");
        HttpResponse<String> refused = admin.post("/accounts", "_csrf", admin.csrf(), "username", "Thu Ha!",
                "password", "short", "roles", "superuser", ME, TestSite.PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Tên đăng nhập “thu ha!” không hợp lệ", "mật khẩu đã nhập có 5 ký tự",
                "Vai trò: “superuser” không hợp lệ").doesNotContain("value=\"short\"");
        HttpResponse<String> duplicate = admin.post("/accounts", "_csrf", admin.csrf(), "username", "mod",
                "password", "long-enough-1", "roles", "moderator", ME, TestSite.PASSWORD);
        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(duplicate.body()).contains("Đã có tài khoản “mod”");
        assertThat(admin.post("/accounts", "username", "x1", "password", "long-enough-1", "roles", "admin").statusCode())
                .isEqualTo(403);
    }

    @Test
    void passwordResetEndsThatAccountsSessionsAndTheNewPasswordWorks() throws Exception {
        Browser moderator = Browser.signedIn(running.site(), "mod");
        assertThat(moderator.get("/queue").statusCode()).isEqualTo(200);
        Browser admin = Browser.signedIn(running.site(), "boss");
        admin.get("/accounts");
        HttpResponse<String> reset = admin.post("/accounts/mod/password", "_csrf", admin.csrf(), "password", "mat-khau-thu-hai", ME, TestSite.PASSWORD);
        assertThat(reset.headers().firstValue("Location")).hasValue("/school/_schoolguard/accounts?done=password-reset");
        assertThat(moderator.get("/queue").statusCode()).isEqualTo(303);
        assertThat(new Browser(running.site()).post("/login", "username", "mod", "password", TestSite.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(Browser.signedIn(running.site(), "mod", "mat-khau-thu-hai").get("/queue").statusCode()).isEqualTo(200);
    }

    @Test
    void rolesChangeAndDisableTakeEffectAtOnce() throws Exception {
        Browser investigator = Browser.signedIn(running.site(), "inv");
        Browser admin = Browser.signedIn(running.site(), "boss");
        admin.get("/accounts");
        HttpResponse<String> roles = admin.post("/accounts/inv/roles", "_csrf", admin.csrf(), "roles", "investigator",
                "roles", "moderator", ME, TestSite.PASSWORD);
        assertThat(roles.headers().firstValue("Location")).hasValue("/school/_schoolguard/accounts?done=roles-changed");
        assertThat(investigator.get("/queue").body()).contains("điều tra viên, kiểm duyệt viên");

        HttpResponse<String> disabled = admin.post("/accounts/inv/disable", "_csrf", admin.csrf());
        assertThat(disabled.headers().firstValue("Location")).hasValue("/school/_schoolguard/accounts?done=account-disabled");
        assertThat(investigator.get("/queue").statusCode()).isEqualTo(303);
        assertThat(new Browser(running.site()).post("/login", "username", "inv", "password", TestSite.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(admin.get("/accounts").body()).contains("đã khoá");

        HttpResponse<String> self = admin.post("/accounts/boss/disable", "_csrf", admin.csrf());
        assertThat(self.statusCode()).isEqualTo(400);
        assertThat(self.body()).contains("Bạn không thể tự khoá tài khoản của mình");

        admin.post("/accounts/inv/enable", "_csrf", admin.csrf());
        assertThat(Browser.signedIn(running.site(), "inv").get("/queue").statusCode()).isEqualTo(200);
        assertThat(admin.post("/accounts/nobody/enable", "_csrf", admin.csrf()).statusCode()).isEqualTo(404);
    }

    @Test
    void regressionCreatingAnAdminNeedsTheAdminsOwnPasswordAndNothingChangesWithoutIt() throws Exception {
        Browser admin = Browser.signedIn(running.site(), "boss");
        admin.get("/accounts");
        for (String[] attempt : new String[][] {{}, {ME, ""}, {ME, "wrong-password-1"}, {ME, TestSite.PASSWORD + " "}}) {
            String[] pairs = new String[8 + attempt.length];
            System.arraycopy(new String[] {"_csrf", admin.csrf(), "username", "evil.admin", "password", "evil-password-1",
                    "roles", "admin"}, 0, pairs, 0, 8);
            System.arraycopy(attempt, 0, pairs, 8, attempt.length);
            HttpResponse<String> refused = admin.post("/accounts", pairs);
            assertThat(refused.statusCode()).as(String.join(",", attempt)).isEqualTo(403);
            assertThat(refused.body()).contains("nhập sai mật khẩu của chính mình nên chưa có gì thay đổi");
        }
        assertThat(admin.get("/accounts").body()).doesNotContain("evil.admin");
        assertThat(new Browser(running.site()).post("/login", "username", "evil.admin", "password", "evil-password-1").statusCode())
                .isEqualTo(401);
    }

    @Test
    void regressionRolesAndPasswordChangesNeedTheAdminsOwnPassword() throws Exception {
        Browser admin = Browser.signedIn(running.site(), "boss");
        admin.get("/accounts");
        HttpResponse<String> roles = admin.post("/accounts/mod/roles", "_csrf", admin.csrf(), "roles", "admin",
                ME, "not-my-password");
        assertThat(roles.statusCode()).isEqualTo(403);
        HttpResponse<String> password = admin.post("/accounts/mod/password", "_csrf", admin.csrf(), "password", "taken-over-1");
        assertThat(password.statusCode()).isEqualTo(403);
        assertThat(Browser.signedIn(running.site(), "mod").get("/accounts").statusCode()).as("still no admin").isEqualTo(403);
        assertThat(admin.get("/accounts").body()).contains("type=\"password\" name=\"current_password\" autocomplete=\"current-password\"");
    }

    @Test
    void guessingTheOwnPasswordInTheAccountsFormsIsThrottledLikeSignIn() throws Exception {
        Browser admin = Browser.signedIn(running.site(), "boss");
        admin.get("/accounts");
        for (int i = 0; i < 5; i++) {
            assertThat(admin.post("/accounts/mod/roles", "_csrf", admin.csrf(), "roles", "admin", ME, "guess-" + i)
                    .statusCode()).isEqualTo(403);
        }
        HttpResponse<String> limited = admin.post("/accounts/mod/roles", "_csrf", admin.csrf(), "roles", "admin",
                ME, TestSite.PASSWORD);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    }
}
