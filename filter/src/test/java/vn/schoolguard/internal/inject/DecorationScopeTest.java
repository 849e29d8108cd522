package vn.schoolguard.internal.inject;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.schoolguard.api.ConfigException;
import vn.schoolguard.internal.http.page.PageServer;
import vn.schoolguard.testing.TestSite;

/** Which pages get the tracker and portal link, on a real site with the filter: cases in inject/scope-cases.txt. */
class DecorationScopeTest {

    private static final String TRACKER = "_govaq";
    private static final String PORTAL = "https://haiphong.edu.vn/";

    /** One site's settings and the paths to ask it for, with whether each page is decorated. */
    record Section(String settings, Map<String, String> keys, Map<String, String> cases) {
        @Override
        public String toString() {
            return settings;
        }
    }

    static Stream<Arguments> sections() throws IOException {
        List<Arguments> sections = new ArrayList<>();
        Section current = null;
        for (String line : ImplantScannerTest.fixture("scope-cases.txt").split("\n")) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            if (text.startsWith("[")) {
                String settings = text.substring(1, text.length() - 1);
                Map<String, String> keys = new LinkedHashMap<>();
                if (!settings.equals("-")) {
                    for (String pair : settings.split(" ; ")) {
                        keys.put(pair.substring(0, pair.indexOf('=')).strip(), pair.substring(pair.indexOf('=') + 1).strip());
                    }
                }
                current = new Section(settings, keys, new LinkedHashMap<>());
                sections.add(Arguments.of(current));
                continue;
            }
            String[] parts = text.split("\\s+");
            current.cases().put(parts[0], parts[1]);
        }
        return sections.stream();
    }

    static Map<String, String> settings(Map<String, String> extra) {
        Map<String, String> settings = new LinkedHashMap<>(Map.of("emc.site-id", "4242", "portal.url", PORTAL,
                "implant.sample-rate", "0"));
        settings.putAll(extra);
        return settings;
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("sections")
    void adminAndExcludedPagesAreServedWithoutTrackerOrPortalButWithHeaders(Section section, @TempDir Path dir)
            throws Exception {
        String admin = ImplantScannerTest.fixture("admin-page.html");
        try (TestSite site = new TestSite(dir, settings(section.keys()))) {
            SoftAssertions soft = new SoftAssertions();
            for (Map.Entry<String, String> c : section.cases().entrySet()) {
                String decoded = java.net.URLDecoder.decode(c.getKey().replace("+", "%2B"), "UTF-8")
                        .replaceAll(";[^/]*", "").replaceAll("/{2,}", "/");
                site.pages.put(decoded.length() > 1 && decoded.endsWith("/") ? decoded.substring(0, decoded.length() - 1)
                        : decoded, new TestSite.Served(admin, Map.of()));
            }
            for (Map.Entry<String, String> c : section.cases().entrySet()) {
                HttpResponse<String> response = site.get(c.getKey());
                if (c.getValue().equals("refused")) {
                    soft.assertThat(response.statusCode()).as("status of %s", c.getKey()).isEqualTo(400);
                    soft.assertThat(response.body()).as("page %s", c.getKey()).doesNotContain(TRACKER);
                    continue;
                }
                boolean decorated = c.getValue().equals("decorated");
                soft.assertThat(response.statusCode()).as("status of %s", c.getKey()).isEqualTo(200);
                soft.assertThat(response.body()).as("page %s", c.getKey()).contains("s3cr3t-admin-token");
                soft.assertThat(response.body().contains(TRACKER)).as("tracker on %s", c.getKey()).isEqualTo(decorated);
                soft.assertThat(response.body().contains(PORTAL)).as("portal link on %s", c.getKey()).isEqualTo(decorated);
                soft.assertThat(response.headers().firstValue("X-Content-Type-Options")).as("headers on %s", c.getKey())
                        .contains("nosniff");
            }
            soft.assertAll();
        }
    }

    @Test
    void badPatternsAreRefusedNamingKeyValueAndSyntax() {
        try {
            PageServer.settings("inject.include", "news/**", "inject.exclude", "/ok/**, /a b", "inject.exclude-defaults", "maybe");
            throw new AssertionError("bad patterns were accepted");
        } catch (ConfigException e) {
            assertThat(e.getMessage()).contains("inject.include").contains("news/**")
                    .contains("inject.exclude").contains("/a b").contains("starting with /")
                    .contains("inject.exclude-defaults").contains("maybe");
        }
    }

    @Test
    void doubledSlashesAndTrailingSlashCannotEscapeAnExclusion() {
        DecorationScope scope = new DecorationScope(new InjectSettings.Scope(List.of(), List.of("/staff/**"), true));
        assertThat(Stream.of("//admin/x", "/admin//x", "/admin/", "/admin//", "//admin", "/Edit.jsp/", "//staff//a",
                "/STAFF/a", "/wp-admin//", "/group/x//~/control_panel/manage")).noneMatch(scope::decorates);
        assertThat(Stream.of("/", "/news/1", "//news//1/", "/staffroom", "/admins")).allMatch(scope::decorates);
    }

    @Test
    void defaultExclusionsAreThePublishedList() {
        assertThat(DecorationScope.DEFAULT_EXCLUDES).allMatch(DecorationScope::valid)
                .contains("/admin/**", "/wp-admin/**", "/manager/**", "/console/**", "/Edit.jsp", "/login.jsp",
                        "/UserPreferences.jsp", "/admin.jsp");
    }
}
