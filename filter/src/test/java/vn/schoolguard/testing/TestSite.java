package vn.schoolguard.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;

import vn.schoolguard.SchoolGuardFilter;

/**
 * A tiny application on a real Jetty with the filter in front: {@code POST /posts/{id}/comments} stores
 * a comment (what the app saw, including the remote address), {@code GET /posts/{id}} lists them;
 * {@code GET /pages/{name}} serves the test page {@code inject/tracker/{name}.html}.
 */
public final class TestSite implements AutoCloseable {

    public static final String PASSWORD = "test-password-1";

    /** What the application stored. */
    public record Stored(String path, Map<String, String[]> parameters, String remoteAddr, int remotePort,
                         String contentType, boolean hadSession, String cookieHeader, String authorization,
                         String queryString) {
    }

    /** A page the site serves as it is, at any path: its HTML and the headers the application sets. */
    public record Served(String html, Map<String, String> headers) {
    }

    public final List<Stored> stored = new CopyOnWriteArrayList<>();
    /** What the probe route ({@code POST /probe/*}) saw of each request, as {@link ProbeDump} writes it. */
    public final List<String> probes = new CopyOnWriteArrayList<>();
    /** Pages by decoded path within the context; other paths not under /posts answer 404. */
    public final Map<String, Served> pages = new java.util.concurrent.ConcurrentHashMap<>();
    public volatile int appStatus = 303;
    /**
     * How the application answers a post it is not refusing by {@link #appStatus}: {@code redirect} (stores it,
     * 302 to the post), {@code form} (does not store it, 200 with its form again and an error, as an app that lost
     * its captcha answer), {@code error-redirect} (does not store it, 302 to {@code /posts/1?error=email}) or
     * {@code page} (stores it, 200 with the post page and an empty form).
     */
    public volatile String appAnswer = "redirect";
    /** Extra pages served at {@code GET /posts/page/<name>}. */
    public final Map<String, String> postPages = new java.util.concurrent.ConcurrentHashMap<>();
    private final Server server;
    private final ServletContextHandler context;
    /** Counts the requests being handled ({@link #awaitNoRequests}). */
    private final GracefulHandler requests;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public TestSite(Path dataDir, Map<String, String> extraSettings) throws Exception {
        this(dataDir, extraSettings, (site, handler) -> { });
    }

    /**
     * @param application adds the application's own filters and servlets, after the SchoolGuard filter (which is
     *                    first in the chain, as installed); a servlet it maps at {@code /probe/*} or {@code /}
     *                    replaces the site's probe or pages servlet
     */
    public TestSite(Path dataDir, Map<String, String> extraSettings,
                    java.util.function.Consumer<ServletContextHandler> application) throws Exception {
        this(dataDir, extraSettings, (site, handler) -> application.accept(handler));
    }

