package vn.schoolguard.springboot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

import vn.schoolguard.api.ConfigException;
import vn.schoolguard.api.ConfigProblem;

// Turns the schoolguard.* properties of a Spring Environment into the filter's init-parameters.
final class SpringSettings {

    static final String PREFIX = "schoolguard.";
    /** The starter's own switch; never passed to the filter, which would call it an unknown key. */
    static final String ENABLED = PREFIX + "enabled";
    /** A properties file to read first, as the filter's {@code config-file} init-parameter. */
    static final String CONFIG = PREFIX + "config";
    static final String CONFIG_FILE_PARAM = "config-file";
    // Context-parameters of the drop-in JAR's auto-registration, which mean nothing to the filter itself.
    private static final Set<String> NOT_FILTER_KEYS = Set.of(ENABLED, CONFIG, PREFIX + "autoregister");

    private SpringSettings() {
    }

    /**
     * Every {@code schoolguard.*} key found in the environment's named sources (properties and YAML files, system
     * properties, test properties, command-line arguments), with the prefix removed, valued as the environment
     * resolves it: placeholders filled in, and an environment variable in Spring's relaxed form overriding a file.
     * Environment variables the files do not name reach the filter directly: it reads {@code SCHOOLGUARD_*} itself.
     */
    static Map<String, String> initParameters(ConfigurableEnvironment environment) {
        checkSwitch(environment);
        Map<String, String> parameters = new TreeMap<>();
        for (String name : schoolGuardNames(environment)) {
            if (NOT_FILTER_KEYS.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String value = environment.getProperty(name);
            if (value != null) {
                parameters.put(name.substring(PREFIX.length()), value);
            }
        }
        String configFile = environment.getProperty(CONFIG);
        if (configFile != null && !configFile.isBlank()) {
            parameters.put(CONFIG_FILE_PARAM, configFile.trim());
        }
        return parameters;
    }

    private static List<String> schoolGuardNames(ConfigurableEnvironment environment) {
        List<String> names = new ArrayList<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    // Case-sensitive on purpose: SCHOOLGUARD_* variables are the filter's to map, dots and dashes alike.
                    if (name.startsWith(PREFIX) && name.length() > PREFIX.length() && !names.contains(name)) {
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }

    // Security-critical: a mistyped switch must not leave a site unguarded, nor guard it against the admin's intent.
    private static void checkSwitch(ConfigurableEnvironment environment) {
        String value = environment.getProperty(ENABLED);
        if (value != null && !value.trim().equalsIgnoreCase("true") && !value.trim().equalsIgnoreCase("false")) {
            throw new ConfigException(List.of(new ConfigProblem(ENABLED, value, "true or false")));
        }
    }
}
