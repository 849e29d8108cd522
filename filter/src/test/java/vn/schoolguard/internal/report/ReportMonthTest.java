package vn.schoolguard.internal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Months are taken only as yyyy-MM from 2020-01 to the current month; boundaries are in the site's zone. */
class ReportMonthTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    static Stream<String> badMonths() throws Exception {
        return Files.readAllLines(Path.of(ReportMonthTest.class.getResource("/report/bad-months.txt").toURI()),
                        StandardCharsets.UTF_8).stream().filter(l -> !l.startsWith("#"))
                .map(l -> l.equals("<empty>") ? "" : l.replace("\\0", "\0"));
    }

    @ParameterizedTest
    @MethodSource("badMonths")
    void aMalformedFutureOrAncientMonthIsRefusedWithAReason(String text) {
        assertThatThrownBy(() -> ReportMonth.parse(text, TODAY)).isInstanceOf(ReportMonth.InvalidMonth.class)
                .hasMessageMatching("(a month is written yyyy-MM|the month .* (does not exist|is before|has not begun)).*");
    }

    @Test
    void nullIsRefused() {
        assertThatThrownBy(() -> ReportMonth.parse(null, TODAY)).isInstanceOf(ReportMonth.InvalidMonth.class);
    }

    @Test
    void theCurrentAndPastMonthsAreTaken() {
        assertThat(ReportMonth.parse("2026-12", TODAY)).isEqualTo(ReportMonth.of(2026, 12));
        assertThat(ReportMonth.parse("2026-11", TODAY).display()).isEqualTo("11/2026");
        assertThat(ReportMonth.parse("2020-01", TODAY).toString()).isEqualTo("2020-01");
    }

    @Test
    void boundariesAreMidnightInTheSitesZone() {
        ZoneId vn = ZoneId.of("Asia/Ho_Chi_Minh");
        ReportMonth november = ReportMonth.of(2026, 11);
        assertThat(november.start(vn)).isEqualTo(Instant.parse("2026-10-31T17:00:00Z"));
        assertThat(november.end(vn)).isEqualTo(Instant.parse("2026-11-30T17:00:00Z"));
        assertThat(november.start(ZoneId.of("UTC"))).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(ReportMonth.before(LocalDate.of(2027, 1, 5))).isEqualTo(ReportMonth.of(2026, 12));
    }
}
