package vn.schoolguard.javax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

// The javax build as Tomcat 9 and Liferay load it: the packaged JAR, read entry by entry.
class JavaxJarIT {

    private static final String[] JAKARTA = {"jakarta/servlet", "jakarta.servlet"};

    private static Path jar() {
        Path jar = Path.of(System.getProperty("javax.jar", "target/schoolguard-javax.jar"));
        assertThat(jar).as("the javax JAR (run mvn verify in filter-javax)").isRegularFile();
        return jar;
    }

    /**
     * Raw bytes cover the whole constant pool, so also Signature attributes and strings no attribute points at:
     * a generic signature such as {@code <T::Ljakarta/servlet/AsyncListener;>} is not a descriptor, and the
     * transformer's package matching skips it unless a rule names it.
     */
    @Test
    void noClassOrResourceOfTheJavaxJarNamesJakartaServlet() throws IOException {
        List<String> found = new ArrayList<>();
        int classes = 0;
        try (ZipFile zip = new ZipFile(jar().toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                // The build's own pom (META-INF/maven/) spells out the transformer rule, so it names the package on
                // purpose; no container reads it. Nested JARs are the command line's SLF4J.
                if (entry.isDirectory() || entry.getName().endsWith(".jar") || entry.getName().startsWith("META-INF/maven/")) {
                    continue;
                }
                classes += entry.getName().endsWith(".class") ? 1 : 0;
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                // ISO-8859-1 keeps one char per byte, so ASCII names match inside modified UTF-8 constants.
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                for (String name : JAKARTA) {
                    int at = text.indexOf(name);
                    if (at >= 0) {
                        found.add(entry.getName() + ": " + context(text, at));
                    }
                }
            }
        }
        assertThat(classes).as("class files in the javax JAR").isGreaterThan(100);
        assertThat(found).as("entries naming jakarta.servlet in %s", jar()).isEmpty();
    }

    @Test
    void theJavaxJarUsesJavaxServlet() throws IOException {
        try (ZipFile zip = new ZipFile(jar().toFile());
             InputStream in = zip.getInputStream(zip.getEntry("vn/schoolguard/SchoolGuardFilter.class"))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).contains("javax/servlet/Filter");
        }
    }

    private static String context(String text, int at) {
        int from = Math.max(0, at - 30);
        int to = Math.min(text.length(), at + 60);
        return text.substring(from, to).replaceAll("[^\\x20-\\x7e]", "·");
    }
}
