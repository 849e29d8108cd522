package vn.schoolguard.internal.log;

import java.util.Map;

/**
 * A named logger of SchoolGuard. Lines go to the host's SLF4J when the web application sees one with a real
 * binding (slf4j-api 1.7 or 2.x), otherwise to {@code java.util.logging}; the choice is made once, on first use,
 * and announced in one line on the logger {@code vn.schoolguard.log}. A failure inside the host's logging never
 * reaches the caller: the facade switches to {@code java.util.logging} and says so once.
 *
 * <p>Templates use SLF4J's {@code {}} placeholders; a trailing {@link Throwable} argument is logged with its
 * stack trace. Thread-safe.
 *
 * <pre>{@code
 * private static final Log LOG = Log.get(Moderation.class);
 * LOG.warn("Submission {} approved by {} was not stored: {}", id, actor, error);
 * }</pre>
 */
public final class Log {

    private static final String INTERNAL = "vn.schoolguard.internal.";

    private final String name;

    private Log(String name) {
        this.name = name;
    }

    /**
     * The logger named after {@code type}, without the {@code internal} segment: logger names are what a host's
     * logging configuration refers to ({@code vn.schoolguard.iplog}, {@code vn.schoolguard.inject.PageDecorator}),
     * so they stay the same wherever a class lives inside the JAR.
     */
    public static Log get(Class<?> type) {
        return new Log(publicName(type.getName()));
    }

    static String publicName(String className) {
        return className.startsWith(INTERNAL) ? "vn.schoolguard." + className.substring(INTERNAL.length()) : className;
    }

    /** The logger called {@code name}. */
    public static Log get(String name) {
        return new Log(name);
    }

    /** Where lines go, as the startup line says it, e.g. {@code java.util.logging (no SLF4J binding found)}. */
    public static String backend() {
        return Backends.current().describe();
    }

    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    public void debug(String template, Object... args) {
        log(Level.DEBUG, template, args);
    }

    public void info(String template, Object... args) {
        log(Level.INFO, template, args);
    }

    public void warn(String template, Object... args) {
        log(Level.WARN, template, args);
    }

    public void error(String template, Object... args) {
        log(Level.ERROR, template, args);
    }

    /** Logs {@code line} at INFO; its fields also go to SLF4J's MDC for structured appenders. */
    public void info(Line line) {
        log(Level.INFO, line);
    }

    /** Logs {@code line} at WARN; its fields also go to SLF4J's MDC for structured appenders. */
    public void warn(Line line) {
        log(Level.WARN, line);
    }

    private void log(Level level, String template, Object[] args) {
        if (enabled(level)) {
            write(level, Format.format(template, args), Format.thrown(args), Map.of());
        }
    }

    private void log(Level level, Line line) {
        if (enabled(level)) {
            write(level, line.text(), line.thrown(), line.fields());
        }
    }

    private boolean enabled(Level level) {
        Backend backend = Backends.current();
        try {
            return backend.enabled(name, level);
        } catch (Slf4jBackend.BackendFailure e) {
            return Backends.failed(backend, e).enabled(name, level);
        }
    }

    private void write(Level level, String message, Throwable thrown, Map<String, String> fields) {
        Backend backend = Backends.current();
        try {
            backend.log(name, level, message, thrown, fields);
        } catch (Slf4jBackend.BackendFailure e) {
            Backends.failed(backend, e).log(name, level, message, thrown, fields);
        }
    }
}
