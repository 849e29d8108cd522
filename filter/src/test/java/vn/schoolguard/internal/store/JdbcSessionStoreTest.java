package vn.schoolguard.internal.store;

import vn.schoolguard.internal.hash.Sha256;

import vn.schoolguard.internal.db.Database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.schoolguard.internal.account.PasswordHasher;
import vn.schoolguard.internal.account.SessionStore;
import vn.schoolguard.testing.Databases;

/** Console sessions in a real database: lifetime, idle timeout, sign-out, site isolation, and what is stored. */
class JdbcSessionStoreTest {

    private static final Instant T0 = Instant.parse("2026-09-05T07:00:00Z");
    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final Duration MAX = Duration.ofHours(12);

    @ParameterizedTest
    @MethodSource("vn.schoolguard.testing.Databases#kinds")
    void aSessionLivesWhileUsedAndEndsWhenIdleOrTooOld(Databases.Kind kind) {
        try (Database db = Databases.open(kind)) {
            SessionStore sessions = new JdbcSessionStore(db, "default", IDLE, MAX);
            String token = sessions.create("thu.ha", "192.0.2.10", T0);
            assertThat(sessions.find(token, T0.plusSeconds(60))).hasValueSatisfying(s -> {
                assertThat(s.username()).isEqualTo("thu.ha");
                assertThat(s.csrfToken()).hasSize(43).isNotEqualTo(token);
            });
            Instant at = T0;
            for (int i = 0; i < 30; i++) {
                at = at.plus(Duration.ofMinutes(20));
                if (at.isAfter(T0.plus(MAX))) {
                    assertThat(sessions.find(token, at)).as("past the maximum age").isEmpty();
                    break;
                }
                assertThat(sessions.find(token, at)).as("used every 20 minutes, at %s", at).isPresent();
            }
            String idle = sessions.create("minh", "192.0.2.11", T0);
            assertThat(sessions.find(idle, T0.plus(IDLE).plusSeconds(61))).as("idle too long").isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("vn.schoolguard.testing.Databases#kinds")
    void signingOutEndsOneSessionAndAPasswordChangeEndsAll(Databases.Kind kind) {
        try (Database db = Databases.open(kind)) {
            SessionStore sessions = new JdbcSessionStore(db, "default", IDLE, MAX);
            String phone = sessions.create("thu.ha", "192.0.2.10", T0);
            String laptop = sessions.create("thu.ha", "192.0.2.12", T0);
            String other = sessions.create("minh", "192.0.2.11", T0);
            sessions.delete(phone);
            assertThat(sessions.find(phone, T0)).isEmpty();
            assertThat(sessions.find(laptop, T0)).isPresent();
            sessions.deleteAll("thu.ha");
            assertThat(sessions.find(laptop, T0)).isEmpty();
            assertThat(sessions.find(other, T0)).as("another account's session").isPresent();
        }
    }

    @ParameterizedTest
    @MethodSource("vn.schoolguard.testing.Databases#kinds")
    void aTokenOfOneSiteOpensNothingOnAnother(Databases.Kind kind) {
        try (Database db = Databases.open(kind)) {
            SessionStore ngoQuyen = new JdbcSessionStore(db, "ngoquyen", IDLE, MAX);
            SessionStore lachTray = new JdbcSessionStore(db, "lachtray", IDLE, MAX);
            String token = ngoQuyen.create("admin", "192.0.2.10", T0);
            assertThat(lachTray.find(token, T0)).isEmpty();
            lachTray.deleteAll("admin");
            assertThat(ngoQuyen.find(token, T0)).isPresent();
        }
    }

    @ParameterizedTest
    @MethodSource("vn.schoolguard.testing.Databases#kinds")
    void onlyTheDigestOfATokenIsStored(Databases.Kind kind) throws Exception {
        try (Database db = Databases.open(kind)) {
            String token = new JdbcSessionStore(db, "default", IDLE, MAX).create("thu.ha", "192.0.2.10", T0);
            List<String> stored = new ArrayList<>();
            db.read(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT token_hash FROM sg_sessions")) {
                    while (rs.next()) {
                        stored.add(rs.getString(1));
                    }
                }
                return null;
            });
            assertThat(stored).containsExactly(Sha256.hex(token)).doesNotContain(token);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "x", "' OR '1'='1", "%", "_", "\u0000", "😀", "a\nb"})
    void aForgedTokenFindsNothing(String forged) {
        try (Database db = Databases.open(Databases.Kind.H2)) {
            SessionStore sessions = new JdbcSessionStore(db, "default", IDLE, MAX);
            sessions.create("thu.ha", "192.0.2.10", T0);
            assertThat(sessions.find(forged, T0)).isEmpty();
            assertThat(sessions.find(forged.repeat(10_000), T0)).isEmpty();
        }
    }
}
