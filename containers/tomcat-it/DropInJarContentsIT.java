package vn.schoolguard.containers.tomcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

import vn.schoolguard.containers.DropInSite;

/** Issue 7: everything the drop-in JAR carries is relocated under vn/schoolguard, so nothing clashes with the host. */
class DropInJarContentsIT {

    @Test
    void everyClassLivesUnderVnSchoolguard() throws Exception {
        List<String> outside = new ArrayList<>();
        try (JarFile jar = new JarFile(DropInSite.file("dropin.jar").toFile())) {
            for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                String name = entry.getName();
                boolean isClass = name.endsWith(".class");
                // Versioned classes under META-INF/versions would be looked up by their original names.
                boolean allowed = name.startsWith("vn/schoolguard/")
                        || (name.startsWith("META-INF/") && !(isClass && name.startsWith("META-INF/versions/")))
                        || (!isClass && name.endsWith("/"));
                if (!allowed) {
                    outside.add(name);
                }
            }
        }
        assertThat(outside).as("entries outside vn/schoolguard/ and META-INF/").isEmpty();
    }

    /** The javax JAR is transformed from the jakarta one: its replay must allow javax's forward attribute names. */
    @Test
    void replayAllowsTheForwardAttributesOfThisContainersServletApi() throws Exception {
        String api = System.getProperty("servlet.api").startsWith("javax.") ? "javax" : "jakarta";
        String other = api.equals("javax") ? "jakarta" : "javax";
        try (JarFile jar = new JarFile(DropInSite.file("dropin.jar").toFile())) {
            JarEntry entry = jar.getJarEntry("vn/schoolguard/internal/http/ReplayRequest.class");
            assertThat(entry).isNotNull();
            String constants;
            try (var in = jar.getInputStream(entry)) {
                constants = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            assertThat(constants).contains(api + ".servlet.forward.request_uri", api + ".servlet.forward.mapping")
                    .doesNotContain(other + ".servlet.forward.");
        }
    }

    /**
     * The alert mail library is inside, relocated, without the provider, mailcap and address-map files that name its
     * original classes: a host's own Jakarta or Java Mail reads those from every JAR of the web application.
     */
    @Test
    void alertMailIsRelocatedAndLeavesNoMailConfigurationForTheHost() throws Exception {
        try (JarFile jar = new JarFile(DropInSite.file("dropin.jar").toFile())) {
            assertThat(jar.getEntry("vn/schoolguard/shaded/angus/mail/smtp/SMTPTransport.class")).isNotNull();
            assertThat(jar.getEntry("META-INF/services/vn.schoolguard.shaded.mail.api.Provider")).isNotNull();
            assertThat(java.util.Collections.list(jar.entries())).extracting(JarEntry::getName)
                    .noneMatch(n -> n.startsWith("META-INF/javamail.") || n.startsWith("META-INF/mailcap")
                            || n.startsWith("META-INF/services/jakarta.mail") || n.startsWith("META-INF/services/javax.mail")
                            || n.startsWith("META-INF/services/jakarta.activation") || n.startsWith("jakarta/mail/"));
        }
    }

    @Test
    void noSlf4jApiInside() throws Exception {
        try (JarFile jar = new JarFile(DropInSite.file("dropin.jar").toFile())) {
            assertThat(jar.getEntry("org/slf4j/LoggerFactory.class")).isNull();
            assertThat(jar.getEntry("META-INF/services/java.sql.Driver")).isNull();
        }
    }

    @Test
    void noClassLinksAgainstTheHostsSlf4jAndTheBundledCopyHasItsProvider() throws Exception {
        List<String> linked = new ArrayList<>();
        try (JarFile jar = new JarFile(DropInSite.file("dropin.jar").toFile())) {
            for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                if (entry.getName().endsWith(".class")) {
                    String bytes = new String(jar.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
                    if (bytes.contains("org/slf4j/")) {
                        linked.add(entry.getName());
                    }
                }
            }
            assertThat(linked).as("classes referring to the host's org.slf4j (a linkage error on SLF4J 1.7 or none)").isEmpty();
            JarEntry provider = jar.getJarEntry("META-INF/services/vn.schoolguard.shaded.slf4j.spi.SLF4JServiceProvider");
            assertThat(provider).as("the bundled SLF4J copy's provider").isNotNull();
            assertThat(new String(jar.getInputStream(provider).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim())
                    .isEqualTo("vn.schoolguard.internal.log.BundledLibrariesProvider");
        }
    }
}
