package vn.schoolguard.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.schoolguard.internal.store.JdbcAccountStore;
import vn.schoolguard.internal.account.AccountStore;
import vn.schoolguard.internal.account.PasswordHasher;
import vn.schoolguard.internal.account.PasswordPolicy;
import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.db.StoreSettings;

class UsersCommandTest {

    @TempDir
    Path dataDir;

    record Run(int code, String out, String err) {
    }

    /** A terminal that answers the prompts from a script and remembers them. */
    static final class ScriptedTerminal implements CliContext.Terminal {
        final Deque<String> answers;
        final List<String> prompts = new ArrayList<>();

        ScriptedTerminal(String... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public char[] readPassword(String prompt) {
            prompts.add(prompt);
            return answers.isEmpty() ? null : answers.pop().toCharArray();
        }
    }

    static Run run(CliContext context, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SchoolGuardCli.run(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** No terminal: standard input is a pipe, as under cron, ssh without a tty, or a script. */
    static Run run(String stdin, String... args) {
        return run(new CliContext(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null, name -> null), args);
    }

    static Run runAtTerminal(ScriptedTerminal terminal, String... args) {
        return run(new CliContext(new ByteArrayInputStream(new byte[0]), terminal, name -> null), args);
    }

    boolean signsIn(String name, String password) {
        try (Database db = Database.open(new StoreSettings(StoreSettings.h2Url(dataDir), "sa", "", 2, java.time.Duration.ofSeconds(5)))) {
            return new JdbcAccountStore(db, "default").find(name)
                    .map(a -> new PasswordHasher().matches(password, a.passwordHash())).orElse(false);
        }
    }

    @Test
    void accountsCanBeAddedListedChangedAndDisabled() {
        String dir = dataDir.toString();
        assertThat(run("mat-khau-rat-dai\n", "users", "add", "thu.ha", "--roles", "moderator,investigator", "--password-stdin",
                "--data-dir", dir).code()).isZero();
        assertThat(run("", "users", "list", "--data-dir", dir).out()).contains("thu.ha").contains("moderator").contains("active");
        assertThat(run("", "users", "roles", "thu.ha", "admin", "--data-dir", dir).code()).isZero();
        assertThat(run("", "users", "disable", "thu.ha", "--data-dir", dir).code()).isZero();
        assertThat(run("", "users", "list", "--data-dir", dir).out()).contains("admin").contains("disabled");
    }

    @Test
    void readmeUsersAddPromptsTwiceAtATerminalAndTheAccountSignsIn() {
        ScriptedTerminal terminal = new ScriptedTerminal("Hoa-phuong-2026", "Hoa-phuong-2026");
        Run add = runAtTerminal(terminal, "users", "add", "thu.ha", "--roles", "moderator", "--data-dir", dataDir.toString());
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(terminal.prompts).hasSize(2);
        assertThat(terminal.prompts.get(0)).contains("Password").contains("at least 8 characters");
        assertThat(add.out()).contains("account 'thu.ha' of site default saved with roles moderator");
        assertThat(add.out() + add.err()).doesNotContain("Hoa-phuong-2026");
        assertThat(signsIn("thu.ha", "Hoa-phuong-2026")).isTrue();
    }

    @Test
    void twoDifferentPasswordsAtTheTerminalChangeNothing() {
        Run add = runAtTerminal(new ScriptedTerminal("Hoa-phuong-2026", "Hoa-phuong-2025"),
                "users", "add", "thu.ha", "--roles", "moderator", "--data-dir", dataDir.toString());
        assertThat(add.code()).isEqualTo(2);
        assertThat(add.err()).contains("the two passwords differ; nothing was changed");
        assertThat(signsIn("thu.ha", "Hoa-phuong-2026")).isFalse();
        Run ended = runAtTerminal(new ScriptedTerminal(), "users", "add", "thu.ha", "--roles", "moderator",
                "--data-dir", dataDir.toString());
        assertThat(ended.code()).isEqualTo(2);
        assertThat(ended.err()).contains("no password typed");
    }

    @Test
    void withoutATerminalOneLineOfStandardInputIsThePassword() {
        Run add = run("Hoa-phuong-2026\r\nsecond line\n", "users", "add", "thu.ha", "--roles", "moderator",
                "--data-dir", dataDir.toString());
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.err()).contains("no terminal; reading the password from the first line of standard input");
        assertThat(signsIn("thu.ha", "Hoa-phuong-2026")).isTrue();
        Run quiet = run("Bang-lang-2026\n", "users", "passwd", "thu.ha", "--password-stdin", "--data-dir", dataDir.toString());
        assertThat(quiet.code()).as(quiet.err()).isZero();
        assertThat(quiet.err()).doesNotContain("no terminal");
        assertThat(signsIn("thu.ha", "Bang-lang-2026")).isTrue();
    }

    @Test
    void passwdPromptsAtTheTerminalAndAsksNothingForAnUnknownAccount() {
        run("Hoa-phuong-2026\n", "users", "add", "thu.ha", "--roles", "moderator", "--data-dir", dataDir.toString());
        ScriptedTerminal terminal = new ScriptedTerminal("Bang-lang-2026", "Bang-lang-2026");
        Run passwd = runAtTerminal(terminal, "users", "passwd", "thu.ha", "--data-dir", dataDir.toString());
        assertThat(passwd.code()).as(passwd.err()).isZero();
        assertThat(signsIn("thu.ha", "Bang-lang-2026")).isTrue();
        ScriptedTerminal unused = new ScriptedTerminal("Bang-lang-2026", "Bang-lang-2026");
        Run nobody = runAtTerminal(unused, "users", "passwd", "nobody", "--data-dir", dataDir.toString());
        assertThat(nobody.code()).isEqualTo(1);
        assertThat(nobody.err()).contains("there is no account 'nobody'");
        assertThat(unused.prompts).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] stdin ''{0}''")
    @CsvSource(delimiter = '|', value = {
            "''                | standard input ended before a line",
            "'\\n'              | the password is empty; a console password needs at least 8 characters",
            "'\\r\\n'            | the password is empty",
            "'1234567\\n'       | needs at least 8 characters, this one has 7",
            "'Hoà bình\\n'      | this one has 8",
    })
    void emptyOrShortPasswordsAreRefusedNamingTheMinimum(String written, String message) {
        String stdin = written.replace("\\r", "\r").replace("\\n", "\n");
        Run add = run(stdin, "users", "add", "an", "--roles", "moderator", "--password-stdin", "--data-dir", dataDir.toString());
        if (message.equals("this one has 8")) {
            assertThat(add.code()).as("eight characters, one of them with a tone mark, are enough").isZero();
            return;
        }
        assertThat(add.code()).isEqualTo(2);
        assertThat(add.err()).contains(message);
        assertThat(signsIn("an", stdin.strip())).isFalse();
    }

    @Test
    void oneMinimumLengthForTheCommandLineTheConsoleAndSeededAccounts() {
        assertThat(PasswordPolicy.MIN_LENGTH).isEqualTo(8);
        assertThat(run("12345678\n", "users", "add", "an", "--roles", "moderator", "--data-dir", dataDir.toString()).code()).isZero();
        assertThat(run("1234567\n", "users", "add", "an", "--roles", "moderator", "--data-dir", dataDir.toString()).code()).isEqualTo(2);
        assertThat(vn.schoolguard.SchoolGuardConfig.builder().set("data.dir", dataDir.toString())
                .set("accounts.seed", "admin:admin").set("accounts.seed-password", "12345678").build().console().seedPassword())
                .isEqualTo("12345678");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> vn.schoolguard.SchoolGuardConfig.builder()
                        .set("data.dir", dataDir.toString()).set("accounts.seed", "admin:admin")
                        .set("accounts.seed-password", "1234567").build())
                .hasMessageContaining("accounts.seed-password").hasMessageContaining("8 to 200 characters");
    }

