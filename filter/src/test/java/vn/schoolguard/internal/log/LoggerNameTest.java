package vn.schoolguard.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Logger names are part of what hosts configure: they leave out the {@code internal} segment of the class name. */
class LoggerNameTest {

    @ParameterizedTest
    @CsvSource({
        "vn.schoolguard.internal.inject.PageDecorator, vn.schoolguard.inject.PageDecorator",
        "vn.schoolguard.internal.db.DataDirectory, vn.schoolguard.db.DataDirectory",
        "vn.schoolguard.internal.http.page.PageDecorator, vn.schoolguard.http.page.PageDecorator",
        "vn.schoolguard.SchoolGuardFilter, vn.schoolguard.SchoolGuardFilter",
        "vn.schoolguard.internalx.Thing, vn.schoolguard.internalx.Thing",
        "org.example.vn.schoolguard.internal.X, org.example.vn.schoolguard.internal.X",
    })
    void aClassLoggerIsNamedWithoutTheInternalSegment(String className, String loggerName) {
        assertThat(Log.publicName(className)).isEqualTo(loggerName);
    }
}
