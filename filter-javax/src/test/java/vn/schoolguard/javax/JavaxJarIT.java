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

    /**
     * The alert mail library is relocated out of {@code jakarta.*} before the transformer runs, so nothing of it may
     * have been turned into {@code javax.mail} or {@code javax.activation} (which Tomcat 9 and Java 17 do not have),
     * and its relocated service files must still name its relocated classes. A name the library itself spells (its
     * legacy {@code javax.activation.debug} switch) is in the drop-in JAR's class too and does not count.
     */
    @Test
    void theRelocatedMailLibraryIsNotRewrittenToJavaxMail() throws IOException {
        List<String> found = new ArrayList<>();
        Path dropIn = Path.of(System.getProperty("dropin.jar", "../filter/target/schoolguard.jar"));
        try (ZipFile zip = new ZipFile(jar().toFile()); ZipFile jakarta = new ZipFile(dropIn.toFile())) {
            assertThat(zip.getEntry("vn/schoolguard/shaded/angus/mail/smtp/SMTPTransport.class")).isNotNull();
            assertThat(zip.getEntry("vn/schoolguard/shaded/mail/api/Session.class")).isNotNull();
            ZipEntry streams = zip.getEntry("META-INF/services/vn.schoolguard.shaded.mail.api.util.StreamProvider");
            assertThat(streams).as("the relocated stream provider service").isNotNull();
            try (InputStream in = zip.getInputStream(streams)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim())
                        .isEqualTo("vn.schoolguard.shaded.angus.mail.util.MailStreamProvider");
            }
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                ZipEntry original = jakarta.getEntry(entry.getName());
                if (entry.getName().endsWith(".class") && original != null) {
                    try (InputStream in = zip.getInputStream(entry); InputStream before = jakarta.getInputStream(original)) {
                        String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                        String was = new String(before.readAllBytes(), StandardCharsets.ISO_8859_1);
                        for (String name : new String[] {"javax/mail", "javax.mail", "javax/activation", "javax.activation"}) {
                            if (count(text, name) > count(was, name)) {
                                found.add(entry.getName() + ": " + context(text, text.indexOf(name)));
                            }
                        }
                    }
                }
            }
        }
        assertThat(found).as("classes naming javax.mail or javax.activation").isEmpty();
    }

    private static int count(String text, String name) {
        int n = 0;
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            n++;
        }
        return n;
    }

    private static String context(String text, int at) {
        int from = Math.max(0, at - 30);
        int to = Math.min(text.length(), at + 60);
        return text.substring(from, to).replaceAll("[^\\x20-\\x7e]", "·");
    }
}
