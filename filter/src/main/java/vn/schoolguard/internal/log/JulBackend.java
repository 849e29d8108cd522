package vn.schoolguard.internal.log;

import java.util.Map;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

// java.util.logging, present in every JVM: the fallback when the host has no SLF4J binding.
final class JulBackend implements Backend {

    private final String why;

    JulBackend(String why) {
        this.why = why;
    }

    @Override
    public String describe() {
        return "java.util.logging (" + why + ")";
    }

    @Override
    public boolean enabled(String logger, Level level) {
        return Logger.getLogger(logger).isLoggable(level.jul);
    }

    @Override
    public void log(String logger, Level level, String message, Throwable thrown, Map<String, String> fields) {
        LogRecord record = new LogRecord(level.jul, message);
        record.setLoggerName(logger);
        record.setThrown(thrown);
        // Naming the source stops JUL from walking the stack, which would only ever find this class.
        record.setSourceClassName(logger);
        record.setSourceMethodName(null);
        Logger.getLogger(logger).log(record);
    }
}
