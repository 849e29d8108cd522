package vn.schoolguard.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** From the 1st to the 19th the previous month's report is due by the 20th; from the 20th nothing is shown. */
class ReportReminderTest {

    @Test
    void onTheFirstThePreviousMonthsReportIsDueByTheTwentieth() {
        assertThat(ReportReminder.on(LocalDate.of(2026, 12, 1))).hasValue(
                new ReportReminder.Due(ReportMonth.of(2026, 11), LocalDate.of(2026, 12, 20)));
    }

    @Test
    void onTheNineteenthItIsStillDue() {
        assertThat(ReportReminder.on(LocalDate.of(2026, 12, 19))).map(ReportReminder.Due::month)
                .hasValue(ReportMonth.of(2026, 11));
    }

    @Test
    void fromTheTwentiethToTheMonthsEndNothingIsDue() {
        assertThat(ReportReminder.on(LocalDate.of(2026, 12, 20))).isEmpty();
        assertThat(ReportReminder.on(LocalDate.of(2026, 12, 31))).isEmpty();
        assertThat(ReportReminder.on(LocalDate.of(2024, 2, 29))).isEmpty();
    }

    @Test
    void inJanuaryDecembersReportIsDue() {
        assertThat(ReportReminder.on(LocalDate.of(2027, 1, 2))).map(ReportReminder.Due::month)
                .hasValue(ReportMonth.of(2026, 12));
    }
}
