package vn.schoolguard.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.moderation.Moderation;
import vn.schoolguard.internal.moderation.ModerationSettings;
import vn.schoolguard.internal.moderation.Publication;
import vn.schoolguard.internal.moderation.PublicationSettings;
import vn.schoolguard.internal.moderation.Submission;
import vn.schoolguard.testing.Databases;
import vn.schoolguard.testing.MutableClock;

/** An approval never seen on a page is flagged after publication.unseen-after, and only within the watch window. */
class UnseenPublicationTest {

    @Test
    void approvedButNeverSeenIsFlaggedAfterTheSetTimeAndSeenOnesAreNot() {
        MutableClock clock = new MutableClock(SubmissionStoreTest.T0);
        try (Database db = Databases.open(Databases.Kind.H2)) {
            JdbcSubmissionStore store = SubmissionStoreTest.store(db);
            Moderation moderation = new Moderation(store, new ModerationSettings(List.of(), false, List.of(), 65536, 100, 20000),
                    "default", clock, new PublicationSettings(true, Duration.ofDays(7), Duration.ofHours(1), 10), () -> { });
            Submission lost = SubmissionStoreTest.insert(store, SubmissionStoreTest.sample("default", "LOST-0001", "Bình luận bị mất", clock.instant()));
            Submission shown = SubmissionStoreTest.insert(store, SubmissionStoreTest.sample("default", "SEEN-0001", "Bình luận đã hiện", clock.instant()));
            moderation.approve(lost.id(), "mod", null);
            moderation.approve(shown.id(), "mod", null);
            JdbcPublication publication = new JdbcPublication(db, "default", List.of());
            assertThat(publication.awaiting(clock.instant().minus(Duration.ofDays(7)), 10))
                    .extracting(a -> a.text()).containsExactlyInAnyOrder("Bình luận bị mất", "Bình luận đã hiện");
            assertThat(publication.markSeen(shown.id(), "/news/1", clock.instant())).isTrue();
            assertThat(publication.markSeen(shown.id(), "/news/2", clock.instant())).as("first page wins").isFalse();

            assertThat(moderation.approvedButUnseen(10).total()).isZero();
            clock.advance(Duration.ofMinutes(61));
            assertThat(moderation.approvedButUnseen(10).items()).extracting(Submission::id).containsExactly(lost.id());
            Submission flagged = store.find("default", lost.id()).orElseThrow();
            assertThat(flagged.publicationState()).isEqualTo(Publication.State.SENT);
            assertThat(moderation.unseenTooLong(flagged)).isTrue();
            assertThat(store.find("default", shown.id()).orElseThrow().review().publication().seenPath()).isEqualTo("/news/1");

            clock.advance(Duration.ofDays(8));
            assertThat(moderation.approvedButUnseen(10).total()).as("outside the watch window").isZero();
        }
    }
}
