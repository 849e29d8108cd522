package vn.schoolguard.internal.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.schoolguard.api.ConfigProblem;

/** Host names and patterns as the container may hand them over, whatever it lets through (Jetty refuses some itself). */
class HostNameTest {

    @Test
    void namesAreLowerCaseWithoutTrailingDotAndIdnInPunycode() {
        assertThat(HostName.canonical("NgoQuyen.LocalHost.")).hasValue("ngoquyen.localhost");
        assertThat(HostName.canonical("ngô-quyền.test")).hasValue("xn--ng-quyn-u0a9779d.test");
        assertThat(HostName.canonical("xn--ng-quyn-u0a9779d.test")).hasValue("xn--ng-quyn-u0a9779d.test");
    }

    @Test
    void whatIsNoDnsNameGetsNoSiteByName() {
        for (String hostile : new String[] {"", " ", ".", "[::1]", "::1", "2001:db8::1", "evil.example@a.school.test",
                "a.school.test:8080", "a.school.test/x", "a_b.test", "-a.test", "a..test", "a.test\u0000",
                "a.school.test\r\nX-Evil: 1", "x".repeat(64) + ".test", ("y".repeat(60) + ".").repeat(5) + "test",
                "z".repeat(100_000)}) {
            assertThat(HostName.canonical(hostile)).as(hostile).isEmpty();
        }
        assertThat(HostName.canonical(null)).isEmpty();
    }

    @Test
    void aWildcardStandsForExactlyOneLabelAndTheMostSpecificPatternWins() {
        SiteOverlay wide = SiteOverlay.parse("wide", "site.wide.", false, java.util.Map.of("hosts", "*.haiphong.edu.vn"));
        SiteOverlay school = SiteOverlay.parse("ngoquyen", "site.ngoquyen.", false,
                java.util.Map.of("hosts", "ngoquyen.*.edu.vn, ngoquyen.localhost"));
        List<ConfigProblem> problems = new ArrayList<>();
        SiteHosts hosts = SiteHosts.of(List.of(wide, school), problems);
        assertThat(problems).isEmpty();
        assertThat(hosts.siteOf("ngoquyen.haiphong.edu.vn")).hasValue("ngoquyen");
        assertThat(hosts.siteOf("lachtray.haiphong.edu.vn")).hasValue("wide");
        assertThat(hosts.siteOf("a.lachtray.haiphong.edu.vn")).isEmpty();
        assertThat(hosts.siteOf("ngoquyen.localhost")).hasValue("ngoquyen");
    }

    @Test
    void aHostTwoSitesNameGoesToNeitherAndIsReported() {
        SiteOverlay one = SiteOverlay.parse("one", "site.one.", false, java.util.Map.of("hosts", "same.test, one.test"));
        SiteOverlay two = SiteOverlay.parse("two", "/etc/sites/two.properties", true, java.util.Map.of("hosts", "SAME.test."));
        List<ConfigProblem> problems = new ArrayList<>();
        SiteHosts hosts = SiteHosts.of(List.of(one, two), problems);
        assertThat(hosts.siteOf("same.test")).isEmpty();
        assertThat(hosts.siteOf("one.test")).hasValue("one");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("/etc/sites/two.properties: hosts");
            assertThat(p.value()).isEqualTo("same.test");
            assertThat(p.expected()).contains("site one names it too");
        });
    }

    @Test
    void badHostEntriesAreProblemsNamingTheEntry() {
        SiteOverlay bad = SiteOverlay.parse("x", "site.x.", false, java.util.Map.of("hosts", "ok.test, *, *.*, a b.test, evil@x.test"));
        assertThat(bad.hosts()).extracting(HostPattern::text).containsExactly("ok.test");
        assertThat(bad.problems()).extracting(ConfigProblem::value).containsExactly("*", "*.*", "a b.test", "evil@x.test");
        assertThat(bad.problems()).allSatisfy(p -> assertThat(p.key()).isEqualTo("site.x.hosts"));
    }
}
