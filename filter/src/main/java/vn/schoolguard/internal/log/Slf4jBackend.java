package vn.schoolguard.internal.log;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/*
 * The host's SLF4J, reached by method handles over the few methods SLF4J 1.7 and 2.x share
 * (LoggerFactory.getLogger(String), Logger.isXEnabled(), Logger.x(String, Throwable), MDC.put/remove).
 * No bytecode reference to SLF4J: a missing or different version shows up here as a lookup failure at
 * startup, never as a NoClassDefFoundError or NoSuchMethodError in a request.
 */
final class Slf4jBackend implements Backend {

    // Built at run time: the drop-in JAR relocates "org.slf4j" literals for its bundled libraries, not these.
    static final String PACKAGE = String.join(".", "org", "slf4j");

    private final String description;
    private final MethodHandle getLogger;
    private final Map<Level, MethodHandle> enabled = new EnumMap<>(Level.class);
    private final Map<Level, MethodHandle> write = new EnumMap<>(Level.class);
    private final MethodHandle mdcPut;
    private final MethodHandle mdcRemove;
    private final Map<String, Object> loggers = new ConcurrentHashMap<>();

    /**
     * @throws ReflectiveOperationException when the SLF4J classes lack a method both versions have
     */
    Slf4jBackend(ClassLoader loader, String description) throws ReflectiveOperationException {
        this.description = description;
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        Class<?> factory = Class.forName(PACKAGE + ".LoggerFactory", true, loader);
        Class<?> logger = Class.forName(PACKAGE + ".Logger", true, loader);
        Class<?> mdc = Class.forName(PACKAGE + ".MDC", true, loader);
        getLogger = lookup.findStatic(factory, "getLogger", MethodType.methodType(logger, String.class))
                .asType(MethodType.methodType(Object.class, String.class));
        for (Level level : Level.values()) {
            String capitalised = Character.toUpperCase(level.slf4jMethod.charAt(0)) + level.slf4jMethod.substring(1);
            enabled.put(level, lookup.findVirtual(logger, "is" + capitalised + "Enabled", MethodType.methodType(boolean.class))
                    .asType(MethodType.methodType(boolean.class, Object.class)));
            write.put(level, lookup.findVirtual(logger, level.slf4jMethod,
                            MethodType.methodType(void.class, String.class, Throwable.class))
                    .asType(MethodType.methodType(void.class, Object.class, String.class, Throwable.class)));
        }
        mdcPut = lookup.findStatic(mdc, "put", MethodType.methodType(void.class, String.class, String.class));
        mdcRemove = lookup.findStatic(mdc, "remove", MethodType.methodType(void.class, String.class));
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public boolean enabled(String name, Level level) {
        try {
            return (boolean) enabled.get(level).invokeExact(logger(name));
        } catch (Throwable e) {
            throw new BackendFailure(e);
        }
    }

    @Override
    public void log(String name, Level level, String message, Throwable thrown, Map<String, String> fields) {
        try {
            Object logger = logger(name);
            if (fields.isEmpty()) {
                write.get(level).invokeExact(logger, message, thrown);
                return;
            }
            for (Map.Entry<String, String> field : fields.entrySet()) {
                mdcPut.invokeExact(field.getKey(), field.getValue());
            }
            try {
                write.get(level).invokeExact(logger, message, thrown);
            } finally {
                for (String key : fields.keySet()) {
                    mdcRemove.invokeExact(key);
                }
            }
        } catch (Throwable e) {
            throw new BackendFailure(e);
        }
    }

    private Object logger(String name) throws Throwable {
        Object logger = loggers.get(name);
        if (logger == null) {
            logger = getLogger.invokeExact(name);
            loggers.putIfAbsent(name, logger);
        }
        return logger;
    }

    /** Anything the host's logging threw, for {@link Backends} to judge. */
    static final class BackendFailure extends RuntimeException {
        BackendFailure(Throwable cause) {
            super(cause);
        }
    }
}
