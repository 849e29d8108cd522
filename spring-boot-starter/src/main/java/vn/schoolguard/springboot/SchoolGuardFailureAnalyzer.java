package vn.schoolguard.springboot;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import vn.schoolguard.api.ConfigException;
import vn.schoolguard.api.ConfigProblem;

/**
 * Shows invalid SchoolGuard settings in Spring Boot's "APPLICATION FAILED TO START" report, each under the
 * property name the application uses ({@code ratelimit.per-ip} → {@code schoolguard.ratelimit.per-ip}).
 */
public class SchoolGuardFailureAnalyzer extends AbstractFailureAnalyzer<ConfigException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigException cause) {
        String problems = cause.problems().stream()
                .map(p -> "  - " + new ConfigProblem(propertyName(p.key()), p.value(), p.expected()).message())
                .collect(Collectors.joining("\n"));
        String description = "SchoolGuard configuration has " + cause.problems().size()
                + (cause.problems().size() == 1 ? " problem" : " problems") + ":\n" + problems;
        String action = "Correct the schoolguard.* properties named above (application.properties or .yaml, "
                + "SCHOOLGUARD_* environment variables, -D system properties, or the file named by schoolguard.config). "
                + "Every key is listed in docs/en/configuration.md; schoolguard.enabled=false turns SchoolGuard off.";
        return new FailureAnalysis(description, action, cause);
    }

    /** The name an administrator writes in Spring: environment variables and prefixed keys stay as they are. */
    static String propertyName(String filterKey) {
        if (filterKey.equals(SpringSettings.CONFIG_FILE_PARAM)) {
            return SpringSettings.CONFIG;
        }
        if (filterKey.startsWith("SCHOOLGUARD_") || filterKey.startsWith(SpringSettings.PREFIX)) {
            return filterKey;
        }
        return SpringSettings.PREFIX + filterKey;
    }
}
