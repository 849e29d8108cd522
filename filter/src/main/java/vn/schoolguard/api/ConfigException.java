package vn.schoolguard.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when the configuration is invalid. Carries every problem found, so that an administrator
 * fixes them all in one go rather than one restart at a time.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems, in the order they were found. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String describe(List<ConfigProblem> problems) {
        return "SchoolGuard configuration has " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + ":\n"
                + problems.stream().map(p -> "  - " + p.message()).collect(Collectors.joining("\n"));
    }
}
