package vn.schoolguard.bootapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import vn.schoolguard.api.ConfigException;

/** A mistake in the settings stops the site before it serves anything, naming key, value and expectation. */
@ExtendWith(OutputCaptureExtension.class)
class BadSettingTest {

    @TempDir
    Path dir;

    private Throwable start(String... settings) {
        String[] args = new String[settings.length + 2];
        args[0] = "--server.port=0";
        args[1] = "--schoolguard.data.dir=" + dir.resolve("schoolguard");
        System.arraycopy(settings, 0, args, 2, settings.length);
        return catchThrowable(() -> {
            try (ConfigurableApplicationContext started = new SpringApplicationBuilder(SchoolSite.class)
                    .profiles(Guarded.PROFILE).run(args)) {
                started.getId();
            }
        });
    }

    @Test
    void aBadRateLimitStopsStartupNamingTheProperty(CapturedOutput output) {
        Throwable failure = start("--schoolguard.ratelimit.per-ip=banana");

        assertThat(failure).isNotNull();
        assertThat(rootConfigProblem(failure).getMessage()).contains("'ratelimit.per-ip' has invalid value 'banana': expected");
        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("setting 'schoolguard.ratelimit.per-ip' has invalid value 'banana': expected")
                .contains("schoolguard.enabled=false");
    }

    @Test
    void everyMistakeIsNamedAtOnceAndAMisspeltKeyIsNotIgnored(CapturedOutput output) {
        Throwable failure = start("--schoolguard.emc.site-id=EMC-42", "--schoolguard.ratelimt.per-ip=5/1m");

        assertThat(rootConfigProblem(failure).problems()).hasSize(2);
        assertThat(output.getOut() + output.getErr())
                .contains("'schoolguard.emc.site-id' has invalid value 'EMC-42'")
                .contains("'schoolguard.ratelimt.per-ip' is not known");
    }

    @Test
    void aMistypedSwitchDoesNotLeaveTheSiteUnguarded(CapturedOutput output) {
        Throwable failure = start("--schoolguard.enabled=flase");

        assertThat(rootConfigProblem(failure).getMessage()).contains("'schoolguard.enabled' has invalid value 'flase': expected true or false");
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START");
    }

    private static ConfigException rootConfigProblem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConfigException problem) {
                return problem;
            }
        }
        throw new AssertionError("no ConfigException in the cause chain of " + failure, failure);
    }
}
