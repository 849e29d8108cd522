package vn.schoolguard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The drop-in JAR's {@code Main-Class}. The JAR leaves SLF4J out so that, inside a web application, logging
 * reaches the host's own SLF4J setup; on the command line there is no host, so this launcher adds the SLF4J
 * API and a simple stderr logger (kept inside the JAR as inert nested JARs) before starting the command line.
 * It touches no SLF4J class itself.
 */
public final class Launcher {

    private static final String[] NESTED = {"slf4j-api.jar", "slf4j-simple.jar"};

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        if (present("org.slf4j.LoggerFactory")) {
            SchoolGuardCli.main(args);
            return;
        }
        List<URL> urls = new ArrayList<>();
        Path dir = Files.createTempDirectory("schoolguard-cli-");
        dir.toFile().deleteOnExit();
        for (String name : NESTED) {
            try (InputStream in = Launcher.class.getResourceAsStream("/META-INF/schoolguard-cli/" + name)) {
                if (in == null) {
                    throw new IOException("this JAR lacks META-INF/schoolguard-cli/" + name + "; rebuild it with Maven");
                }
                Path jar = dir.resolve(name);
                Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
                jar.toFile().deleteOnExit();
                urls.add(jar.toUri().toURL());
            }
        }
        urls.add(Launcher.class.getProtectionDomain().getCodeSource().getLocation());
        // Keep CLI log lines short and on stderr, so standard output stays clean for JSON lines and exports.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            try {
                loader.loadClass(SchoolGuardCli.class.getName()).getMethod("main", String[].class).invoke(null, (Object) args);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception ex ? ex : new RuntimeException(e.getCause());
            }
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, Launcher.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
