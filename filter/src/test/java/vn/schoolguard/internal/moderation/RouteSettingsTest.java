package vn.schoolguard.internal.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import vn.schoolguard.api.ConfigException;
import vn.schoolguard.SchoolGuardConfig;

/** {@code route.<name>.match} lists, {@code pass-if} and {@code moderation.user-from} are validated with their key. */
class RouteSettingsTest {

    private static SchoolGuardConfig.Builder builder() {
        return SchoolGuardConfig.builder().environment(Map.of()).systemProperties(new Properties());
    }

    @Test
    void aMatchListKeepsEveryEntryAndACommaInsideAPathStaysPartOfIt() {
        Route route = builder().set("route.c.match", "POST /news/*/comments ,  put /api/comments/* ,POST /a,b/c")
                .build().moderation().routes().get(0);
        assertThat(route.describe()).isEqualTo("POST /news/*/comments, PUT /api/comments/*, POST /a,b/c");
        assertThat(route.method()).isEqualTo("POST");
        assertThat(route.pattern()).isEqualTo("/news/*/comments");
        assertThat(route.matches("PUT", "/api/comments/9")).isTrue();
        assertThat(route.matches("POST", "/api/comments/9")).isFalse();
        assertThat(route.matches("POST", "/a,b/c")).isTrue();
    }

    @Test
    void badEntriesPassIfAndUserSourcesAreNamedWithTheirKey() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> builder()
                .set("route.c.match", "POST /news/*/comments, GET /x")
                .set("route.d.match", "POST /d")
                .set("route.d.pass-if", "action=preview|")
                .set("moderation.user-from", "cookie:user")
                .build());
        assertThat(e.getMessage()).contains("route.c.match", "GET /x", "route.d.pass-if", "action=preview|",
                "moderation.user-from", "cookie:user", "session-attribute:NAME");
    }

    @Test
    void passIfParsesAPresenceOrAListOfWords() {
        assertThat(PassCondition.parse("preview")).contains(new PassCondition("preview", java.util.Set.of()));
        assertThat(PassCondition.parse(" action = preview|cancel ").map(PassCondition::toString)).contains("action=cancel|preview");
        assertThat(PassCondition.parse("a b")).isEmpty();
        assertThat(PassCondition.parse("=x")).isEmpty();
        assertThat(UserSource.parse("session-attribute:SPRING_SECURITY_CONTEXT").map(UserSource::toString))
                .contains("session-attribute:SPRING_SECURITY_CONTEXT");
        assertThat(UserSource.parse("header:X-Remote-User").map(UserSource::kind)).contains(UserSource.Kind.HEADER);
    }
}
