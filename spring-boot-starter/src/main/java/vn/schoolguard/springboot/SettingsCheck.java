package vn.schoolguard.springboot;

import java.nio.file.Path;
import java.util.Map;

import vn.schoolguard.api.ConfigException;
import vn.schoolguard.SchoolGuardConfig;

// Validates the settings before the web server starts, so that a mistake ends startup with the filter's own
// message (key, value, expectation) instead of the embedded container's "context failed to start".
final class SettingsCheck {

    private SettingsCheck() {
    }

    /**
     * Builds the configuration exactly as the filter will: the {@code config-file} first, then the other
     * init-parameters, then {@code schoolguard.*} system properties and {@code SCHOOLGUARD_*} variables.
     *
     * @throws ConfigException naming every bad key
     */
    static void validate(Map<String, String> initParameters) {
        SchoolGuardConfig.Builder builder = SchoolGuardConfig.builder();
        String file = initParameters.get(SpringSettings.CONFIG_FILE_PARAM);
        if (file != null) {
            builder.properties(Path.of(file));
        }
        initParameters.forEach((key, value) -> {
            if (!key.equals(SpringSettings.CONFIG_FILE_PARAM)) {
                builder.set(key, value);
            }
        });
        builder.build();
    }
}