    /**
     * A site whose application gets more servlets or filters before it starts (filters added here run after
     * SchoolGuard, as an application's own authentication filter would).
     */
    public TestSite(Path dataDir, Map<String, String> extraSettings,
                    java.util.function.BiConsumer<TestSite, ServletContextHandler> application) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        context = new ServletContextHandler("/school");
        FilterHolder filter = new FilterHolder(SchoolGuardFilter.class);
        filter.setInitParameter("data.dir", dataDir.toString());
        filter.setInitParameter("route.comments.match", "POST /posts/*/comments");
        filter.setInitParameter("route.comments.fields", "author:author, email:email, content:html");
        filter.setInitParameter("accounts.seed", "mod:moderator, inv:investigator, boss:admin, dept:department");
        filter.setInitParameter("accounts.seed-password", PASSWORD);
        filter.setInitParameter("accounts.password-iterations", "10000");
        extraSettings.forEach(filter::setInitParameter);
        context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new AppServlet()), "/posts/*");
        application.accept(this, context);
        // The application's own servlets win: the probe and the pages are only added where it mapped nothing.
        if (!mapped("/probe/*")) {
            context.addServlet(new ServletHolder("probe", new ProbeServlet()), "/probe/*");
        }
        if (!mapped("/")) {
            context.addServlet(new ServletHolder(new PagesServlet()), "/");
        }
        if (!mapped("/pages/*")) {
            context.addServlet(new ServletHolder("pages", new PageServlet()), "/pages/*");
        }
        requests = new GracefulHandler(context);
        server.setHandler(requests);
        server.start();
    }


    private boolean mapped(String pathSpec) {
        org.eclipse.jetty.ee10.servlet.ServletMapping[] mappings = context.getServletHandler().getServletMappings();
        return mappings != null && java.util.Arrays.stream(mappings)
                .anyMatch(m -> java.util.Arrays.asList(m.getPathSpecs()).contains(pathSpec));
    }

    /** The port the site listens on. */
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    public String base() {
        return "http://127.0.0.1:" + port() + "/school";
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields, String... headers) throws IOException, InterruptedException {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return post(path, "application/x-www-form-urlencoded; charset=UTF-8", body, headers);
    }

    public HttpResponse<String> post(String path, String contentType, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Sends exactly these bytes (request line, headers and body) and returns everything the server answered. */
    public String raw(String requestHead, byte[] body) throws IOException {
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(body);
                out.flush();
            } catch (IOException closedEarly) {
                // The server may answer and close before the whole body is sent; its answer is what counts.
            }
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A GET whose body is kept as bytes (to see a byte order mark, say). */
    public HttpResponse<byte[]> getBytes(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A new instance of the comment handler, to map at other addresses (as applications often answer at several). */
    public HttpServlet commentHandler() {
        return new AppServlet();
    }

    public jakarta.servlet.ServletContext servletContext() {
        return context.getServletContext();
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /**
     * Waits, at most {@code timeout}, until no request is being handled: a test that cut a response off waits for
     * the server to finish with it before closing, so that nothing touches the data directory afterwards.
     */
    public void awaitNoRequests(java.time.Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (requests.getCurrentRequestCount() > 0 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
    }

    private final class ProbeServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) {
            probes.add(ProbeDump.of(request));
            response.setStatus(204);
        }
    }

    private final class PagesServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            // Lenient like many applications: doubled slashes and a trailing slash reach the same page.
            String path = (request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()))
                    .replaceAll("/{2,}", "/");
            Served page = pages.get(path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
            if (page == null) {
                response.sendError(404);
                return;
            }
            page.headers().forEach(response::addHeader);
            response.setContentType("text/html; charset=UTF-8");
            response.getWriter().write(page.html());
        }
    }

    /**
     * Writes a test page as UTF-8 HTML, {@code ?via=stream} (default) or {@code ?via=writer}, in pieces of
     * {@code ?chunk=N} units (default: all at once), each flushed, so the rewriter sees every split the test asks for.
     */
    private static final class PageServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String name = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
            byte[] bytes;
            try (java.io.InputStream in = name.matches("[a-z0-9-]+")
                    ? TestSite.class.getResourceAsStream("/inject/tracker/" + name + ".html") : null) {
                if (in == null) {
                    response.sendError(404, "no test page " + name);
                    return;
                }
                bytes = in.readAllBytes();
            }
            String chunkParameter = request.getParameter("chunk");
            int chunk = chunkParameter == null ? Integer.MAX_VALUE : Integer.parseInt(chunkParameter);
            response.setContentType("text/html; charset=UTF-8");
            if ("writer".equals(request.getParameter("via"))) {
                String page = new String(bytes, StandardCharsets.UTF_8);
                java.io.PrintWriter out = response.getWriter();
                for (int i = 0; i < page.length(); i += chunk) {
                    out.write(page, i, Math.min(chunk, page.length() - i));
                    out.flush();
                }
            } else {
                jakarta.servlet.ServletOutputStream out = response.getOutputStream();
                for (int i = 0; i < bytes.length; i += chunk) {
                    out.write(bytes, i, Math.min(chunk, bytes.length - i));
                    out.flush();
                }
            }
        }
    }

    private final class AppServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            request.setCharacterEncoding("UTF-8");
            if (appStatus >= 400) {
                response.sendError(appStatus, "the application refused it");
                return;
            }
            Map<String, String[]> parameters = Map.copyOf(request.getParameterMap());
            if (request.getContentType() != null && request.getContentType().startsWith("application/json")) {
                Map<String, String[]> fromJson = new java.util.LinkedHashMap<>();
                vn.schoolguard.internal.db.Json.MAPPER.readTree(request.getInputStream()).fields()
                        .forEachRemaining(f -> fromJson.put(f.getKey(), new String[] {f.getValue().asText()}));
                parameters = fromJson;
            }
            String answer = appAnswer;
            if (answer.equals("form")) {
                String content = parameters.containsKey("content") ? parameters.get("content")[0] : "";
                response.setContentType("text/html; charset=UTF-8");
                response.getWriter().write("<html><body><h1>Post</h1><form method=\"post\"><p class=\"error\">Sai đáp án"
                        + " câu hỏi kiểm tra</p><textarea name=\"content\">" + escape(content) + "</textarea>"
                        + "<button>Gửi</button></form></body></html>");
                return;
            }
            if (answer.equals("error-redirect")) {
                response.sendRedirect(request.getContextPath() + "/posts/1?error=email");
                return;
            }
            stored.add(new Stored(request.getPathInfo(), parameters, request.getRemoteAddr(),
                    request.getRemotePort(), request.getContentType(), request.getSession(false) != null,
                    request.getHeader("Cookie"), request.getHeader("Authorization"), request.getQueryString()));
            if (answer.equals("page")) {
                doGet(request, response);
                return;
            }
            response.sendRedirect(request.getContextPath() + "/posts/1");
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/html; charset=UTF-8");
            String info = request.getPathInfo() == null ? "" : request.getPathInfo();
            if (info.equals("/page/echo")) {
                // A search page: shows the visitor's own query back.
                String q = request.getParameter("q") == null ? "" : request.getParameter("q");
                response.getWriter().write("<html><body><h1>Tìm kiếm</h1><p>Kết quả cho: " + escape(q) + "</p></body></html>");
                return;
            }
            if (info.startsWith("/page/")) {
                String page = postPages.get(info.substring("/page/".length()));
                if (page == null) {
                    response.sendError(404);
                    return;
                }
                response.getWriter().write(page);
                return;
            }
            StringBuilder html = new StringBuilder("<html><body><h1>Post</h1>");
            for (Stored s : stored) {
                html.append("<p class=\"comment\">").append(s.parameters().get("content")[0]).append("</p>");
            }
            html.append("<form method=\"post\"><textarea name=\"content\"></textarea><button>Gửi</button></form>");
            response.getWriter().write(html.append("</body></html>").toString());
        }
    }
}
