package vn.schoolguard.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.schoolguard.testing.TestSite;

/**
 * Regression: five wrong passwords from any address used to lock the owner out for 15 minutes, and the 429
 * told the attacker that the account exists. Client addresses come from X-Forwarded-For sent through a
 * trusted proxy (the test client itself).
 */
class LoginThrottlingTest {

    private static final String ATTACKER = "10.0.0.9";

    @TempDir
    Path dataDir;

    TestSite site;

    @BeforeEach
    void start() throws Exception {
        site = new TestSite(dataDir, Map.of("proxies.trusted", "127.0.0.1/32", "login.max-delay", "300ms"));
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    private HttpResponse<String> login(String from, String user, String password) throws Exception {
        return site.postForm("/_schoolguard/login", Map.of("username", user, "password", password), "X-Forwarded-For", from);
    }

    private HttpResponse<String> basic(String from, String user, String password) throws Exception {
        return site.get("/_schoolguard/api/submissions", "Authorization", TestSite.basic(user, password), "X-Forwarded-For", from);
    }

    @Test
    void regressionAttackerFailingTwentyTimesCannotLockTheOwnerOutFromAnotherAddress() throws Exception {
        for (int i = 0; i < 20; i++) {
            int status = login(ATTACKER, "boss", "guess-" + i).statusCode();
            assertThat(status).as("attempt %d", i + 1).isEqualTo(i < 5 ? 401 : 429);
        }
        long started = System.nanoTime();
        HttpResponse<String> owner = login("10.0.0.20", "boss", TestSite.PASSWORD);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(owner.statusCode()).as(owner.body()).isEqualTo(303);
        assertThat(owner.headers().firstValue("Location")).hasValue("/school/_schoolguard/queue");
        assertThat(millis).as("signed in at once, no delay").isLessThan(250);
        assertThat(basic("10.0.0.21", "boss", TestSite.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void regressionBasicAttackerCannotLockTheOwnerOutEither() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(basic(ATTACKER, "boss", "guess-" + i).statusCode()).isEqualTo(i < 5 ? 401 : 429);
        }
        assertThat(basic("10.0.0.20", "boss", TestSite.PASSWORD).statusCode()).isEqualTo(200);
        assertThat(login("10.0.0.20", "boss", TestSite.PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void attackersPairIsRefusedWithRetryAfterEvenForTheRightPassword() throws Exception {
        for (int i = 0; i < 5; i++) {
            login(ATTACKER, "boss", "guess-" + i);
        }
        HttpResponse<String> limited = login(ATTACKER, "boss", TestSite.PASSWORD);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After").map(Long::parseLong)).hasValueSatisfying(
                seconds -> assertThat(seconds).isBetween(1L, 30L));
        assertThat(limited.headers().allValues("Set-Cookie")).isEmpty();
        HttpResponse<String> api = basic(ATTACKER, "boss", TestSite.PASSWORD);
        assertThat(api.statusCode()).isEqualTo(429);
        assertThat(api.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void regressionUnknownAndKnownNamesGetTheSameAnswers() throws Exception {
        // Same length names, so that the echoed name in the form does not change the length either.
        for (int i = 0; i < 7; i++) {
            HttpResponse<String> known = login(ATTACKER, "boss", "guess-" + i);
            HttpResponse<String> unknown = login("10.0.0.10", "bosx", "guess-" + i);
            assertThat(unknown.statusCode()).as("attempt %d", i + 1).isEqualTo(known.statusCode());
            assertThat(unknown.body().replace("bosx", "boss")).isEqualTo(known.body());
            assertThat(unknown.headers().firstValue("Retry-After").isPresent())
                    .isEqualTo(known.headers().firstValue("Retry-After").isPresent());
        }
        for (int i = 0; i < 7; i++) {
            HttpResponse<String> known = basic("10.0.0.11", "boss", "guess-" + i);
            HttpResponse<String> unknown = basic("10.0.0.12", "bosx", "guess-" + i);
            assertThat(unknown.statusCode()).isEqualTo(known.statusCode());
            assertThat(unknown.body()).isEqualTo(known.body());
            assertThat(unknown.headers().firstValue("WWW-Authenticate")).isEqualTo(known.headers().firstValue("WWW-Authenticate"));
        }
    }

    @Test
    void unknownNamesCostTheSamePasswordCheckAsKnownOnes() throws Exception {
        TestSite slow = new TestSite(dataDir.resolve("slow"), Map.of("proxies.trusted", "127.0.0.1/32",
                "accounts.password-iterations", "300000"));
        try {
            long known = Long.MAX_VALUE;
            long unknown = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                known = Math.min(known, timed(slow, "10.0.1." + i, "boss"));
                unknown = Math.min(unknown, timed(slow, "10.0.2." + i, "nobody"));
            }
            assertThat(unknown).as("unknown %d ms vs known %d ms", unknown, known).isGreaterThan(known / 2);
            assertThat(known).as("unknown %d ms vs known %d ms", unknown, known).isGreaterThan(unknown / 2);
        } finally {
            slow.close();
        }
    }

    private static long timed(TestSite target, String from, String user) throws Exception {
        long started = System.nanoTime();
        int status = target.postForm("/_schoolguard/login", Map.of("username", user, "password", "wrong-one"),
                "X-Forwarded-For", from).statusCode();
        assertThat(status).isEqualTo(401);
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Test
    void aNameUnderAttackFromManyAddressesSlowsTheOwnerDownButStillLetsThemIn() throws Exception {
        for (int address = 0; address < 5; address++) {
            for (int i = 0; i < 5; i++) {
                login("10.0.3." + address, "boss", "guess-" + i);
            }
        }
        long started = System.nanoTime();
        HttpResponse<String> owner = login("10.0.0.20", "boss", TestSite.PASSWORD);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(owner.statusCode()).isEqualTo(303);
        assertThat(millis).as("delayed by at most login.max-delay").isBetween(250L, 3000L);
    }
}
