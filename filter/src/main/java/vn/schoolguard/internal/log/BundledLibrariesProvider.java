package vn.schoolguard.internal.log;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Internal: the SLF4J provider of the drop-in JAR's own relocated copy of slf4j-api, which only the bundled
 * libraries (HikariCP, Flyway) use. It hands their lines to {@link Log}, so they reach the host's SLF4J or
 * java.util.logging like SchoolGuard's own. The drop-in JAR registers it as a service under the relocated name;
 * the plain artifact does not register it at all.
 */
public final class BundledLibrariesProvider implements SLF4JServiceProvider {

    private final ILoggerFactory loggers = BundledLibraryLogger::new;
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // Nothing to set up: Log chooses its backend on first use.
    }
}
