package vn.schoolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersCommandTest {

    @TempDir
    Path dataDir;

    record Run(int code, String out, String err) {
    }

    Run run(String stdin, String... args) {
        InputStream original = System.in;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            int code = SchoolGuardCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setIn(original);
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
    void badInputGetsAClearMessageAndANonZeroExit() {
        String dir = dataDir.toString();
        Run shortPassword = run("short\n", "users", "add", "an", "--roles", "moderator", "--password-stdin", "--data-dir", dir);
        assertThat(shortPassword.code()).isEqualTo(2);
        assertThat(shortPassword.err()).contains("at least 10 characters");
        Run badRole = run("mat-khau-rat-dai\n", "users", "add", "an", "--roles", "boss", "--password-stdin", "--data-dir", dir);
        assertThat(badRole.err()).contains("moderator, investigator and/or admin");
        Run missing = run("", "users", "enable", "nobody", "--data-dir", dir);
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("no account 'nobody'");
        assertThat(run("", "users", "list").code()).isEqualTo(2);
        Run wrongDir = run("", "iplog", "verify", "--data-dir", dataDir.resolve("nowhere").toString());
        assertThat(wrongDir.code()).isEqualTo(1);
        assertThat(wrongDir.err()).contains("there is no SchoolGuard database in");
        assertThat(run("", "iplog", "verify", "--help").code()).isZero();
    }
}
