package vn.schoolguard.internal.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.schoolguard.api.ConfigException;
import vn.schoolguard.SchoolGuardConfig;

/** The replay settings: safe defaults, and every bad value named at startup. */
class ReplaySettingsTest {

    private static SchoolGuardConfig.Builder builder() {
        return SchoolGuardConfig.builder().environment(Map.of()).systemProperties(new Properties())
                .set("route.comments.match", "POST /news/*/comments");
    }

    @Test
    void defaultsAreLoopbackAcceptedFromLoopbackOnly() {
        ReplaySettings replay = builder().build().replay();
        assertThat(replay.mode()).isEqualTo(ReplaySettings.Mode.LOOPBACK);
        assertThat(replay.baseUrl()).isNull();
        assertThat(replay.accepts("127.0.0.1")).isTrue();
        assertThat(replay.accepts("127.8.9.10")).isTrue();
        assertThat(replay.accepts("::1")).isTrue();
        assertThat(replay.accepts("::ffff:127.0.0.1")).isTrue();
        assertThat(replay.accepts("10.0.0.1")).isFalse();
        assertThat(replay.accepts("not-an-address")).isFalse();
    }

    @Test
    void sessionAttributesAreReadPerRoute() {
        ReplaySettings replay = builder().set("route.comments.session-attributes", "captcha, form.token").build().replay();
        assertThat(replay.sessionAttributes("comments")).containsExactly("captcha", "form.token");
        assertThat(replay.sessionAttributes("other")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://127.0.0.1/x", "http://127.0.0.1:8080/x?y=1", "http://u:p@127.0.0.1/", "127.0.0.1:8080",
            "http://127.0.0.1:8080/x#f", "http:///nohost"})
    void badBaseUrlIsNamed(String value) {
        ConfigException e = catchThrowableOfType(ConfigException.class, builder().set("replay.base-url", value)::build);
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("replay.base-url").contains(value).contains("context path only");
    }

    @Test
    void baseUrlOnAnAddressThatIsNotAcceptedIsRefused() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                builder().set("replay.base-url", "http://10.0.0.5:8080/truong")::build);
        assertThat(e.getMessage()).contains("replay.base-url").contains("replay.accept-from");
        assertThat(builder().set("replay.base-url", "http://10.0.0.5:8080/truong/").set("replay.accept-from", "10.0.0.5")
                .build().replay().baseUrl()).hasToString("http://10.0.0.5:8080/truong");
    }

    @Test
    void everyBadReplayValueIsReportedAtOnce() {
        ConfigException e = catchThrowableOfType(ConfigException.class, builder()
                .set("replay.mode", "socket")
                .set("replay.accept-from", "localhost, 300.1.1.1")
                .set("replay.timeout", "2h")
                .set("route.comments.session-attributes", "ok, bad name")::build);
        assertThat(e.getMessage()).contains("replay.mode").contains("socket")
                .contains("replay.accept-from").contains("localhost").contains("300.1.1.1")
                .contains("replay.timeout").contains("2h")
                .contains("route.comments.session-attributes").contains("bad name");
    }

    @Test
    void tokenLifetimeShorterThanTheTimeoutIsRefused() {
        ConfigException e = catchThrowableOfType(ConfigException.class, builder()
                .set("replay.timeout", "2m").set("replay.token-lifetime", "30s")::build);
        assertThat(e.getMessage()).contains("replay.token-lifetime").contains("30s");
    }
}
