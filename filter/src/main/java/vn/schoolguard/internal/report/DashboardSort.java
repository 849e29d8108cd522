package vn.schoolguard.internal.report;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

import vn.schoolguard.internal.incident.HomeCheck;

/**
 * The orders the department dashboard can be sorted in (server-side, from a query parameter): by site key, or
 * with the sites that need attention first — the longest queue, the oldest waiting item, the most decisions,
 * spam or implants, a home page failing a check. Ties are broken by site key.
 */
public enum DashboardSort {
    SITE("site", null),
    PENDING("pending", r -> r.activity().pending()),
    OLDEST("oldest", r -> r.activity().oldestPending().map(t -> -t.getEpochSecond()).orElse(Long.MIN_VALUE)),
    DECISIONS("decisions", r -> r.activity().decisions()),
    SPAM("spam", r -> r.activity().spam()),
    IMPLANTS("implants", r -> r.activity().implants()),
    TRACKER("tracker", r -> failing(r.home(), h -> h.tracker())),
    LABEL("label", r -> failing(r.home(), h -> h.label())),
    PORTAL("portal", r -> failing(r.home(), h -> h.portal()));

    private final String key;
    private final ToLongFunction<DashboardRow> attention;

    DashboardSort(String key, ToLongFunction<DashboardRow> attention) {
        this.key = key;
        this.attention = attention;
    }

    public String key() {
        return key;
    }

    /** The order {@code key} names; empty for anything else. */
    public static Optional<DashboardSort> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(DashboardSort::key).toList();
    }

    /** {@code rows} in this order. */
    public List<DashboardRow> sort(List<DashboardRow> rows) {
        Comparator<DashboardRow> bySite = Comparator.comparing(DashboardRow::siteKey);
        Comparator<DashboardRow> order = attention == null ? bySite
                : Comparator.comparingLong(attention).reversed().thenComparing(bySite);
        return rows.stream().sorted(order).toList();
    }

    /** 2 when never checked, 1 when the check failed, 0 when it passed: unknown first, then failing. */
    private static long failing(Optional<HomeCheck> home, java.util.function.Predicate<HomeCheck> passes) {
        return home.map(h -> passes.test(h) ? 0L : 1L).orElse(2L);
    }
}
