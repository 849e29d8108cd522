package vn.schoolguard;

import java.util.Set;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

import vn.schoolguard.internal.boot.AutoRegistration;

/**
 * Registers {@link SchoolGuardFilter} in a web application without any {@code web.xml} edit: copy the JAR to
 * {@code WEB-INF/lib}, write {@code WEB-INF/schoolguard.properties}, restart.
 *
 * <p>The container finds this class through {@code META-INF/services} and calls it once per web
 * application at startup. It registers the filter as {@code schoolguard} on {@code /*} for the REQUEST
 * dispatcher, ahead of every filter the application declares, only when
 * <ul>
 *   <li>a settings file is found: context-parameter {@code schoolguard.config}, system property
 *       {@code schoolguard.config}, environment variable {@code SCHOOLGUARD_CONFIG}, or
 *       {@code /WEB-INF/schoolguard.properties}; or the context-parameter {@code schoolguard.enabled} is
 *       {@code true} (settings then come from system properties and environment variables alone);</li>
 *   <li>the context-parameter {@code schoolguard.autoRegister} is not {@code false};</li>
 *   <li>and the application does not already declare {@code vn.schoolguard.SchoolGuardFilter} itself (in
 *       {@code web.xml}, a fragment or code), in which case its own declaration and ordering stand.</li>
 * </ul>
 * Each decision is written to the container's log for the application ({@link ServletContext#log}), so
 * it can be read before the filter's own logging has started.
 *
 * <p>The filter logs through the application's SLF4J (1.7 or 2.x) when it has one with a binding, and through
 * {@code java.util.logging} otherwise; it needs no logging library of its own.
 *
 * <p>Stateless and thread-safe.
 */
public final class SchoolGuardInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        try {
            AutoRegistration.register(context, SchoolGuardFilter.class, System.getProperties(), System.getenv());
        } catch (IllegalStateException e) {
            throw new ServletException(e.getMessage(), e);
        }
    }
}
