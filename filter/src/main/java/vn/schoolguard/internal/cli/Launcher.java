package vn.schoolguard.internal.cli;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * The drop-in JAR's {@code Main-Class}. On the command line there is no host logging, so SchoolGuard's lines go to
 * {@code java.util.logging}, which writes to stderr; this launcher keeps them at WARNING and above (unless
 * {@code java.util.logging.config.file} says otherwise), so standard output stays clean for JSON lines and exports.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("java.util.logging.config.file") == null
                && System.getProperty("java.util.logging.config.class") == null) {
            Logger root = LogManager.getLogManager().getLogger("");
            root.setLevel(Level.WARNING);
            for (Handler handler : root.getHandlers()) {
                handler.setLevel(Level.WARNING);
            }
        }
        SchoolGuardCli.main(args);
    }
}
