package vn.schoolguard.internal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import vn.schoolguard.internal.inject.ImplantFinding;
import vn.schoolguard.internal.inject.ImplantRules;
import vn.schoolguard.internal.inject.PageInspection;
import vn.schoolguard.internal.inject.PagePolicyCheck;

/** {@code schoolguard check URL...}: what a department's scanner sees on each school site. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Fetches school sites and reports the EMC tracker (and its site ID), whether the page's own "
                + "Content-Security-Policy lets it run, the parent-portal link, security headers and planted links. Exit code 0 when every site passes, 1 when one fails.")
final class CheckCommand implements Callable<Integer> {

    private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([A-Za-z0-9._:-]+)");
    private static final int MAX_PAGE_BYTES = 5 * 1024 * 1024;
    private static final List<String> HEADERS = List.of("X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy",
            "Permissions-Policy", "Strict-Transport-Security", "Content-Security-Policy", "Content-Security-Policy-Report-Only");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "URL", arity = "0..*", description = "Pages to check, usually each site's home page.")
    private List<URI> urls = new ArrayList<>();

    @Option(names = "--file", paramLabel = "FILE", description = "A file with one URL per line (# starts a comment).")
    private Path file;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    private boolean json;

    @Option(names = "--portal", paramLabel = "URL", description = "The parent portal every site must link to; "
            + "without it any link to another .gov.vn or .edu.vn site counts.")
    private URI portal;

    @Option(names = "--site-id", paramLabel = "ID", description = "The EMC site ID expected (when checking one site).")
    private String siteId;

    @Option(names = "--strict-headers", description = "Fail a site that lacks nosniff, frame protection or (under HTTPS) HSTS.")
    private boolean strictHeaders;

    @Option(names = "--concurrency", defaultValue = "8", paramLabel = "N", description = "Sites fetched at once (1-64, default ${DEFAULT-VALUE}).")
    private int concurrency;

    @Option(names = "--timeout", defaultValue = "15", paramLabel = "SECONDS", description = "Per-site time limit (default ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        List<URI> targets = new ArrayList<>(urls);
        if (file != null) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    targets.add(URI.create(trimmed));
                }
            }
        }
        if (targets.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give at least one URL, or --file");
        }
        if (concurrency < 1 || concurrency > 64) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--concurrency must be from 1 to 64, was " + concurrency);
        }
        for (URI target : targets) {
            String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || target.getHost() == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "not an http(s) URL: " + target);
            }
        }
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(timeoutSeconds)).build();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, targets.size()));
        List<Map<String, Object>> reports = new ArrayList<>();
        try {
            List<Future<Map<String, Object>>> futures = new ArrayList<>();
            for (URI target : targets) {
                futures.add(pool.submit(() -> check(client, target)));
            }
            for (Future<Map<String, Object>> future : futures) {
                reports.add(future.get());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("site check failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        long failed = reports.stream().filter(r -> !(Boolean) r.get("ok")).count();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("sites", reports);
            document.put("checked", reports.size());
            document.put("failed", failed);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document));
        } else {
            reports.forEach(report -> printText(out, report));
            out.println(reports.size() + " checked, " + failed + " failed");
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private Map<String, Object> check(HttpClient client, URI target) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("url", target.toString());
        try {
            HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(timeoutSeconds))
                    .header("User-Agent", "SchoolGuard-check/1").header("Accept", "text/html").GET().build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(MAX_PAGE_BYTES);
            }
            URI finalUri = response.uri();
            String html = new String(body, charset(response.headers()));
            PageInspection page = PageInspection.of(html, finalUri, ImplantRules.builtIn(), List.of());
            report.put("finalUrl", finalUri.toString());
            report.put("status", response.statusCode());
            boolean trackerOk = page.trackerFound() && (siteId == null || page.siteIds().contains(siteId));
            report.put("tracker", Map.of("ok", trackerOk, "found", page.trackerFound(), "siteIds", page.siteIds()));
            boolean portalOk = portal == null ? !page.portalLinks().isEmpty() : page.linksTo(portal);
            report.put("portal", Map.of("ok", portalOk, "links", page.portalLinks()));
            Map<String, Object> headers = headers(response.headers(), finalUri);
            report.put("headers", headers);
            List<Map<String, String>> implants = new ArrayList<>();
            for (ImplantFinding finding : page.findings()) {
                implants.add(Map.of("kind", finding.kind(), "detail", finding.detail(), "excerpt", finding.excerpt()));
            }
            report.put("implants", implants);
            boolean cspOk = trackerPolicy(report, html, response.headers(), finalUri);
            boolean ok = response.statusCode() == 200 && trackerOk && portalOk && implants.isEmpty() && cspOk
                    && (!strictHeaders || (Boolean) headers.get("ok"));
            report.put("ok", ok);
        } catch (IOException | RuntimeException e) {
            report.put("ok", false);
            report.put("error", e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            report.put("ok", false);
            report.put("error", "interrupted");
        }
        return report;
    }

    /** Whether the page's own enforced policies (headers and meta elements) let its EMC tracker run and report. */
    private static boolean trackerPolicy(Map<String, Object> report, String html, HttpHeaders headers, URI uri) {
        PagePolicyCheck check = PagePolicyCheck.of(html, headers.allValues("Content-Security-Policy"), uri);
        List<Map<String, String>> blocked = new ArrayList<>();
        for (PagePolicyCheck.Finding finding : check.findings()) {
            blocked.add(Map.of("source", finding.source(), "blocks", finding.blocked(), "directive", finding.directive()));
        }
        Map<String, Object> csp = new LinkedHashMap<>();
        csp.put("ok", blocked.isEmpty());
        csp.put("checked", check.checked());
        csp.put("blocked", blocked);
        report.put("trackerCsp", csp);
        return blocked.isEmpty();
    }

    private static Map<String, Object> headers(HttpHeaders headers, URI uri) {
        Map<String, String> present = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String name : HEADERS) {
            Optional<String> value = headers.firstValue(name);
            value.ifPresent(v -> present.put(name, v));
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        String csp = present.getOrDefault("Content-Security-Policy", "");
        if (!present.containsKey("X-Content-Type-Options")) {
            missing.add("X-Content-Type-Options");
        }
        if (!present.containsKey("X-Frame-Options") && !csp.contains("frame-ancestors")) {
            missing.add("X-Frame-Options");
        }
        if (https && !present.containsKey("Strict-Transport-Security")) {
            missing.add("Strict-Transport-Security");
        }
        if (csp.isEmpty() && !present.containsKey("Content-Security-Policy-Report-Only")) {
            missing.add("Content-Security-Policy");
        }
        if (!present.containsKey("Referrer-Policy")) {
            missing.add("Referrer-Policy");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ok", missing.stream().noneMatch(m -> m.equals("X-Content-Type-Options") || m.equals("X-Frame-Options")
                || m.equals("Strict-Transport-Security")));
        result.put("present", present);
        result.put("missing", missing);
        return result;
    }

    private static Charset charset(HttpHeaders headers) {
        Matcher m = CHARSET.matcher(headers.firstValue("Content-Type").orElse(""));
        if (m.find()) {
            try {
                return Charset.forName(m.group(1));
            } catch (RuntimeException e) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }

    @SuppressWarnings("unchecked")
    private static void printText(PrintWriter out, Map<String, Object> report) {
        boolean ok = (Boolean) report.get("ok");
        out.println((ok ? "PASS " : "FAIL ") + report.get("url"));
        if (report.containsKey("error")) {
            out.println("  error         " + report.get("error"));
            return;
        }
        out.println("  status        " + report.get("status"));
        Map<String, Object> tracker = (Map<String, Object>) report.get("tracker");
        List<String> ids = (List<String>) tracker.get("siteIds");
        out.println("  EMC tracker   " + ((Boolean) tracker.get("found")
                ? "found" + (ids.isEmpty() ? "" : " (site ID " + String.join(", ", ids) + ")") + ((Boolean) tracker.get("ok") ? "" : ", wrong site ID")
                : "MISSING"));
        Map<String, Object> portalReport = (Map<String, Object>) report.get("portal");
        List<String> links = (List<String>) portalReport.get("links");
        out.println("  portal link   " + ((Boolean) portalReport.get("ok") ? "found " : "MISSING ")
                + (links.isEmpty() ? "" : String.join(" ", links)));
        Map<String, Object> headers = (Map<String, Object>) report.get("headers");
        List<String> missing = (List<String>) headers.get("missing");
        out.println("  headers       " + (missing.isEmpty() ? "all present" : "missing " + String.join(", ", missing)));
        Map<String, Object> csp = (Map<String, Object>) report.get("trackerCsp");
        List<Map<String, String>> blocked = (List<Map<String, String>>) csp.get("blocked");
        out.println("  tracker CSP   " + (!blocked.isEmpty() ? "BLOCKED"
                : (Boolean) csp.get("checked") ? "allows it" : "not checked (no inline EMC tracker)"));
        for (Map<String, String> b : blocked) {
            out.println("    " + (b.get("source").equals("meta") ? "<meta http-equiv> " : "header ") + b.get("directive")
                    + "  stops the " + b.get("blocks").replace('-', ' '));
        }
        List<Map<String, String>> implants = (List<Map<String, String>>) report.get("implants");
        out.println("  planted       " + (implants.isEmpty() ? "none found" : implants.size() + " found"));
        for (Map<String, String> implant : implants) {
            out.println("    " + implant.get("kind") + " " + implant.get("detail") + "  near \"" + implant.get("excerpt") + "\"");
        }
    }
}
