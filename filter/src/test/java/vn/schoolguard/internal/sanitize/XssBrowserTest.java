package vn.schoolguard.internal.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every XSS corpus payload, sanitized with every policy, is served by a real Jetty and rendered in
 * headless Chromium: none may call alert/confirm/prompt/print or make the browser request anything
 * but the page (images under the images policy excepted: loading an allowed image is not script).
 */
class XssBrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final int CHUNK = 40;
    private static final String CANARY = "<script>window.__calls=[];['alert','confirm','prompt','print'].forEach(function(n){"
            + "window[n]=function(){window.__calls.push(n+'('+Array.prototype.join.call(arguments,',')+')');};});</script>";

    private static Server server;
    private static ChromeDriver driver;
    private static Path profile;
    private static final List<String> unexpectedRequests = Collections.synchronizedList(new ArrayList<>());
    private static final AtomicInteger imageRequests = new AtomicInteger();
    private static volatile String currentPage = "";

    @BeforeAll
    static void start() throws Exception {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            System.err.println("!!!!!!!! WARNING: /usr/bin/chromium or /usr/bin/chromedriver is missing: the XSS browser test is SKIPPED !!!!!!!!");
            Assumptions.abort("Chromium is not installed");
        }
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new PageServlet()), "/*");
        server.setHandler(context);
        server.start();

        profile = Files.createTempDirectory("xss-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.stop();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(Collections.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void canaryDetectsUnsanitizedPayloads() {
        // Without this the test below could pass with a broken canary.
        List<String> calls = render("raw", "<img src=x onerror=alert(1)><script>fetch('/canary/raw')</script>");
        assertThat(calls).contains("alert(1)");
        assertThat(unexpectedRequests).anyMatch(request -> request.contains("/canary/raw"));
        unexpectedRequests.clear();
    }

    @Test
    void noSanitizedXssPayloadExecutesOrReachesTheNetworkInChromium() {
        List<String> payloads = XssCorpus.payloads();
        List<String> failures = new ArrayList<>();
        int pages = 0;
        for (String policy : XssCorpus.POLICIES) {
            for (int from = 0; from < payloads.size(); from += CHUNK) {
                List<String> chunk = payloads.subList(from, Math.min(payloads.size(), from + CHUNK));
                StringBuilder body = new StringBuilder();
                for (String payload : chunk) {
                    body.append("<div class=\"item\">").append(HtmlPolicies.sanitize(policy, payload).html()).append("</div>\n");
                }
                unexpectedRequests.clear();
                List<String> calls = render(policy, body.toString());
                pages++;
                if (!calls.isEmpty() || !unexpectedRequests.isEmpty()) {
                    failures.add(policy + " payloads " + from + ".." + (from + chunk.size() - 1) + ": calls " + calls + ", requests " + unexpectedRequests);
                }
            }
        }
        System.out.printf("XSS corpus: %d payloads x %d policies rendered on %d pages, %d allowed image requests%n",
                payloads.size(), XssCorpus.POLICIES.size(), pages, imageRequests.get());
        assertThat(failures).isEmpty();
    }

    /** Serves the page through Jetty, waits for its load event and one more task, returns the canary's calls. */
    @SuppressWarnings("unchecked")
    private static List<String> render(String policy, String body) {
        currentPage = "<!doctype html><html><head><meta charset=\"utf-8\">" + CANARY + "</head><body>" + body
                + "<p id=\"end\">end</p></body></html>";
        driver.get(base() + "/page?policy=" + policy);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d ->
                "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        Object calls = ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; setTimeout(function(){ done(window.__calls || ['canary missing']); }, 0);");
        return calls == null ? List.of() : new ArrayList<>((List<String>) calls);
    }

    private static String base() {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** The page under test at /page; anything else the browser asks for is recorded. */
    private static final class PageServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String uri = request.getRequestURI();
            if (uri.equals("/page")) {
                response.setContentType("text/html;charset=utf-8");
                response.getOutputStream().write(currentPage.getBytes(StandardCharsets.UTF_8));
                return;
            }
            boolean allowedImage = "image".equals(request.getHeader("Sec-Fetch-Dest"))
                    && currentPolicyAllowsImages(request.getHeader("Referer"));
            if (uri.equals("/favicon.ico")) {
                response.setStatus(404);
                return;
            }
            if (allowedImage) {
                imageRequests.incrementAndGet();
            } else {
                unexpectedRequests.add(request.getMethod() + " " + uri + " (" + request.getHeader("Sec-Fetch-Dest") + ")");
            }
            response.setStatus(404);
        }

        private static boolean currentPolicyAllowsImages(String referer) {
            return referer != null && referer.endsWith("policy=images");
        }
    }
}
