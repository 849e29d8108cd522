package vn.schoolguard.internal.log;

// The four levels SchoolGuard logs at, each with its java.util.logging counterpart.
enum Level {
    DEBUG(java.util.logging.Level.FINE, "debug"),
    INFO(java.util.logging.Level.INFO, "info"),
    WARN(java.util.logging.Level.WARNING, "warn"),
    ERROR(java.util.logging.Level.SEVERE, "error");

    final java.util.logging.Level jul;
    /** The SLF4J method name for this level; the same in 1.7 and 2.x. */
    final String slf4jMethod;

    Level(java.util.logging.Level jul, String slf4jMethod) {
        this.jul = jul;
        this.slf4jMethod = slf4jMethod;
    }
}
