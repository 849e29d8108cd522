package vn.schoolguard.internal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import vn.schoolguard.api.ConfigException;
import vn.schoolguard.api.ConfigProblem;
import vn.schoolguard.SchoolGuardConfig;

class RateLimitSettingsTest {

    static SchoolGuardConfig.Builder builder() {
        return SchoolGuardConfig.builder().environment(Map.of()).systemProperties(new Properties())
                .set("data.dir", "/tmp/sg-settings-test")
                .set("route.comments.match", "POST /posts/*/comments");
    }

    @Test
    void defaultsSuitASchoolSite() {
        RateLimitSettings settings = builder().build().rateLimit();
        assertThat(settings.enabled()).isTrue();
        assertThat(Limit.format(settings.perIp())).isEqualTo("10/1m, 60/1h");
        assertThat(Limit.format(settings.perNetwork())).isEqualTo("10/1m, 60/1h");
        assertThat(Limit.format(settings.perRoute("comments"))).isEqualTo("60/1m, 600/1h");
        assertThat(Limit.format(settings.perUser())).isEqualTo("10/1m, 100/1h");
        assertThat(Limit.format(settings.site())).isEqualTo("120/1m, 2000/1h");
        assertThat(settings.cacheSize()).isEqualTo(100_000);
        assertThat(settings.sharedBuckets(false)).isFalse();
        assertThat(settings.sharedBuckets(true)).isTrue();
    }

    @Test
    void limitsAreReadWithUnitsAndOverridesPerRoute() {
        RateLimitSettings settings = builder().set("ratelimit.per-ip", "3/30s, 20/h").set("ratelimit.per-route.comments", "5/2m")
                .set("ratelimit.site", "off").set("ratelimit.exempt", "10.0.0.0/8, 2001:db8::/32").build().rateLimit();
        assertThat(settings.perIp()).containsExactly(new Limit(3, Duration.ofSeconds(30)), new Limit(20, Duration.ofHours(1)));
        assertThat(Limit.format(settings.perRoute("comments"))).isEqualTo("5/2m");
        assertThat(settings.site()).isEmpty();
        assertThat(settings.exempt()).hasSize(2);
    }

    @Test
    void everyBadSettingIsNamedWithItsValueAndWhatIsExpected() {
        assertThatThrownBy(() -> builder().set("ratelimit.per-ip", "5 per minute").set("ratelimit.per-route.guestbook", "5/1m")
                .set("ratelimit.exempt", "school-office").set("ratelimit.cache-size", "10").set("ratelimit.store", "database")
                .set("ratelimit.per-user", "0/1m").build())
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).extracting(ConfigProblem::message).containsExactlyInAnyOrder(
                        "setting 'ratelimit.per-ip' has invalid value '5 per minute': expected " + RateLimitSettings.LIMIT_EXPECTED,
                        "setting 'ratelimit.per-route.guestbook' has invalid value '5/1m': expected a configured route name after ratelimit.per-route. (routes: comments)",
                        "setting 'ratelimit.per-user' has invalid value '0/1m': expected " + RateLimitSettings.LIMIT_EXPECTED,
                        "setting 'ratelimit.exempt' has invalid value 'school-office': expected IP addresses or CIDR blocks such as 203.0.113.0/24, separated by commas",
                        "setting 'ratelimit.cache-size' has invalid value '10': expected a whole number from 1000 to 10000000",
                        "setting 'ratelimit.store' has invalid value 'database': expected local or auto while store.url is the embedded H2 database (shared buckets need PostgreSQL)"));
    }
}
