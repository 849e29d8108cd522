package vn.schoolguard.internal.report;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The console's reminder that a monthly report is due: from the 1st to the 19th of a month, the previous month's
 * report is ready and is to reach the department by the 20th (the Hải Phòng letter implementing police notice
 * 332/TB-CATP-ANM, item 1).
 */
public final class ReportReminder {

    /** The day of the month by which the report is due. */
    public static final int DUE_DAY = 20;

    /**
     * @param month the month the report covers
     * @param due   the day it is due
     */
    public record Due(ReportMonth month, LocalDate due) {
    }

    private ReportReminder() {
    }

    /** The report due on {@code today} (in the site's zone), or empty from the 20th to the month's end. */
    public static Optional<Due> on(LocalDate today) {
        if (today.getDayOfMonth() >= DUE_DAY) {
            return Optional.empty();
        }
        return Optional.of(new Due(ReportMonth.before(today), today.withDayOfMonth(DUE_DAY)));
    }
}
