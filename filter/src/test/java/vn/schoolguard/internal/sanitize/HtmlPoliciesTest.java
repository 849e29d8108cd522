package vn.schoolguard.internal.sanitize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class HtmlPoliciesTest {

    private static final Pattern EVENT_HANDLER = Pattern.compile("(?i)<[^>]*\\son[a-z]+\\s*=");
    private static final Pattern BAD_SCHEME = Pattern.compile("(?i)<[^>]*(?:javascript|vbscript|livescript|data)\\s*:");
    private static final Pattern RAW_TEXT = Pattern.compile("(?i)<\\s*/?\\s*(?:script|style|noscript|iframe|noembed|noframes|xmp|plaintext|object|embed|svg|math|base|meta|link|form|template)\\b");

    @Test
    void everyPayloadOfTheXssCorpusLeavesNoScriptHandlerOrDangerousUrlUnderEveryPolicy() {
        List<String> payloads = XssCorpus.payloads();
        assertThat(payloads).hasSizeGreaterThanOrEqualTo(300);
        for (String policy : XssCorpus.POLICIES) {
            for (String payload : payloads) {
                String html = HtmlPolicies.sanitize(policy, payload).html();
                assertThat(html).as("%s: %s", policy, payload)
                        .doesNotContainPattern(EVENT_HANDLER)
                        .doesNotContainPattern(BAD_SCHEME)
                        .doesNotContainPattern(RAW_TEXT);
            }
        }
    }

    @Test
    void linksGetNofollowUgcNoopenerAndOnlyHttpHttpsMailto() {
        String html = HtmlPolicies.sanitize("links",
                "<a href=\"https://thpt.edu.vn/a\">a</a><a href=\"mailto:gv@thpt.edu.vn\">m</a><a href=\"ftp://x/\">f</a>").html();
        assertThat(html).contains("href=\"https://thpt.edu.vn/a\"").contains("href=\"mailto:gv&#64;thpt.edu.vn\"")
                .doesNotContain("ftp:");
        assertThat(html.split("rel=\"nofollow ugc noopener\"", -1)).hasSize(3);
    }

    @Test
    void textPolicyKeepsTheWordsAndDropsAllMarkup() {
        SanitizedHtml result = HtmlPolicies.sanitize("text", "<b>Chào</b> thầy <script>alert(1)</script>cô");
        assertThat(result.html()).isEqualTo("Chào thầy cô");
        assertThat(result.removed()).containsExactly("<b>", "<script>");
    }

    @Test
    void formattingPolicyKeepsFormattingButNotLinksOrImages() {
        SanitizedHtml result = HtmlPolicies.sanitize("formatting",
                "<p><b>Đậm</b> <i>nghiêng</i></p><ul><li>một</li></ul><a href=\"https://x.vn\">link</a><img src=\"https://x.vn/a.png\">");
        assertThat(result.html()).isEqualTo("<p><b>Đậm</b> <i>nghiêng</i></p><ul><li>một</li></ul>link");
        assertThat(result.removed()).containsExactly("<a>", "<img>");
    }

    @Test
    void imagesPolicyKeepsHttpImagesAndDropsDataUrls() {
        SanitizedHtml result = HtmlPolicies.sanitize("images",
                "<img src=\"https://thpt.edu.vn/a.png\" alt=\"Lễ khai giảng\" width=\"300\" onerror=\"alert(1)\"><img src=\"data:image/png;base64,AAAA\">");
        assertThat(result.html()).isEqualTo("<img src=\"https://thpt.edu.vn/a.png\" alt=\"Lễ khai giảng\" width=\"300\" />");
        assertThat(result.removed()).contains("img@onerror");
    }

    @Test
    void whatWasRemovedIsCountedPerElementAndAttribute() {
        SanitizedHtml result = HtmlPolicies.sanitize("links",
                "<a href=\"https://a.vn\" onclick=\"x()\">1</a><a href=\"https://b.vn\" onclick=\"y()\">2</a><script>z()</script>");
        assertThat(result.removed()).containsExactly("a@onclick ×2", "<script>");
        assertThat(result.changed()).isTrue();
        assertThat(HtmlPolicies.sanitize("links", "Cảm ơn thầy").changed()).isFalse();
    }

    @Test
    void unknownPolicyNameIsRejectedWithTheNamesThatExist() {
        assertThatThrownBy(() -> HtmlPolicies.sanitize("all", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown HTML policy 'all'; expected one of formatting, images, links, text");
    }

    @Test
    @Timeout(20)
    void oneMegabyteOfNestedTagsIsCutAndSanitizedInBoundedTime() {
        String nested = "<div><b><i>".repeat(1024 * 1024 / 11) + "x";
        long started = System.nanoTime();
        for (String policy : XssCorpus.POLICIES) {
            SanitizedHtml result = HtmlPolicies.sanitize(policy, nested);
            assertThat(result.removed()).contains("input cut from " + nested.length() + " to " + HtmlPolicies.MAX_INPUT_CHARS + " characters");
            assertThat(result.html().length()).isLessThan(HtmlPolicies.MAX_INPUT_CHARS * 2);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    @Timeout(20)
    void oneHundredThousandLinksAreHandledInBoundedTime() {
        String links = "<a href=\"https://go88.vip/r\">nổ hũ</a> ".repeat(100_000);
        SanitizedHtml result = HtmlPolicies.sanitize("links", links);
        assertThat(result.html()).contains("rel=\"nofollow ugc noopener\"");
        assertThat(result.removed()).anyMatch(entry -> entry.startsWith("input cut from"));
    }

    @Test
    void loneSurrogatesAndReplacementCharactersNeverBreakTheOutput() {
        String broken = "Em \uD800 chào \uDC00 thầy \uFFFD cô <b>\uD83D</b>";
        for (String policy : XssCorpus.POLICIES) {
            String html = HtmlPolicies.sanitize(policy, broken).html();
            assertThat(html).contains("chào").contains("thầy");
            for (int i = 0; i < html.length(); i++) {
                char c = html.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    assertThat(i + 1 < html.length() && Character.isLowSurrogate(html.charAt(i + 1))).as("paired surrogate in %s", policy).isTrue();
                    i++;
                } else {
                    assertThat(Character.isLowSurrogate(c)).as("lone low surrogate in %s", policy).isFalse();
                }
            }
        }
    }

    @Test
    void nullCountsAsEmpty() {
        assertThat(HtmlPolicies.sanitize("text", null).html()).isEmpty();
    }
}
