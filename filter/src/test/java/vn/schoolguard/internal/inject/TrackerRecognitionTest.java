package vn.schoolguard.internal.inject;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Regression: a poster's {@code _govaq} (in text, attributes, comments, a textarea, a data script) suppressed the
 * inserted EMC tracker. Only a script the browser runs, setting the configured site ID with the tracker URL on the
 * configured host and loading the tracker, counts as the tracker already there; and the check sees the same.
 */
class TrackerRecognitionTest {

    private static final String MARK = "<!--SG-TRACKER-->";

    static Insertion insertion() {
        return new Insertion(new TrackerIdentity(TrackerPages.SITE_ID, TrackerPages.HOST)) {
            @Override
            public String atEnd(boolean trackerAlreadyThere, boolean portalPlaced) {
                return trackerAlreadyThere ? "" : MARK;
            }

            @Override
            public String atPlaceholder() {
                return "";
            }
        };
    }

    static List<String> pages() {
        return TrackerPages.names().toList();
    }

    @ParameterizedTest
    @MethodSource("pages")
    void checkSeesExactlyTheSiteIdsOfWorkingTrackers(String name) {
        PageInspection inspection = PageInspection.of(TrackerPages.page(name), URI.create("https://thcs-leloi.haiphong.edu.vn/"),
                ImplantRules.builtIn(), List.of());
        assertThat(inspection.siteIds()).as(name).isEqualTo(TrackerPages.siteIds(name));
        assertThat(inspection.trackerFound()).as(name).isEqualTo(!TrackerPages.siteIds(name).isEmpty());
    }

    @ParameterizedTest
    @MethodSource("pages")
    void everyByteSplitOfThePageGetsTheTrackerExactlyWhenItCarriesNoneOfItsOwn(String name) throws IOException {
        String expected = TrackerPages.served(name, MARK);
        byte[] page = TrackerPages.page(name).getBytes(StandardCharsets.UTF_8);
        for (int split = 0; split <= page.length; split++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Rewriter<byte[]> rewriter = Rewriter.of(out, insertion(), 1 << 20);
            rewriter.write(page, 0, split);
            rewriter.write(page, split, page.length - split);
            rewriter.finish();
            assertThat(out.toString(StandardCharsets.UTF_8)).as("%s split at byte %d", name, split).isEqualTo(expected);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Rewriter<byte[]> rewriter = Rewriter.of(out, insertion(), 1 << 20);
        for (byte b : page) {
            rewriter.write(new byte[] {b}, 0, 1);
        }
        rewriter.finish();
        assertThat(out.toString(StandardCharsets.UTF_8)).as("%s byte by byte", name).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("pages")
    void everyCharSplitOfThePageGetsTheTrackerExactlyWhenItCarriesNoneOfItsOwn(String name) throws IOException {
        String expected = TrackerPages.served(name, MARK);
        char[] page = TrackerPages.page(name).toCharArray();
        for (int split = 0; split <= page.length; split++) {
            StringWriter out = new StringWriter();
            Rewriter<char[]> rewriter = Rewriter.of(out, insertion(), 1 << 20);
            rewriter.write(page, 0, split);
            rewriter.write(page, split, page.length - split);
            rewriter.finish();
            assertThat(out.toString()).as("%s split at char %d", name, split).isEqualTo(expected);
        }
        StringWriter out = new StringWriter();
        Rewriter<char[]> rewriter = Rewriter.of(out, insertion(), 1 << 20);
        for (char c : page) {
            rewriter.write(new char[] {c}, 0, 1);
        }
        rewriter.finish();
        assertThat(out.toString()).as("%s char by char", name).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://f-emc.ngsp.gov.vn/tracking | true",
        "//f-emc.ngsp.gov.vn/tracking | true",
        "HTTPS://F-EMC.NGSP.GOV.VN:443/tracking | true",
        "https://f-emc.ngsp.gov.vn | true",
        "https://f-emc.ngsp.gov.vn.evil.example/tracking | false",
        "https://evil.example/f-emc.ngsp.gov.vn/tracking | false",
        "https://evil.example/?https://f-emc.ngsp.gov.vn/ | false",
        "https://f-emc.ngsp.gov.vn@evil.example/tracking | false",
        "https://evil.example\\@f-emc.ngsp.gov.vn/ | false",
        "https://evil.example\\f-emc.ngsp.gov.vn/ | false",
        "javascript:'https://f-emc.ngsp.gov.vn/' | false",
        "f-emc.ngsp.gov.vn/tracking | false",
        "https://sub.f-emc.ngsp.gov.vn/tracking | false",
        "https://f-emc.ngsp.gov.vn:8443/tracking | false",
        "https://f-emc.ngsp.gov.vn:x/tracking | false",
    })
    void trackerUrlMustBeOnExactlyTheConfiguredHost(String url, boolean onHost) {
        assertThat(TrackerScript.onHost(url, TrackerPages.HOST)).as(url).isEqualTo(onHost);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://emc.example:8443/tracking | true",
        "//emc.example:8443/tracking | true",
        "https://emc.example/tracking | false",
        "https://emc.example:443/tracking | false",
        "https://emc.example:84430/tracking | false",
    })
    void trackerHostWithAPortMatchesOnlyThatPort(String url, boolean onHost) {
        assertThat(TrackerScript.onHost(url, "emc.example:8443")).as(url).isEqualTo(onHost);
        assertThat(TrackerScript.onHost("https://emc.example:443/t", "emc.example")).isTrue();
    }

    @Test
    void queueCommandsCountOnlyInCodeAndTheLastSiteIdWins() {
        String code = "var s = 'x\\'y'; /* _govaq.push(['setSiteId', '1']) */ var r = /'/g, d = 4 / 2 / 1;"
                + "_govaq.push(['setTrackerUrl', 'https://f-emc.ngsp.gov.vn/tracking']);"
                + "_govaq.push(['setSiteId', '7']); _govaq.push([\"setSiteId\", 4242]);"
                + "g.src = 'https://f-emc.ngsp.gov.vn/embed/gov-tracking.min.js';";
        TrackerScript.Bootstrap bootstrap = TrackerScript.read(code.toCharArray(), code.length(), TrackerPages.HOST);
        assertThat(bootstrap).isEqualTo(new TrackerScript.Bootstrap("4242", true));
        String redirected = code.replace("g.src", "_govaq.push(['setTrackerUrl', 'https://evil.example/t']); g.src");
        assertThat(TrackerScript.read(redirected.toCharArray(), redirected.length(), TrackerPages.HOST)).isNull();
    }

    @Test
    void aTrackerAfterAnUnclosedQuoteInAnotherTagsAttributeIsStillOnlyTextUntilTheQuoteCloses() {
        String tracker = TrackerPages.page("own-official").replaceAll("(?s).*(<script type.*?</script>).*", "$1");
        String page = "<html><body><p title='" + tracker + "'>x</p>" + "</body></html>";
        assertThat(PageInspection.of(page, URI.create("https://a.edu.vn/"), ImplantRules.builtIn(), List.of())
                .trackerFound()).isFalse();
        assertThat(PageInspection.of(page + tracker, URI.create("https://a.edu.vn/"), ImplantRules.builtIn(), List.of())
                .siteIds()).containsExactly("4242");
    }
}
