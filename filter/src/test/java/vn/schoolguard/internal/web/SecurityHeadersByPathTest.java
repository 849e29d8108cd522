package vn.schoolguard.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.schoolguard.internal.http.page.PageServer;
import vn.schoolguard.internal.inject.SecurityHeaders;
import vn.schoolguard.testing.TestSite;

/**
 * Every response carries exactly one policy's security headers, written by the one writer: the site pages' policy
 * from the settings, or the console's own stricter one, whatever the path looks like ({@code inject/header-cases.txt}).
 */
class SecurityHeadersByPathTest {

    /** Every header a policy of either kind sets; a response must carry exactly its policy's ones among them. */
    private static final List<String> SECURITY_HEADERS = List.of("Content-Security-Policy",
            "Content-Security-Policy-Report-Only", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options",
            "Permissions-Policy", "Strict-Transport-Security");

    private record Section(Map<String, String> settings, List<String[]> cases) {
    }

    @Test
    void everyPathCarriesExactlyTheHeadersOfItsPolicy(@TempDir Path dir) throws Exception {
        SoftAssertions soft = new SoftAssertions();
        HttpClient client = HttpClient.newHttpClient();
        int n = 0;
        for (Section section : sections()) {
            Map<String, String> all = new LinkedHashMap<>(section.settings());
            all.put("implant.sample-rate", "0");
            try (TestSite site = new TestSite(dir.resolve("site" + n++), all)) {
                for (String path : List.of("/news/1", "/", "/admin/posts/7", "/css/site.css")) {
                    site.pages.put(path, new TestSite.Served("<html><body><p>Tin tức</p></body></html>", Map.of()));
                }
                SecurityHeaders pages = SecurityHeaders.of(PageServer.settings(flat(all)));
                for (String[] c : section.cases()) {
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create(site.base() + c[0].replace("<", "%3C").replace(">", "%3E"))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    expect(soft, section.settings() + " " + c[0], response, expected(c[1], pages));
                }
            }
        }
        soft.assertAll();
    }

    private static void expect(SoftAssertions soft, String what, HttpResponse<String> response, SecurityHeaders policy) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (SecurityHeaders.Header header : policy.headers()) {
            if (!header.httpsOnly()) {
                wanted.put(header.name(), header.value());
            }
        }
        for (String name : SECURITY_HEADERS) {
            soft.assertThat(response.headers().allValues(name)).as("%s: %s", what, name)
                    .isEqualTo(Optional.ofNullable(wanted.get(name)).map(List::of).orElse(List.of()));
        }
        if (wanted.containsKey("Cache-Control")) {
            soft.assertThat(response.headers().allValues("Cache-Control")).as("%s: Cache-Control", what)
                    .containsExactly(wanted.get("Cache-Control"));
        }
    }

    private static SecurityHeaders expected(String kind, SecurityHeaders pages) {
        return switch (kind) {
            case "pages" -> pages;
            case "console" -> ConsoleHeaders.headers(ConsoleHeaders.Kind.PAGE);
            case "api" -> ConsoleHeaders.headers(ConsoleHeaders.Kind.API);
            case "receipt" -> ConsoleHeaders.headers(ConsoleHeaders.Kind.RECEIPT);
            case "none" -> SecurityHeaders.builder().build();
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
    }

    private static String[] flat(Map<String, String> settings) {
        List<String> out = new ArrayList<>();
        settings.forEach((k, v) -> {
            out.add(k);
            out.add(v);
        });
        return out.toArray(String[]::new);
    }

    private static List<Section> sections() {
        List<Section> sections = new ArrayList<>();
        try (InputStream in = SecurityHeadersByPathTest.class.getResourceAsStream("/inject/header-cases.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                if (l.startsWith("[")) {
                    Map<String, String> settings = new LinkedHashMap<>();
                    String body = l.substring(1, l.length() - 1).strip();
                    if (!body.equals("-")) {
                        for (String pair : body.split(" ; ")) {
                            settings.put(pair.substring(0, pair.indexOf('=')).strip(), pair.substring(pair.indexOf('=') + 1).strip());
                        }
                    }
                    sections.add(new Section(settings, new ArrayList<>()));
                } else {
                    sections.get(sections.size() - 1).cases().add(l.split("\\s+"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sections;
    }
}
