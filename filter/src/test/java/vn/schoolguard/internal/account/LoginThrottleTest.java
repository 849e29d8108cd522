package vn.schoolguard.internal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(15), Duration.ofSeconds(2));

    @Test
    void attackersPairWaitsLongerAfterEachFurtherFailureUpToTheLockout() {
        for (int i = 0; i < 4; i++) {
            throttle.failure("boss", "10.0.0.9", T0);
        }
        assertThat(throttle.refusal("boss", "10.0.0.9", T0)).isEmpty();
        throttle.failure("boss", "10.0.0.9", T0);
        assertThat(throttle.refusal("boss", "10.0.0.9", T0)).hasValue(Duration.ofSeconds(30));
        Instant later = T0.plusSeconds(31);
        assertThat(throttle.refusal("boss", "10.0.0.9", later)).isEmpty();
        throttle.failure("boss", "10.0.0.9", later);
        assertThat(throttle.refusal("boss", "10.0.0.9", later)).hasValue(Duration.ofSeconds(60));
        Instant now = later;
        for (int i = 0; i < 10; i++) {
            now = now.plus(Duration.ofMinutes(16));
            throttle.failure("boss", "10.0.0.9", now);
        }
        assertThat(throttle.refusal("boss", "10.0.0.9", now)).hasValue(Duration.ofMinutes(15));
        assertThat(throttle.refusal("boss", "10.0.0.20", now)).as("the owner elsewhere").isEmpty();
    }

    @Test
    void oneAddressTryingManyNamesIsRefusedForEveryNameButOthersAreNot() {
        for (int i = 0; i < 20; i++) {
            throttle.failure("name-" + i, "10.0.0.9", T0);
        }
        assertThat(throttle.refusal("boss", "10.0.0.9", T0)).isPresent();
        assertThat(throttle.refusal("boss", "10.0.0.20", T0)).isEmpty();
    }

    @Test
    void aNameUnderAttackFromManyAddressesIsSlowedWithABoundedDelayButNeverRefused() {
        for (int address = 0; address < 4; address++) {
            for (int i = 0; i < 5; i++) {
                assertThat(throttle.delay("boss")).isZero();
                throttle.failure("boss", "10.0.1." + address, T0);
            }
        }
        assertThat(throttle.delay("boss")).isEqualTo(Duration.ofMillis(250));
        throttle.failure("boss", "10.0.2.1", T0);
        assertThat(throttle.delay("boss")).isEqualTo(Duration.ofMillis(500));
        for (int i = 0; i < 50; i++) {
            throttle.failure("boss", "10.0.3." + i, T0);
        }
        assertThat(throttle.delay("boss")).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.refusal("boss", "10.0.4.1", T0)).isEmpty();
        assertThat(throttle.delay("BOSS ")).as("the name as typed, case and spaces aside").isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void successClearsOnlyItsOwnPair() {
        for (int i = 0; i < 4; i++) {
            throttle.failure("boss", "10.0.0.9", T0);
            throttle.failure("boss", "10.0.0.20", T0);
        }
        throttle.success("boss", "10.0.0.20");
        throttle.failure("boss", "10.0.0.9", T0);
        throttle.failure("boss", "10.0.0.20", T0);
        assertThat(throttle.refusal("boss", "10.0.0.9", T0)).isPresent();
        assertThat(throttle.refusal("boss", "10.0.0.20", T0)).isEmpty();
    }
}
