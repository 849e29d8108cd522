package vn.schoolguard.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The public API is the list in {@code architecture/public-api.txt}: a public type outside
 * {@code vn.schoolguard.internal} that is not on it (or a listed type that is gone) fails the build, so growing
 * the API is a decision written down in one place, not a side effect of a new class.
 */
class PublicApiTest {

    @Test
    void everyPublicTypeOutsideTheInternalPackagesIsOnTheApiList() throws IOException {
        Set<String> published = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(Layers.ROOT)) {
            if (visibleToHosts(type) && !type.getPackageName().startsWith(Layers.INTERNAL)) {
                published.add(type.getName());
            }
        }
        assertThat(published).as("public types outside " + Layers.INTERNAL + " (architecture/public-api.txt)")
                .containsExactlyElementsOf(listed());
    }

    @Test
    void theApiPackagesSayWhatTheyAre() {
        assertThat(PublicApiTest.class.getResource("/vn/schoolguard/api/package-info.class")).isNotNull();
        assertThat(PublicApiTest.class.getResource("/vn/schoolguard/internal/package-info.class")).isNotNull();
    }

    /** Public, and public all the way out: a public type nested in a package-private one is not reachable. */
    private static boolean visibleToHosts(JavaClass type) {
        if (type.getSimpleName().equals("package-info") || type.isAnonymousClass() || type.isLocalClass()) {
            return false;
        }
        for (JavaClass t = type; t != null; t = t.getEnclosingClass().orElse(null)) {
            if (!t.getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> listed() throws IOException {
        try (InputStream in = PublicApiTest.class.getResourceAsStream("/architecture/public-api.txt")) {
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
