package vn.schoolguard.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.schoolguard.api.ConfigException;
import vn.schoolguard.SchoolGuardConfig;

class ConfigurationMetadataTest {

    @TempDir
    Path dir;

    private static List<String> documentedNames() throws Exception {
        // The merged file the configuration processor writes, which IDEs read.
        try (InputStream in = ConfigurationMetadataTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("spring-configuration-metadata.json generated").isNotNull();
            JsonNode root = new ObjectMapper().readTree(in);
            List<String> names = new ArrayList<>();
            root.get("properties").forEach(p -> names.add(p.get("name").asText()));
            return names;
        }
    }

    @Test
    void essentialKeysAreDescribedForIdes() throws Exception {
        assertThat(documentedNames()).contains("schoolguard.enabled", "schoolguard.config", "schoolguard.data.dir",
                "schoolguard.store.url", "schoolguard.route", "schoolguard.proxies.trusted", "schoolguard.accounts.seed",
                "schoolguard.accounts.seed-password", "schoolguard.emc.site-id", "schoolguard.portal.url");
    }

    @Test
    void everyDescribedFilterKeyIsOneTheFilterKnows() throws Exception {
        for (String name : documentedNames()) {
            if (List.of("schoolguard.enabled", "schoolguard.config", "schoolguard.route").contains(name)) {
                continue;
            }
            String key = name.substring("schoolguard.".length());
            try {
                SchoolGuardConfig.builder().environment(Map.of()).systemProperties(new Properties())
                        .set("data.dir", dir.toString()).set(key, "x").build();
            } catch (ConfigException e) {
                assertThat(e.getMessage()).as(name).doesNotContain("'" + key + "' is not known");
            }
        }
    }
}
