package vn.schoolguard.bench.flood;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import vn.schoolguard.SchoolGuardFilter;

/**
 * A bot flood against a guarded site: page readers fetch pages alone for a while (the baseline), then
 * again while flood threads post comments from thousands of rotating addresses and a few parents post
 * now and then from their own addresses. Prints page throughput in both phases, their ratio, and what
 * became of the flood's and the parents' posts.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar vn.schoolguard.bench.flood.FloodRun [seconds] [readers] [flooders] [bot networks]</pre>
 */
public final class FloodRun {

    private static final String PAGE = "<!DOCTYPE html><html><body><h1>Tin tức</h1>" + "<p>Thông báo lịch họp phụ huynh học kỳ II.</p>".repeat(60)
            + "</body></html>";

    private FloodRun() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int readers = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int flooders = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int botNetworks = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        Path dataDir = Files.createTempDirectory("sg-flood");
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        FilterHolder guard = new FilterHolder(SchoolGuardFilter.class);
        guard.setInitParameter("data.dir", dataDir.toString());
        guard.setInitParameter("route.comments.match", "POST /news/*/comments");
        guard.setInitParameter("route.comments.fields", "author:author, content:html");
        guard.setInitParameter("proxies.trusted", "127.0.0.1");
        context.addFilter(guard, "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
                response.setContentType("text/html; charset=UTF-8");
                response.getWriter().write(PAGE);
            }
        }), "/news/*");
        server.setHandler(context);
        server.start();
        String base = "http://127.0.0.1:" + connector.getLocalPort();
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try {
            phase(client, base, readers, 0, Math.max(2, seconds / 3), false, 0);
            Result quiet = phase(client, base, readers, 0, seconds, false, 0);
            Result flood = phase(client, base, readers, flooders, seconds, true, botNetworks);
            System.out.printf("pages/s without flood: %.0f%n", quiet.pagesPerSecond);
            System.out.printf("pages/s during flood:  %.0f (ratio %.2f)%n", flood.pagesPerSecond, flood.pagesPerSecond / quiet.pagesPerSecond);
            System.out.printf("flood posts: %d sent, %d/s, %d accepted (303), %d refused (429)%n", flood.floodSent,
                    flood.floodSent / seconds, flood.floodAccepted, flood.floodRefused);
            System.out.printf("parents' posts: %d sent, %d accepted (303)%n", flood.parentSent, flood.parentAccepted);
        } finally {
            server.stop();
        }
    }

    private record Result(double pagesPerSecond, long floodSent, long floodAccepted, long floodRefused, long parentSent,
                          long parentAccepted) {
    }

    private static Result phase(HttpClient client, String base, int readers, int flooders, int seconds, boolean parents,
                                int botNetworks)
            throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong pages = new AtomicLong();
        AtomicLong floodSent = new AtomicLong();
        AtomicLong floodAccepted = new AtomicLong();
        AtomicLong floodRefused = new AtomicLong();
        AtomicLong parentSent = new AtomicLong();
        AtomicLong parentAccepted = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < readers; i++) {
            threads.add(start(() -> {
                while (running.get()) {
                    if (send(client, HttpRequest.newBuilder(URI.create(base + "/news/6")).GET().build()) == 200) {
                        pages.incrementAndGet();
                    }
                }
            }));
        }
        for (int i = 0; i < flooders; i++) {
            threads.add(start(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (running.get()) {
                    // A botnet of 250 addresses in each of botNetworks /24 networks.
                    int network = random.nextInt(botNetworks);
                    String ip = "171." + (224 + network / 250) + "." + (network % 250) + "." + (1 + random.nextInt(250));
                    int status = send(client, post(base, ip, "nha cai uy tin, no hu doi thuong"));
                    floodSent.incrementAndGet();
                    if (status == 303) {
                        floodAccepted.incrementAndGet();
                    } else if (status == 429) {
                        floodRefused.incrementAndGet();
                    }
                }
            }));
        }
        if (parents) {
            threads.add(start(() -> {
                int n = 0;
                while (running.get()) {
                    // Parents post from their own homes (one address in each of 200 networks), one post a second in all.
                    int status = send(client, post(base, "113.161." + (n++ % 200) + ".5", "Cảm ơn cô giáo chủ nhiệm."));
                    parentSent.incrementAndGet();
                    if (status == 303) {
                        parentAccepted.incrementAndGet();
                    }
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        Thread.sleep(seconds * 1000L);
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        return new Result(pages.get() / (double) seconds, floodSent.get(), floodAccepted.get(), floodRefused.get(),
                parentSent.get(), parentAccepted.get());
    }

    private static Thread start(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        return thread;
    }

    private static HttpRequest post(String base, String ip, String content) {
        return HttpRequest.newBuilder(URI.create(base + "/news/6/comments"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("X-Forwarded-For", ip)
                .POST(HttpRequest.BodyPublishers.ofString("author=x&content=" + java.net.URLEncoder.encode(content,
                        java.nio.charset.StandardCharsets.UTF_8)))
                .build();
    }

    private static int send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
