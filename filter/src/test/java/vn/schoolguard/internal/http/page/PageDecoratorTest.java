package vn.schoolguard.internal.http.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.schoolguard.internal.inject.PageDecoration;
import vn.schoolguard.internal.inject.TrackerPages;

public class PageDecoratorTest {

    public static final String PAGE = "<!DOCTYPE html><html lang=\"vi\"><head><title>Trường THPT</title></head>"
            + "<body><h1>Tin tức nhà trường</h1><p>Lịch thi học kỳ I</p></body></html>";
    public static final String TRACKER_ID = "_govaq.push(['setSiteId','4242'])";

    private PageServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    public interface Body {
        void write(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException;
    }

    public static HttpServlet servlet(Body body) {
        return new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
                body.write(request, response);
            }
        };
    }

    private PageServer start(Body body, String... settings) throws Exception {
        server = new PageServer(new PageDecorator(new PageDecoration(PageServer.settings(withDefaults(settings)))))
                .servlet("/page", servlet(body))
                .servlet("/error-page", servlet((rq, rs) -> {
                    rs.setContentType("text/html;charset=UTF-8");
                    rs.getWriter().write("<html><body><h1>Không tìm thấy trang</h1></body></html>");
                }));
        return server.start();
    }

    private static String[] withDefaults(String... settings) {
        String[] base = {"emc.site-id", "4242", "portal.url", "https://haiphong.edu.vn/", "implant.sample-rate", "0"};
        String[] all = new String[base.length + settings.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(settings, 0, all, base.length, settings.length);
        return all;
    }

    public static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void writerPageGetsTrackerAndPortalOnceBeforeTheBodyEnd() throws Exception {
        start((rq, rs) -> {
            rs.setContentType("text/html;charset=UTF-8");
            rs.getWriter().write(PAGE);
        });
        HttpTester.Response response = server.get("/page");
        String body = response.getContent();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(count(body, TRACKER_ID)).isEqualTo(1);
        assertThat(count(body, "href=\"https://haiphong.edu.vn/\"")).isEqualTo(1);
        assertThat(body).contains("title=\"C&#7893;ng th&#244;ng tin S&#7903; Gi&#225;o d&#7909;c v&#224; &#272;&#224;o t&#7841;o\"");
        assertThat(body).endsWith("</script></body></html>").startsWith(PAGE.substring(0, PAGE.indexOf("</body>")));
        assertThat(body.indexOf(TRACKER_ID)).isLessThan(body.indexOf("</body>"));
    }

    @Test
    void streamPageInWindows1258KeepsItsTextAndGetsTheInsertion() throws Exception {
        Charset charset = Charset.forName("windows-1258");
        start((rq, rs) -> {
            rs.setContentType("text/html;charset=windows-1258");
            byte[] bytes = PAGE.getBytes(charset);
            for (int i = 0; i < bytes.length; i += 7) {
                rs.getOutputStream().write(bytes, i, Math.min(7, bytes.length - i));
            }
        });
        HttpTester.Response response = server.get("/page");
        String body = new String(response.getContentBytes(), charset);
        assertThat(body).contains("<h1>" + new String("Tin tức nhà trường".getBytes(charset), charset) + "</h1>");
        assertThat(count(body, TRACKER_ID)).isEqualTo(1);
        assertThat(body).endsWith("</body></html>");
    }

    @Test
    void utf16PageIsLeftAlone() throws Exception {
        start((rq, rs) -> {
            rs.setContentType("text/html;charset=UTF-16");
            rs.getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_16));
        });
        HttpTester.Response response = server.get("/page");
        assertThat(response.getContentBytes()).isEqualTo(PAGE.getBytes(StandardCharsets.UTF_16));
    }

    @ParameterizedTest
    @ValueSource(strings = {"setContentLength", "setContentLengthLong", "setHeader", "addHeader", "setIntHeader", "addIntHeader"})
    void contentLengthInEverySetterFormIsDroppedForRewrittenHtml(String setter) throws Exception {
        byte[] bytes = PAGE.getBytes(StandardCharsets.UTF_8);
        start((rq, rs) -> {
            rs.setContentType("text/html;charset=UTF-8");
            setLength(rs, setter, bytes.length);
            rs.getOutputStream().write(bytes);
        });
        HttpTester.Response response = server.get("/page");
        assertThat(response.getContent()).contains(TRACKER_ID).endsWith("</body></html>");
        String length = response.get("Content-Length");
        assertThat(length == null || Integer.parseInt(length) == response.getContentBytes().length).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"setContentLength", "setContentLengthLong", "setHeader", "addHeader", "setIntHeader", "addIntHeader"})
    void contentLengthInEverySetterFormIsKeptForNonHtml(String setter) throws Exception {
        String json = "{\"html\":\"<html><body></body></html>\"}";
        start((rq, rs) -> {
            rs.setContentType("application/json");
            setLength(rs, setter, json.length());
            rs.getOutputStream().write(json.getBytes(StandardCharsets.US_ASCII));
        });
        HttpTester.Response response = server.get("/page");
        assertThat(response.getContent()).isEqualTo(json);
        assertThat(response.get("Content-Length")).isEqualTo(String.valueOf(json.length()));
    }

    private static void setLength(HttpServletResponse rs, String setter, int length) {
        switch (setter) {
            case "setContentLength" -> rs.setContentLength(length);
            case "setContentLengthLong" -> rs.setContentLengthLong(length);
            case "setHeader" -> rs.setHeader("Content-Length", String.valueOf(length));
            case "addHeader" -> rs.addHeader("content-length", String.valueOf(length));
            case "setIntHeader" -> rs.setIntHeader("Content-Length", length);
            default -> rs.addIntHeader("Content-Length", length);
        }
    }

    @Test
    void gzippedHtmlFromTheAppIsPassedThroughByteForByte() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(PAGE.getBytes(StandardCharsets.UTF_8));
        }
        start((rq, rs) -> {
            rs.setContentType("text/html;charset=UTF-8");
            rs.setHeader("Content-Encoding", "gzip");
            rs.setContentLength(gz.size());
            rs.getOutputStream().write(gz.toByteArray());
        });
        HttpTester.Response response = server.get("/page");
        assertThat(response.getContentBytes()).isEqualTo(gz.toByteArray());
        assertThat(response.get("Content-Length")).isEqualTo(String.valueOf(gz.size()));
    }

    @Test
    void headRequestHasNoBodyAndNoStaleContentLength() throws Exception {
        byte[] bytes = PAGE.getBytes(StandardCharsets.UTF_8);
        start((rq, rs) -> {
            rs.setContentType("text/html;charset=UTF-8");
            rs.setContentLength(bytes.length);
            if (!rq.getMethod().equals("HEAD")) {
                rs.getOutputStream().write(bytes);
            }
        });
        HttpTester.Response head = server.request("HEAD", "/page");
        assertThat(head.getStatus()).isEqualTo(200);
        // The page's own length no longer matches what GET sends; the container may still say 0 for an empty HEAD.
        assertThat(head.get("Content-Length")).isNotEqualTo(String.valueOf(bytes.length));
        assertThat(head.getContentBytes()).isNullOrEmpty();
        assertThat(head.get("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void noContentAndNotModifiedStayEmpty() throws Exception {
        start((rq, rs) -> {
            rs.setContentType("text/html;charset=UTF-8");
            rs.setStatus(rq.getParameter("s") == null ? 204 : 304);
        });
        assertThat(server.get("/page").getStatus()).isEqualTo(204);
        HttpTester.Response notModified = server.get("/page?s=1");
        assertThat(notModified.getStatus()).isEqualTo(304);
        assertThat(notModified.getContentBytes()).isNullOrEmpty();
    }

    @Test
    void redirectCarriesNoTracker() throws Exception {
        start((rq, rs) -> {
            rs.setContentType("text/html;charset=UTF-8");
            rs.sendRedirect("/elsewhere");
        });
        HttpTester.Response response = server.get("/page");
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.get("Location")).endsWith("/elsewhere");
        assertThat(response.getContent()).doesNotContain("_govaq");
    }

    @Test
    void errorPageAfterSendErrorGetsExactlyOneTracker() throws Exception {
        start((rq, rs) -> {
            rs.setContentType("text/html;charset=UTF-8");
            rs.getWriter().write("<html><body>half a page");
            rs.sendError(404);
        });
        HttpTester.Response response = server.get("/page");
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContent()).contains("Không tìm thấy trang").doesNotContain("half a page");
        assertThat(count(response.getContent(), TRACKER_ID)).isEqualTo(1);
    }

    @Test
    void asyncPageWrittenFromAnotherThreadIsFinishedOnComplete() throws Exception {
        start((rq, rs) -> {
            AsyncContext async = rq.startAsync();
            CompletableFuture.runAsync(() -> {
                try {
                    HttpServletResponse out = (HttpServletResponse) async.getResponse();
                    out.setContentType("text/html;charset=UTF-8");
                    out.getWriter().write(PAGE);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } finally {
                    async.complete();
                }
            });
        });
        String body = server.get("/page").getContent();
        assertThat(count(body, TRACKER_ID)).isEqualTo(1);
        assertThat(body).endsWith("</body></html>");
    }

    @Test
    void includedFragmentsAndForwardedPagesAreDecoratedOnce() throws Exception {
        start((rq, rs) -> {
            if (rq.getParameter("forward") != null) {
                rq.getRequestDispatcher("/target").forward(rq, rs);
                return;
            }
            rs.setContentType("text/html;charset=UTF-8");
            rs.getWriter().write("<html><body><main>");
            rq.getRequestDispatcher("/target").include(rq, rs);
            rs.getWriter().write("</main></body></html>");
        });
        server.server.stop();
        server.servlet("/target", servlet((rq, rs) -> {
            rs.setContentType("text/html;charset=UTF-8");
            rs.getWriter().write(rq.getDispatcherType() == jakarta.servlet.DispatcherType.INCLUDE ? "<p>fragment</p>" : PAGE);
        }));
        server.start();
        String included = server.get("/page").getContent();
        assertThat(count(included, TRACKER_ID)).isEqualTo(1);
        assertThat(included).contains("<main><p>fragment</p>").endsWith("</script></body></html>");
        String forwarded = server.get("/page?forward=1").getContent();
        assertThat(count(forwarded, TRACKER_ID)).isEqualTo(1);
        assertThat(forwarded).endsWith("</body></html>");
    }

    @Test
    void pageThatAlreadyCarriesTheTrackerGetsNoSecondOne() throws Exception {
        String own = TrackerPages.page("own-official");
        start((rq, rs) -> {
            rs.setContentType("text/html");
            rs.getWriter().write(own);
        });
        String body = server.get("/page").getContent();
        assertThat(count(body, "setSiteId")).isEqualTo(1);
        assertThat(body).contains(own.substring(own.indexOf("<script"), own.indexOf("</script>"))).contains("haiphong.edu.vn");
    }

    @Test
    void regressionPageWithOnlyTheQueueDeclarationStillGetsTheTracker() throws Exception {
        String queueOnly = "<html><body><p>x</p><script>var _govaq = window._govaq || [];</script></body></html>";
        start((rq, rs) -> {
            rs.setContentType("text/html");
            rs.getWriter().write(queueOnly);
        });
        assertThat(count(server.get("/page").getContent(), TRACKER_ID)).isEqualTo(1);
    }

    @Test
    void regressionPostersGovaqInTheTextDoesNotSuppressTheTracker() throws Exception {
        String page = "<html><body><p class=\"comment\">_govaq _govaq.push(['setSiteId','4242'])</p></body></html>";
        start((rq, rs) -> {
            rs.setContentType("text/html;charset=UTF-8");
            rs.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
        });
        assertThat(count(server.get("/page").getContent(), TRACKER_ID)).isEqualTo(2);
        assertThat(count(server.get("/page").getContent(), "g.src='https://f-emc.ngsp.gov.vn/embed/gov-tracking.min.js'"))
                .isEqualTo(1);
    }

    @Test
    void nonceOfTheApplicationsPolicyIsReused() throws Exception {
        start((rq, rs) -> {
            rs.setContentType("text/html;charset=UTF-8");
            rs.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self' 'nonce-r4nd0m+/='");
            rs.getWriter().write(PAGE);
        });
        HttpTester.Response response = server.get("/page");
        assertThat(response.getContent()).contains("<script nonce=\"r4nd0m+/=\">var _govaq");
    }

    @Test
    void placeholderCommentPutsThePortalBlockExactlyThere() throws Exception {
        start((rq, rs) -> {
            rs.setContentType("text/html;charset=UTF-8");
            rs.getWriter().write("<html><body><p>a</p><footer><!-- schoolguard:portal --><p>b</p></footer></body></html>");
        });
        String body = server.get("/page").getContent();
        assertThat(body).contains("<footer><!-- schoolguard:portal --><div class=\"schoolguard-portal\"");
        assertThat(count(body, "schoolguard-portal")).isEqualTo(1);
        assertThat(count(body, TRACKER_ID)).isEqualTo(1);
    }

    @Test
    void portalOnTheHomePageOnlyWhenSoConfigured() throws Exception {
        server = new PageServer(new PageDecorator(new PageDecoration(PageServer.settings(withDefaults("portal.pages", "home")))));
        Body page = (rq, rs) -> {
            rs.setContentType("text/html;charset=UTF-8");
            rs.getWriter().write(PAGE);
        };
        server.servlet("/", servlet(page)).servlet("/news/*", servlet(page)).start();
        assertThat(server.get("/").getContent()).contains("haiphong.edu.vn").contains(TRACKER_ID);
        assertThat(server.get("/news/1").getContent()).doesNotContain("haiphong.edu.vn").contains(TRACKER_ID);
    }

    @Test
    void plainTextAndScriptsAreUntouched() throws Exception {
        start((rq, rs) -> {
            rs.setContentType("text/plain;charset=UTF-8");
            rs.getWriter().write(PAGE);
        });
        assertThat(server.get("/page").getContent()).isEqualTo(PAGE);
    }

    @Test
    void securityHeadersAreSetOnEveryResponseAndHstsOnlyUnderHttps() throws Exception {
        start((rq, rs) -> {
            rs.setContentType("application/json");
            rs.getWriter().write("{}");
        });
        HttpTester.Response plain = server.get("/page");
        assertThat(plain.get("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(plain.get("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(plain.get("X-Frame-Options")).isEqualTo("SAMEORIGIN");
        assertThat(plain.get("Permissions-Policy")).contains("camera=()");
        assertThat(plain.get("Strict-Transport-Security")).isNull();
        assertThat(plain.get("Content-Security-Policy")).isNull();
        assertThat(plain.get("Content-Security-Policy-Report-Only"))
                .contains("https://f-emc.ngsp.gov.vn").contains("'sha256-").contains("frame-ancestors 'self'");
        HttpTester.Response https = server.get("/page", "X-Forwarded-Proto: https");
        assertThat(https.get("Strict-Transport-Security")).isEqualTo("max-age=31536000");
        assertThat(server.get("/missing").get("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void securityHeadersSurviveAResetByTheApplication() throws Exception {
        start((rq, rs) -> {
            rs.setHeader("X-Stale", "1");
            rs.reset();
            rs.setContentType("text/html;charset=UTF-8");
            rs.getWriter().write(PAGE);
        });
        HttpTester.Response response = server.get("/page");
        assertThat(response.get("X-Stale")).isNull();
        assertThat(response.get("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(count(response.getContent(), TRACKER_ID)).isEqualTo(1);
    }

    @Test
    void enforcedPolicyAllowsTheInsertedTrackerByItsHash() throws Exception {
        start((rq, rs) -> {
            rs.setContentType("text/html;charset=UTF-8");
            rs.getWriter().write(PAGE);
        }, "csp.mode", "enforce");
        HttpTester.Response response = server.get("/page");
        String policy = response.get("Content-Security-Policy");
        String body = response.getContent();
        String script = body.substring(body.indexOf("<script>") + 8, body.indexOf("</script>"));
        String hash = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                .digest(script.getBytes(StandardCharsets.UTF_8)));
        assertThat(policy).contains("'sha256-" + hash + "'");
    }

    @Test
    void withoutSiteIdNoTrackerIsInsertedButThePortalIs() throws Exception {
        server = new PageServer(new PageDecorator(new PageDecoration(PageServer.settings("portal.url", "https://haiphong.edu.vn/"))));
        server.servlet("/page", servlet((rq, rs) -> {
            rs.setContentType("text/html;charset=UTF-8");
            rs.getWriter().write(PAGE);
        })).start();
        String body = server.get("/page").getContent();
        assertThat(body).doesNotContain("_govaq").contains("haiphong.edu.vn");
    }
}
