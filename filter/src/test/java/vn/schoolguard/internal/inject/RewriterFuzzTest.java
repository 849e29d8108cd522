package vn.schoolguard.internal.inject;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class RewriterFuzzTest {

    private static final String MARK = "<!--INSERTED-->";
    private static final Insertion FIXED = new Insertion() {
        @Override
        public String atEnd(boolean trackerAlreadyThere, boolean portalPlaced) {
            return MARK;
        }

        @Override
        public String atPlaceholder() {
            return "";
        }
    };
    private static final String[] TOKENS = {
        "<p>", "</p>", "<div class=\"a\">", "</div>", "Trường THPT Ngô Quyền ", "đề thi học kỳ ", "plain text ",
        "</body>", "</BODY>", "</Body >", "</body\n>", "</body/>", "</bod", "</bodyx>", "</body-x>", "<", "</", "<<",
        "</b", "_", "__gov", "<html lang=\"vi\">", "<body>", "</html>", "\n", "  ", "<script>var x='</body>';</script>",
        "<!-- comment -->", "&amp;", "€ ", "<a href=\"https://example.vn/\">link</a>", "</htm", "<ht",
        "<h1>", "</h2>", "<hr>", "</br>", "</b>", "<_", "</_", "</<", "<!DOCTYPE html>", "<HTML>", "<i>", "</i>",
    };
    private static final Pattern LAST_BODY = Pattern.compile("(?si).*(</body[>/\\s])");

    @Test
    void everySplitOfRandomMarkupGivesTheInputWithExactlyOneInsertionAtTheLastBodyEnd() throws IOException {
        Random random = new Random(20230622L);
        Charset[] charsets = {StandardCharsets.UTF_8, Charset.forName("windows-1258"), StandardCharsets.ISO_8859_1};
        int inserted = 0;
        for (int round = 0; round < 4000; round++) {
            String page = randomPage(random);
            String expected = expected(page);
            if (!expected.equals(page)) {
                inserted++;
            }
            if (round % 2 == 0) {
                Charset charset = charsets[random.nextInt(charsets.length)];
                byte[] input = page.getBytes(charset);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                Rewriter<byte[]> rewriter = Rewriter.of(out, FIXED, 1 << 20);
                int i = 0;
                while (i < input.length) {
                    int n = random.nextInt(4) == 0 ? 1 : 1 + random.nextInt(Math.min(40, input.length - i));
                    n = Math.min(n, input.length - i);
                    if (n == 1 && random.nextBoolean()) {
                        rewriter.write(new byte[] {input[i]}, 0, 1);
                    } else {
                        rewriter.write(input, i, n);
                    }
                    i += n;
                }
                rewriter.finish();
                assertThat(new String(out.toByteArray(), charset)).as("round %d in %s: %s", round, charset, page)
                        .isEqualTo(new String(expected.getBytes(charset), charset));
            } else {
                StringWriter out = new StringWriter();
                Rewriter<char[]> rewriter = Rewriter.of(out, FIXED, 1 << 20);
                char[] input = page.toCharArray();
                int i = 0;
                while (i < input.length) {
                    int n = Math.min(1 + random.nextInt(40), input.length - i);
                    rewriter.write(input, i, n);
                    i += n;
                }
                rewriter.finish();
                assertThat(out.toString()).as("round %d (writer): %s", round, page).isEqualTo(expected);
            }
        }
        assertThat(inserted).as("pages that got an insertion").isGreaterThan(2000);
    }

    @Test
    void contentAfterTheLastBodyEndBeyondTheHoldLimitIsNotHeldAndTheInsertionStillComesOnce() throws IOException {
        String page = "<html><body>a</body>" + "x".repeat(5000) + "</html>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Rewriter<byte[]> rewriter = Rewriter.of(out, FIXED, 1024);
        byte[] bytes = page.getBytes(StandardCharsets.US_ASCII);
        rewriter.write(bytes, 0, 3000);
        assertThat(out.size()).as("bytes passed on before the end").isGreaterThanOrEqualTo(3000 - 1024);
        rewriter.write(bytes, 3000, bytes.length - 3000);
        rewriter.finish();
        assertThat(out.toString(StandardCharsets.US_ASCII))
                .isEqualTo("<html><body>a" + MARK + "</body>" + "x".repeat(5000) + "</html>");
    }

    @Test
    void heldBytesStayWithinAFewBytesWhileNoBodyEndHasBeenSeen() throws IOException {
        CountingStream out = new CountingStream();
        Rewriter<byte[]> rewriter = Rewriter.of(out, FIXED, 1024);
        byte[] chunk = "<p>Tin tức</p><div>_x</div></bod".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 10_000; i++) {
            rewriter.write(chunk, 0, chunk.length);
            assertThat((long) chunk.length * (i + 1) - out.count).isLessThanOrEqualTo(6);
        }
    }

    private static final String TRACKER = TrackerPages.page("own-official")
            .replaceAll("(?s).*(<script type.*?</script>).*", "$1");
    private static final String[] TRACKER_TOKENS = {
        TRACKER, TRACKER, "<script>", "</script>", "<script type=\"module\">", "<!--", "-->", "<textarea>", "</textarea>",
        "<div title=\"", "\">", "'", "\"", "=", " ", "_govaq", "_govaq.push(['setSiteId','4242']);",
        "_govaq.push(['setTrackerUrl','https://f-emc.ngsp.gov.vn/tracking']);",
        "'https://f-emc.ngsp.gov.vn/embed/gov-tracking.min.js'", "//", "\n", "/*", "*/", "<p>", "</body>", "<html>",
        "<scr", "</scr", "ipt>", "<title>", "</title>", "<a href=x>", "<!---->", "--!>",
    };

    @Test
    void everySplitFindsTheSameTrackerAsReadingThePageWholeAndStillInsertsExactlyOnce() throws IOException {
        Random random = new Random(20241201L);
        int carrying = 0;
        for (int round = 0; round < 3000; round++) {
            StringBuilder built = new StringBuilder();
            for (int t = random.nextInt(30); t > 0; t--) {
                built.append(TRACKER_TOKENS[random.nextInt(TRACKER_TOKENS.length)]);
            }
            String page = built.toString();
            TrackerWatch whole = new TrackerWatch(TrackerPages.HOST);
            whole.feed(page.toCharArray(), 0, page.length());
            boolean expected = whole.carries(TrackerPages.SITE_ID);
            carrying += expected ? 1 : 0;
            Verdict verdict = new Verdict();
            byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Rewriter<byte[]> bytePath = Rewriter.of(out, verdict, 1 << 20);
            for (int i = 0; i < bytes.length; ) {
                int n = Math.min(1 + random.nextInt(24), bytes.length - i);
                bytePath.write(bytes, i, n);
                i += n;
            }
            bytePath.finish();
            assertThat(out.toString(StandardCharsets.UTF_8)).as("round %d: %s", round, page).isEqualTo(expected(page));
            StringWriter chars = new StringWriter();
            Rewriter<char[]> charPath = Rewriter.of(chars, verdict, 1 << 20);
            for (int i = 0; i < page.length(); ) {
                int n = Math.min(1 + random.nextInt(24), page.length() - i);
                charPath.write(page.toCharArray(), i, n);
                i += n;
            }
            charPath.finish();
            assertThat(chars.toString()).as("round %d (writer): %s", round, page).isEqualTo(expected(page));
            if (!expected(page).equals(page)) {
                assertThat(verdict.seen).as("round %d: %s", round, page).containsExactly(expected, expected);
            }
        }
        assertThat(carrying).as("pages that carry a working tracker").isGreaterThan(300);
    }

    /** Inserts {@link #MARK} whatever it is told, and records whether the tracker was found. */
    private static final class Verdict extends Insertion {
        final java.util.List<Boolean> seen = new java.util.ArrayList<>();

        Verdict() {
            super(new TrackerIdentity(TrackerPages.SITE_ID, TrackerPages.HOST));
        }

        @Override
        public String atEnd(boolean trackerAlreadyThere, boolean portalPlaced) {
            seen.add(trackerAlreadyThere);
            return MARK;
        }

        @Override
        public String atPlaceholder() {
            return "";
        }
    }

    /** Reference: insert before the last "</body" followed by >, / or white space; else at the end after "<html". */
    static String expected(String page) {
        Matcher m = LAST_BODY.matcher(page);
        if (m.lookingAt()) {
            int at = m.start(1);
            return page.substring(0, at) + MARK + page.substring(at);
        }
        if (page.toLowerCase(Locale.ROOT).contains("<html")) {
            return page + MARK;
        }
        return page;
    }

    private static String randomPage(Random random) {
        StringBuilder page = new StringBuilder();
        int tokens = random.nextInt(60);
        for (int i = 0; i < tokens; i++) {
            page.append(TOKENS[random.nextInt(TOKENS.length)]);
        }
        return page.toString();
    }

    private static final class CountingStream extends java.io.OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
