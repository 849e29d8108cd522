package vn.schoolguard.internal.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A calendar month a report covers, in a site's zone: from the 1st at 00:00 (inclusive) to the next month's 1st
 * (exclusive). Parsed only from the strict {@code yyyy-MM} form.
 */
public record ReportMonth(YearMonth month) implements Comparable<ReportMonth> {

    /** No SchoolGuard data is older than this; an earlier month is a typing error, not an empty report. */
    public static final YearMonth FIRST = YearMonth.of(2020, 1);
    private static final Pattern FORM = Pattern.compile("[0-9]{4}-[0-9]{2}");

    public ReportMonth {
        Objects.requireNonNull(month, "month");
    }

    /** A month that cannot be reported, with the reason in plain English (shown to API callers). */
    public static final class InvalidMonth extends IllegalArgumentException {
        public InvalidMonth(String message) {
            super(message);
        }
    }

    /**
     * The month {@code text} names, when it is of the form {@code yyyy-MM}, from {@link #FIRST} up to the month
     * {@code today} is in; a month not yet begun has no report.
     *
     * @throws InvalidMonth naming what is wrong
     */
    public static ReportMonth parse(String text, LocalDate today) {
        if (text == null || text.length() > 7 || !FORM.matcher(text).matches()) {
            throw new InvalidMonth("a month is written yyyy-MM, such as 2026-11");
        }
        int number = Integer.parseInt(text.substring(5));
        if (number < 1 || number > 12) {
            throw new InvalidMonth("the month " + text + " does not exist: months run from 01 to 12");
        }
        YearMonth month = YearMonth.of(Integer.parseInt(text.substring(0, 4)), number);
        if (month.isBefore(FIRST)) {
            throw new InvalidMonth("the month " + text + " is before " + FIRST + ", when no site had data");
        }
        if (month.isAfter(YearMonth.from(today))) {
            throw new InvalidMonth("the month " + text + " has not begun yet");
        }
        return new ReportMonth(month);
    }

    public static ReportMonth of(int year, int month) {
        return new ReportMonth(YearMonth.of(year, month));
    }

    /** The month before the one {@code day} is in. */
    public static ReportMonth before(LocalDate day) {
        return new ReportMonth(YearMonth.from(day).minusMonths(1));
    }

    public Instant start(ZoneId zone) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    public Instant end(ZoneId zone) {
        return month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }

    /** {@code 11/2026}, as Vietnamese and English headings write it. */
    public String display() {
        return String.format("%02d/%d", month.getMonthValue(), month.getYear());
    }

    /** {@code 2026-11}, as paths and file names carry it. */
    @Override
    public String toString() {
        return month.toString();
    }

    @Override
    public int compareTo(ReportMonth other) {
        return month.compareTo(other.month);
    }
}
