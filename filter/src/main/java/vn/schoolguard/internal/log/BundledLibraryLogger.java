package vn.schoolguard.internal.log;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;

// One bundled library's logger (relocated SLF4J 2 API in the drop-in JAR), written through Log.
final class BundledLibraryLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;

    private final transient Log log;

    BundledLibraryLogger(String name) {
        this.name = name;
        this.log = Log.get(name);
    }

    @Override
    public boolean isTraceEnabled() {
        return false;
    }

    @Override
    public boolean isDebugEnabled() {
        return log.isDebugEnabled();
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args, Throwable t) {
        Object[] all = args == null ? new Object[0] : args;
        if (t != null) {
            all = java.util.Arrays.copyOf(all, all.length + 1);
            all[all.length - 1] = t;
        }
        switch (level) {
            case ERROR -> log.error(pattern, all);
            case WARN -> log.warn(pattern, all);
            case INFO -> log.info(pattern, all);
            default -> log.debug(pattern, all);
        }
    }
}
