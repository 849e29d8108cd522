package vn.schoolguard.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class SiteCommandTest {

    private static SiteOptions parse(String... args) {
        SiteCommand command = new SiteCommand();
        new CommandLine(command).parseArgs(args);
        return command.options();
    }

    /** Runs the command as main does and returns the exit status; stderr goes to {@code err}. */
    private static int execute(StringWriter err, String... args) {
        return new CommandLine(new SiteCommand()).setErr(new PrintWriter(err, true)).setOut(new PrintWriter(err, true)).execute(args);
    }

    @Test
    void withoutFlagsTheDefaultsApply() {
        SiteOptions options = parse();

        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.dataDir()).isEqualTo(Path.of("data"));
        assertThat(options.emcSiteId()).isEqualTo(1234);
        assertThat(options.parentPortal()).isEqualTo("https://haiphong.edu.vn/");
        assertThat(options.trustedProxies()).isEmpty();
        assertThat(options.guard()).isTrue();
        assertThat(options.demoPassword()).hasSize(16).matches("[A-Za-z2-9]+");
        assertThat(parse().demoPassword()).isNotEqualTo(options.demoPassword());
    }

    @Test
    void everyFlagIsRead() {
        SiteOptions options = parse("--port", "9090", "--data-dir", "/tmp/truong", "--demo-password", "mat-khau-123",
                "--trusted-proxies", "10.0.0.0/8, 127.0.0.1", "--emc-site-id", "4321",
                "--parent-portal", "https://quangngai.edu.vn/", "--no-guard");

        assertThat(options.port()).isEqualTo(9090);
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/truong"));
        assertThat(options.demoPassword()).isEqualTo("mat-khau-123");
        assertThat(options.trustedProxies()).isEqualTo(Optional.of("10.0.0.0/8, 127.0.0.1"));
        assertThat(options.emcSiteId()).isEqualTo(4321);
        assertThat(options.parentPortal()).isEqualTo("https://quangngai.edu.vn/");
        assertThat(options.guard()).isFalse();
    }

    @Test
    void unknownFlagPrintsUsageAndExitsWith2() {
        StringWriter err = new StringWriter();

        assertThat(execute(err, "--prot", "8080")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option", "'--prot'", "Usage: sample-webapp", "--no-guard");
    }

    @Test
    void badValuesExitWith2AndNameTheFlag() {
        StringWriter notNumber = new StringWriter();
        StringWriter outOfRange = new StringWriter();
        StringWriter badSiteId = new StringWriter();
        StringWriter missingValue = new StringWriter();

        assertThat(execute(notNumber, "--port", "tám nghìn")).isEqualTo(2);
        assertThat(execute(outOfRange, "--port", "70000")).isEqualTo(2);
        assertThat(execute(badSiteId, "--emc-site-id", "0")).isEqualTo(2);
        assertThat(execute(missingValue, "--data-dir")).isEqualTo(2);

        assertThat(notNumber.toString()).contains("--port");
        assertThat(outOfRange.toString()).contains("Invalid value for option '--port': 70000 (expected 0 to 65535)", "Usage:");
        assertThat(badSiteId.toString()).contains("Invalid value for option '--emc-site-id': 0 (expected a positive number)");
        assertThat(missingValue.toString()).contains("--data-dir");
    }

    @Test
    void helpListsEveryFlagAndExitsWith0() {
        StringWriter out = new StringWriter();

        assertThat(execute(out, "--help")).isZero();
        assertThat(out.toString()).contains("--port", "--data-dir", "--demo-password", "--trusted-proxies", "--emc-site-id",
                "--parent-portal", "--no-guard", "default: 8080", "1234", "haiphong.edu.vn/");
    }

    @Test
    void optionsNeverShowThePasswordInText() {
        assertThat(parse("--demo-password", "bi-mat-lam-nhe").toString()).doesNotContain("bi-mat-lam-nhe").contains("****");
    }
}
