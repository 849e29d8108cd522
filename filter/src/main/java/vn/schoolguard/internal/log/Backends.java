package vn.schoolguard.internal.log;

import java.util.Iterator;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;

// Chooses the backend once per class loader, reports the choice in one startup line, and falls back to JUL for good.
final class Backends {

    static final String LOGGER = "vn.schoolguard.log";

    private static volatile Backend current;
    private static final AtomicBoolean FELL_BACK = new AtomicBoolean();

    private Backends() {
    }

    static Backend current() {
        Backend backend = current;
        if (backend == null) {
            synchronized (Backends.class) {
                if (current == null) {
                    current = start(select(Backends.class.getClassLoader()));
                }
                backend = current;
            }
        }
        return backend;
    }

    /** Puts {@code backend} in place of the chosen one (tests of the fallback). */
    static void replace(Backend backend) {
        synchronized (Backends.class) {
            current = backend;
        }
    }

    /**
     * The host's SLF4J when {@code loader} sees it with a real binding (1.7: a StaticLoggerBinder; 2.x: a
     * service provider), otherwise java.util.logging. Never throws.
     */
    static Backend select(ClassLoader loader) {
        String slf4j = Slf4jBackend.PACKAGE;
        if (!visible(loader, slf4j + ".LoggerFactory")) {
            return new JulBackend("no SLF4J binding found");
        }
        try {
            String description;
            if (visible(loader, slf4j + ".spi.SLF4JServiceProvider")) {
                String provider = firstProvider(loader, slf4j + ".spi.SLF4JServiceProvider");
                if (provider == null) {
                    return new JulBackend("no SLF4J binding found: slf4j-api 2.x without a provider");
                }
                description = "SLF4J 2.x (provider " + provider + ")";
            } else if (loader.getResource(slf4j.replace('.', '/') + "/impl/StaticLoggerBinder.class") != null) {
                description = "SLF4J 1.7 (binding %s)";
            } else {
                return new JulBackend("no SLF4J binding found: slf4j-api 1.7 without a binding");
            }
            String factory = loggerFactoryClass(loader);
            if (factory.endsWith(".NOPLoggerFactory")) {
                return new JulBackend("no SLF4J binding found: SLF4J fell back to " + factory);
            }
            return new Slf4jBackend(loader, String.format(description, factory));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return new JulBackend("SLF4J is present but unusable: " + e);
        }
    }

    /** Says which backend was chosen, through that backend itself: the self-test. */
    static Backend start(Backend chosen) {
        String line = "SchoolGuard logging through " + chosen.describe();
        try {
            if (chosen.enabled(LOGGER, Level.INFO)) {
                chosen.log(LOGGER, Level.INFO, line, null, Map.of());
            }
            return chosen;
        } catch (Slf4jBackend.BackendFailure e) {
            Backend jul = new JulBackend("SLF4J failed its self-test: " + e.getCause());
            jul.log(LOGGER, Level.WARN, "SchoolGuard logging through " + jul.describe(), null, Map.of());
            return jul;
        }
    }

    /**
     * Switches to java.util.logging after the host's logging failed on a call, and says so once.
     *
     * @return the backend to retry the call with
     */
    static Backend failed(Backend broken, Slf4jBackend.BackendFailure failure) {
        Throwable cause = failure.getCause();
        if (cause instanceof Error && !(cause instanceof LinkageError) && !(cause instanceof StackOverflowError)) {
            throw (Error) cause;
        }
        Backend jul;
        synchronized (Backends.class) {
            if (current == broken || current == null) {
                current = new JulBackend("SLF4J failed: " + cause);
            }
            jul = current;
        }
        if (FELL_BACK.compareAndSet(false, true)) {
            jul.log(LOGGER, Level.WARN, "SchoolGuard logging through " + jul.describe()
                    + "; every later line goes there", cause, Map.of());
        }
        return jul;
    }

    private static boolean visible(ClassLoader loader, String className) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static String firstProvider(ClassLoader loader, String spi) throws ClassNotFoundException {
        Iterator<?> providers = ServiceLoader.load(Class.forName(spi, false, loader), loader).iterator();
        for (int attempt = 0; attempt < 16; attempt++) {
            try {
                return providers.hasNext() ? providers.next().getClass().getName() : null;
            } catch (java.util.ServiceConfigurationError e) {
                // A broken provider entry is skipped, as SLF4J itself does.
            }
        }
        return null;
    }

    private static String loggerFactoryClass(ClassLoader loader) throws ReflectiveOperationException {
        Class<?> factory = Class.forName(Slf4jBackend.PACKAGE + ".LoggerFactory", true, loader);
        Object ilf = factory.getMethod("getILoggerFactory").invoke(null);
        return ilf.getClass().getName();
    }
}
