package vn.schoolguard.internal.boot;

import java.net.MalformedURLException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;


/**
 * Internal: decides whether a web application gets the filter registered by code, and registers it first.
 * Uses only the Servlet API and {@link ServletContext#log}, because it runs before the filter's logging starts.
 */
public final class AutoRegistration {

    /** Context-parameter that turns auto-registration off when {@code false}. */
    public static final String AUTO_REGISTER = "schoolguard.autoRegister";
    /** Context-parameter that registers the filter without a settings file when {@code true}. */
    public static final String ENABLED = "schoolguard.enabled";
    /** The name the filter is registered under. */
    public static final String FILTER_NAME = "schoolguard";

    static final String CONFIG_PARAM = "schoolguard.config";
    static final String CONFIG_ENV = "SCHOOLGUARD_CONFIG";
    static final String DEFAULT_FILE = "/WEB-INF/schoolguard.properties";
    private static final String FILTER_CLASS = "vn.schoolguard.SchoolGuardFilter";

    private AutoRegistration() {
    }

    /** What was decided for one web application. */
    public enum Outcome { REGISTERED, TURNED_OFF, NOT_CONFIGURED, DECLARED_BY_APPLICATION, NAME_TAKEN }

    /**
     * Registers the filter in {@code context} when the rules in {@link vn.schoolguard.SchoolGuardInitializer}
     * say so, and writes the decision to the context's log.
     *
     * @param filter the filter class to register (passed in, so this package does not depend on the filter's)
     */
    public static Outcome register(ServletContext context, Class<? extends Filter> filter, Properties systemProperties,
                                   Map<String, String> environment) {
        Optional<String> switchValue = switchValue(context, AUTO_REGISTER, systemProperties, environment);
        if (switchValue.isPresent() && switchValue.get().equalsIgnoreCase("false")) {
            context.log(BootMessages.turnedOff(AUTO_REGISTER));
            return Outcome.TURNED_OFF;
        }
        Optional<String> declared = context.getFilterRegistrations().values().stream()
                .filter(r -> FILTER_CLASS.equals(r.getClassName()))
                .map(FilterRegistration::getName).findFirst();
        if (declared.isPresent()) {
            context.log(BootMessages.declaredByApplication(declared.get()));
            return Outcome.DECLARED_BY_APPLICATION;
        }
        Optional<String> source = settingsSource(context, systemProperties, environment);
        if (source.isEmpty()) {
            context.log(BootMessages.notConfigured(DEFAULT_FILE, ENABLED));
            return Outcome.NOT_CONFIGURED;
        }
        FilterRegistration.Dynamic registration = context.addFilter(FILTER_NAME, filter);
        if (registration == null) {
            context.log(BootMessages.nameTaken(FILTER_NAME));
            return Outcome.NAME_TAKEN;
        }
        // The filter follows async requests through PageDecorator, so async servlets of the host keep working.
        registration.setAsyncSupported(true);
        // isMatchAfter=false puts the mapping ahead of every filter mapping the application declares.
        registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        context.log(BootMessages.registered(source.get(), FILTER_NAME, AUTO_REGISTER));
        return Outcome.REGISTERED;
    }

    /** Where the settings will come from, or empty when the application has not asked for the filter. */
    static Optional<String> settingsSource(ServletContext context, Properties systemProperties, Map<String, String> environment) {
        String param = context.getInitParameter(CONFIG_PARAM);
        if (param != null && !param.isBlank()) {
            return Optional.of("context-parameter " + CONFIG_PARAM + " = " + param.trim());
        }
        String property = systemProperties.getProperty(CONFIG_PARAM);
        if (property != null && !property.isBlank()) {
            return Optional.of("system property " + CONFIG_PARAM + " = " + property.trim());
        }
        String variable = environment.get(CONFIG_ENV);
        if (variable != null && !variable.isBlank()) {
            return Optional.of("environment variable " + CONFIG_ENV + " = " + variable.trim());
        }
        try {
            if (context.getResource(DEFAULT_FILE) != null) {
                return Optional.of(DEFAULT_FILE);
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        Optional<String> enabled = switchValue(context, ENABLED, systemProperties, environment);
        if (enabled.isPresent() && enabled.get().equalsIgnoreCase("true")) {
            return Optional.of(ENABLED + " = true (settings from system properties and environment)");
        }
        return Optional.empty();
    }

    /**
     * A registration switch: the application's context-parameter first, then the server-wide system property,
     * then the environment variable ({@code SCHOOLGUARD_AUTOREGISTER}, {@code SCHOOLGUARD_ENABLED}).
     */
    private static Optional<String> switchValue(ServletContext context, String name, Properties systemProperties,
                                                Map<String, String> environment) {
        String variable = "SCHOOLGUARD_" + name.substring("schoolguard.".length()).toUpperCase(java.util.Locale.ROOT);
        for (String value : new String[] {context.getInitParameter(name), systemProperties.getProperty(name), environment.get(variable)}) {
            if (value != null && !value.isBlank()) {
                return Optional.of(value.trim());
            }
        }
        return Optional.empty();
    }
}
