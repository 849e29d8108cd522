package vn.schoolguard.sample;

import java.net.URI;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.Optional;

import jakarta.servlet.DispatcherType;

import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sample school website (Trường THPT Ngô Quyền – Hải Phòng) on embedded Jetty 12, with the
 * SchoolGuard filter in front of it.
 *
 * <h2>From the command line</h2>
 * <pre>
 * java -jar sample-webapp/target/sample-webapp.jar [--port N] [--data-dir DIR] [--demo-password PW]
 *      [--trusted-proxies CIDR,...] [--emc-site-id N] [--parent-portal URL] [--no-guard]
 * </pre>
 * Defaults: port 8080, data directory {@code ./data}, a random demo password (logged at start), EMC
 * site ID 1234, parent portal {@code https://haiphong.edu.vn/}. A bad flag prints the usage and exits
 * with status 2; a failed start (for example a configuration SchoolGuard rejects) exits with 1. When the
 * site is ready it logs one line containing {@code Started}, the site URL and the console URL.
 *
 * <h2>Pages</h2>
 * {@code GET /} (news list), {@code GET /news/{id}} (article, approved comments, comment form),
 * {@code POST /news/{id}/comments} (fields {@code author}, {@code email}, {@code content} — HTML allowed),
 * {@code GET /guestbook}, {@code POST /guestbook} (fields {@code name}, {@code message}). A valid post is
 * answered with 303 to the page it came from, an invalid one with 400 and the form again.
 *
 * <h2>In tests</h2>
 * <pre>{@code
 * try (SampleSite site = SampleSite.start(SiteOptions.defaults().withPort(0).withDataDir(dir))) {
 *     URI home = site.baseUri();   // http://127.0.0.1:<port>/
 * }
 * }</pre>
 *
 * <p>The site keeps its own posts in the H2 database {@code DIR/site*}; SchoolGuard keeps its queue and IP
 * log in {@code DIR/schoolguard*} in the same directory. Instances are thread-safe; {@link #close()} stops
 * the server and closes the database.
 */
public final class SampleSite implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SampleSite.class);

    private final SiteOptions options;
    private final Server server;
    private final SiteDatabase database;
    private final int port;

    private SampleSite(SiteOptions options, Server server, SiteDatabase database, int port) {
        this.options = options;
        this.server = server;
        this.database = database;
        this.port = port;
    }

    /** Runs the site from the command line until the process is stopped. */
    public static void main(String[] args) {
        int status = SiteCommand.execute(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Starts the site and returns once it serves requests (the filter initialised, the port bound).
     *
     * @throws Exception when the data directory, the database, the filter configuration or the port fails
     */
    public static SampleSite start(SiteOptions options) throws Exception {
        Files.createDirectories(options.dataDir());
        SiteDatabase database = SiteDatabase.open(options.dataDir());
        Server server = new Server();
        try {
            HttpConfiguration http = new HttpConfiguration();
            http.setSendServerVersion(false);
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setPort(options.port());
            server.addConnector(connector);
            server.setHandler(context(options, database));
            server.start();
            SampleSite site = new SampleSite(options, server, database, connector.getLocalPort());
            site.logStarted();
            return site;
        } catch (Exception | Error e) {
            server.stop();
            database.close();
            throw e;
        }
    }

    private static ServletContextHandler context(SiteOptions options, SiteDatabase database) {
        ServletContextHandler context = new ServletContextHandler("/");
        // Browsers send form posts without a charset; the forms ask for UTF-8, so read them as such.
        context.setDefaultRequestCharacterEncoding("UTF-8");
        context.setDefaultResponseCharacterEncoding("UTF-8");
        if (options.guard()) {
            FilterHolder guard = new FilterHolder();
            guard.setName("schoolguard");
            guard.setClassName(GuardWiring.FILTER_CLASS);
            guard.setInitParameters(GuardWiring.initParameters(options));
            context.addFilter(guard, "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        Layout layout = new Layout(options.clock(), options.guard());
        NewsStore news = new NewsStore(database, options.clock());
        context.addServlet(new ServletHolder("home", new HomeServlet(news, layout)), "/");
        context.addServlet(new ServletHolder("news", new NewsServlet(news, layout)), "/news/*");
        context.addServlet(new ServletHolder("guestbook",
                new GuestbookServlet(new GuestbookStore(database, options.clock()), layout)), "/guestbook");
        context.addServlet(new ServletHolder("static", new StaticServlet()), "/static/*");
        context.addServlet(new ServletHolder("error", new ErrorServlet(layout)), ErrorServlet.PATH);
        ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
        errors.addErrorPage(ErrorPageErrorHandler.GLOBAL_ERROR_PAGE, ErrorServlet.PATH);
        context.setErrorHandler(errors);
        return context;
    }

    private void logStarted() {
        if (options.guard()) {
            LOG.info("Started {} at http://localhost:{}/ with SchoolGuard; console: http://localhost:{}{} (data: {})",
                    SiteText.SCHOOL_CITY, port, port, GuardWiring.CONSOLE_PATH, options.dataDir().toAbsolutePath());
        } else {
            LOG.warn("Started {} at http://localhost:{}/ WITHOUT SchoolGuard (--no-guard: for benchmarks only, "
                    + "comments are shown unsanitized) (data: {})", SiteText.SCHOOL_CITY, port, options.dataDir().toAbsolutePath());
        }
    }

    /** The port actually bound (useful after starting on port 0). */
    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>/}: an IPv4 address, so the client address the site sees is predictable. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** The SchoolGuard console, {@code http://127.0.0.1:<port>/_schoolguard/}; empty without the filter. */
    public Optional<URI> consoleUri() {
        return options.guard() ? Optional.of(baseUri().resolve(GuardWiring.CONSOLE_PATH)) : Optional.empty();
    }

    /** The options the site was started with. */
    public SiteOptions options() {
        return options;
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops the server, then closes the site's database. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("Stopping the server failed", e);
        } finally {
            database.close();
        }
    }
}
