package vn.schoolguard.internal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.schoolguard.internal.config.ConfigReader;
import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.store.JdbcAccountStore;
import vn.schoolguard.testing.Databases;
import vn.schoolguard.testing.MutableClock;

/**
 * The authenticator over a real account store (H2): seeding, one answer for every kind of wrong sign-in, the decoy
 * check for unknown names, throttling by name and address with the delay recorded instead of slept, and that an
 * account is never locked for its owner signing in from elsewhere.
 */
class AuthenticatorTest {

    private static final String PASSWORD = "Mat-khau-2026!";

    private Database database;
    private JdbcAccountStore accounts;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T02:00:00Z"));
    private final List<Duration> pauses = new ArrayList<>();

    @BeforeEach
    void open() {
        database = Databases.open(Databases.Kind.H2);
        accounts = new JdbcAccountStore(database, "thpt-ngo-quyen");
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Authenticator authenticator(Map<String, String> extra) {
        Map<String, String> values = new java.util.HashMap<>(Map.of("accounts.seed", "thu.ha:moderator, admin:admin",
                "accounts.seed-password", PASSWORD, "accounts.password-iterations", "10000", "login.max-failures", "3",
                "login.lockout", "PT15M"));
        values.putAll(extra);
        ConfigReader reader = new ConfigReader(values);
        AccountSettings settings = AccountSettings.read(reader);
        assertThat(reader.problems()).isEmpty();
        Authenticator authenticator = new Authenticator(accounts, new PasswordHasher(10_000), settings, clock, pauses::add);
        authenticator.seed();
        return authenticator;
    }

    static Stream<Arguments> attempts() throws Exception {
        return Files.readAllLines(Path.of(AuthenticatorTest.class.getResource("/account/login-attempts.tsv").toURI()),
                StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t"))
                .map(f -> Arguments.of(unescape(f[0]), unescape(f[1]), f[2], f[3]));
    }

    private static String unescape(String field) {
        return field.equals("-") ? null : field.replace("\\u0000", "\u0000");
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("attempts")
    void everyWrongSignInGetsTheSameAnswer(String name, String password, String expected, String why) {
        Authenticator.Result result = authenticator(Map.of()).login(name, password, "203.0.113.9");
        if (expected.equals("success")) {
            assertThat(result).as(why).isInstanceOfSatisfying(Authenticator.Success.class,
                    s -> assertThat(s.user().roles()).containsExactly("moderator"));
        } else {
            assertThat(result).as(why).isInstanceOf(Authenticator.Failure.class);
        }
    }

    /** HMAC pads its key with zero bytes: without the check, "password" + NUL signed in as "password". */
    @Test
    void regressionANulAfterThePasswordOrTheNameDoesNotSignIn() {
        Authenticator authenticator = authenticator(Map.of());
        assertThat(authenticator.login("thu.ha", PASSWORD + "\u0000", "203.0.113.9")).isInstanceOf(Authenticator.Failure.class);
        assertThat(authenticator.login("thu.ha\u0000", PASSWORD, "203.0.113.9")).isInstanceOf(Authenticator.Failure.class);
        assertThat(PasswordPolicy.problem(PASSWORD + "\u0000")).hasValueSatisfying(p -> assertThat(p).contains("control character"));
        assertThat(PasswordPolicy.acceptable("Mat-khau\n2026")).isFalse();
    }

    @Test
    void seedingCreatesOnceAndResetsOnlyWhenAsked() {
        authenticator(Map.of());
        accounts.upsert("thu.ha", new PasswordHasher(10_000).hash("Mat-khau-moi-99"), Set.of("moderator"), clock.instant());
        assertThat(authenticator(Map.of()).login("thu.ha", "Mat-khau-moi-99", "203.0.113.9"))
                .as("create mode keeps the password the owner chose").isInstanceOf(Authenticator.Success.class);
        assertThat(authenticator(Map.of("accounts.seed-mode", "reset")).login("thu.ha", PASSWORD, "203.0.113.9"))
                .as("reset mode restores the seeded password").isInstanceOf(Authenticator.Success.class);
    }

    @Test
    void aDisabledAccountGetsTheSameAnswerAsAWrongPassword() {
        Authenticator authenticator = authenticator(Map.of());
        accounts.setDisabled("thu.ha", true, clock.instant());
        assertThat(authenticator.login("thu.ha", PASSWORD, "203.0.113.9")).isInstanceOf(Authenticator.Failure.class);
    }

    @Test
    void failuresFromOneAddressLockThatAddressOutForAWhileButNotTheOwnerElsewhere() {
        Authenticator authenticator = authenticator(Map.of());
        for (int i = 0; i < 3; i++) {
            assertThat(authenticator.login("thu.ha", "sai-" + i, "198.51.100.7")).isInstanceOf(Authenticator.Failure.class);
        }
        assertThat(authenticator.login("thu.ha", PASSWORD, "198.51.100.7"))
                .isInstanceOfSatisfying(Authenticator.Locked.class, l -> assertThat(l.retryAfter()).isPositive()
                        .isLessThanOrEqualTo(Duration.ofMinutes(15)));
        assertThat(authenticator.login("thu.ha", PASSWORD, "203.0.113.9")).as("the owner at school")
                .isInstanceOf(Authenticator.Success.class);
        clock.advance(Duration.ofMinutes(16));
        assertThat(authenticator.login("thu.ha", PASSWORD, "198.51.100.7")).isInstanceOf(Authenticator.Success.class);
    }

    @Test
    void aNameAttackedFromManyAddressesIsSlowedNotRefused() {
        Authenticator authenticator = authenticator(Map.of());
        // login.max-failures=3: past 3 × 4 failures of the name from anywhere, each check waits (doubling, bounded).
        for (int i = 0; i < 16; i++) {
            assertThat(authenticator.login("thu.ha", "sai", "198.51.100." + i)).isInstanceOf(Authenticator.Failure.class);
        }
        assertThat(pauses).isNotEmpty().allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(2)));
        assertThat(authenticator.login("thu.ha", PASSWORD, "203.0.113.9")).isInstanceOf(Authenticator.Success.class);
    }
}
