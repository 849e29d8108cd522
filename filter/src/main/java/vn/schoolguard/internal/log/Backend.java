package vn.schoolguard.internal.log;

import java.util.Map;

// Where formatted log lines go: the host's SLF4J or java.util.logging. Implementations are thread-safe.
interface Backend {

    /** The startup line's wording, e.g. "SLF4J 1.7 (binding org.slf4j.impl.SimpleLoggerFactory)". */
    String describe();

    boolean enabled(String logger, Level level);

    /**
     * Writes one line. {@code fields} go to the backend's per-line context where it has one (SLF4J's MDC), so
     * structured appenders keep them; the message itself already carries every fact that matters.
     */
    void log(String logger, Level level, String message, Throwable thrown, Map<String, String> fields);
}