    @Test
    void aPasswordIsNeverTakenFromAnArgumentValue() {
        String dir = dataDir.toString();
        Run positional = run("", "users", "add", "thu.ha", "Hoa-phuong-2026", "--roles", "moderator", "--data-dir", dir);
        assertThat(positional.code()).isEqualTo(2);
        assertThat(positional.err()).contains("Unmatched argument");
        Run option = run("", "users", "add", "thu.ha", "--roles", "moderator", "--password", "Hoa-phuong-2026", "--data-dir", dir);
        assertThat(option.code()).isNotZero();
        assertThat(option.err()).contains("--password is the database password and goes with --jdbc-url")
                .contains("--password-stdin or --password-env").doesNotContain("Hoa-phuong-2026");
        assertThat(signsIn("thu.ha", "Hoa-phuong-2026")).isFalse();
    }

    @Test
    void passwordEnvNamesAVariableNotAPassword() {
        CliContext env = new CliContext(new ByteArrayInputStream(new byte[0]), null, Map.of("SG_PW", "Hoa-phuong-2026")::get);
        Run add = run(env, "users", "add", "thu.ha", "--roles", "moderator", "--password-env", "SG_PW", "--data-dir", dataDir.toString());
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(signsIn("thu.ha", "Hoa-phuong-2026")).isTrue();
        Run unset = run(env, "users", "passwd", "thu.ha", "--password-env", "SG_NONE", "--data-dir", dataDir.toString());
        assertThat(unset.code()).isEqualTo(2);
        assertThat(unset.err()).contains("the environment variable SG_NONE (from --password-env) is not set");
        Run both = run(env, "users", "passwd", "thu.ha", "--password-env", "SG_PW", "--password-stdin", "--data-dir", dataDir.toString());
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("--password-stdin or --password-env, not both");
    }

    @Test
    void badInputGetsAClearMessageAndANonZeroExit() {
        String dir = dataDir.toString();
        Run badRole = run("mat-khau-rat-dai\n", "users", "add", "an", "--roles", "boss", "--password-stdin", "--data-dir", dir);
        assertThat(badRole.err()).contains("moderator, investigator, admin and/or department");
        Run missing = run("", "users", "enable", "nobody", "--data-dir", dir);
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("no account 'nobody'");
        assertThat(run("", "users", "list").code()).isEqualTo(2);
        Run wrongDir = run("", "iplog", "verify", "--data-dir", dataDir.resolve("nowhere").toString());
        assertThat(wrongDir.code()).isEqualTo(1);
        assertThat(wrongDir.err()).contains("there is no SchoolGuard database in");
        Run wrongUsersDir = run("", "users", "list", "--data-dir", dataDir.resolve("nowhere").toString());
        assertThat(wrongUsersDir.err()).contains("there is no SchoolGuard database in");
        assertThat(run("", "iplog", "verify", "--help").code()).isZero();
        Run badSite = run("", "users", "list", "--site", "Ngô Quyền", "--data-dir", dir);
        assertThat(badSite.code()).isEqualTo(1);
        assertThat(badSite.err()).contains("--site 'Ngô Quyền' is not a site key");
    }
}
