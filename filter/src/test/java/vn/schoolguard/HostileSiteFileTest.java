package vn.schoolguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.schoolguard.api.ConfigException;
import vn.schoolguard.api.ConfigProblem;
import vn.schoolguard.internal.site.SiteFiles;
import vn.schoolguard.internal.site.SiteOverlay;

/** Hostile site files (site/hostile-site-files.txt): each is built or refused with a problem naming the file and key. */
class HostileSiteFileTest {

    @TempDir
    Path dir;

    static List<String[]> cases() throws IOException {
        List<String[]> cases = new ArrayList<>();
        try (InputStream in = HostileSiteFileTest.class.getResourceAsStream("/site/hostile-site-files.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.split(" \\| ", 3);
                    cases.add(new String[] {parts[0].trim(), parts[1], parts[2].trim()});
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @MethodSource("cases")
    void aSiteFileIsBuiltOrRefusedWithItsFileAndKey(String name, String content, String expected) throws Exception {
        String text = content.equals("{huge}") ? "hosts=a.test\n" + "x=".repeat(200_000)
                : content.replace("\\n", "\n").replace("\\uFEFF", "\uFEFF").replace("\\u0000", "\u0000");
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        SiteOverlay overlay = SiteFiles.readOne(file);
        SchoolGuardConfig platform = SchoolGuardConfig.builder().environment(Map.of()).systemProperties(new Properties())
                .set("data.dir", dir.resolve("data").toString()).build();
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> SiteConfigs.forSite(platform, overlay));
        if (expected.equals("ok")) {
            assertThat(e).isNull();
            assertThat(overlay.hosts()).isNotEmpty();
            return;
        }
        assertThat(e).as(text).isNotNull();
        assertThat(e.problems()).extracting(ConfigProblem::key).contains(file + ": " + expected);
        assertThat(e.getMessage()).contains(file.toString());
    }
}
