package vn.schoolguard.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.schoolguard.internal.incident.HomeCheck;

/** The dashboard's orders: by key, or the sites needing attention first, ties by key; unknown keys are no order. */
class DashboardSortTest {

    private static final Instant AT = Instant.parse("2026-11-20T00:00:00Z");

    private static DashboardRow row(String site, long pending, Instant oldest, long implants, Boolean tracker) {
        Optional<HomeCheck> home = tracker == null ? Optional.empty()
                : Optional.of(new HomeCheck(site, AT, "http://x/", 200, tracker, true, true, ""));
        return new DashboardRow(new SiteActivity(site, pending, Optional.ofNullable(oldest), 0, 0, implants), home);
    }

    private final List<DashboardRow> rows = List.of(
            row("b", 3, AT.minusSeconds(60), 0, true),
            row("a", 0, null, 2, false),
            row("c", 3, AT.minusSeconds(3600), 1, null),
            row("=cmd", 1, AT, 0, true));

    private static List<String> keys(List<DashboardRow> rows) {
        return rows.stream().map(DashboardRow::siteKey).toList();
    }

    @Test
    void bySiteKeyAscending() {
        assertThat(keys(DashboardSort.SITE.sort(rows))).containsExactly("=cmd", "a", "b", "c");
    }

    @Test
    void theLongestQueueAndTheOldestWaitingComeFirst() {
        assertThat(keys(DashboardSort.PENDING.sort(rows))).containsExactly("b", "c", "=cmd", "a");
        assertThat(keys(DashboardSort.OLDEST.sort(rows))).containsExactly("c", "b", "=cmd", "a");
        assertThat(keys(DashboardSort.IMPLANTS.sort(rows))).containsExactly("a", "c", "=cmd", "b");
    }

    @Test
    void neverCheckedHomePagesComeBeforeFailingOnesThenPassingOnes() {
        assertThat(keys(DashboardSort.TRACKER.sort(rows))).containsExactly("c", "a", "=cmd", "b");
    }

    @Test
    void onlyTheListedKeysNameAnOrder() {
        assertThat(DashboardSort.byKey("pending")).contains(DashboardSort.PENDING);
        assertThat(DashboardSort.byKey("PENDING")).isEmpty();
        assertThat(DashboardSort.byKey("<script>")).isEmpty();
        assertThat(DashboardSort.byKey("")).isEmpty();
        assertThat(DashboardSort.keys()).containsExactly("site", "pending", "oldest", "decisions", "spam", "implants",
                "tracker", "label", "portal");
    }

    @Test
    void theOldestAgeIsZeroWhenNothingWaitsOrTheClockIsBehind() {
        assertThat(rows.get(1).oldestAge(AT)).isZero();
        assertThat(rows.get(3).oldestAge(AT.minusSeconds(5))).isZero();
        assertThat(rows.get(2).oldestAge(AT).toMinutes()).isEqualTo(60);
    }
}
