package vn.schoolguard.internal.inject;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import vn.schoolguard.internal.config.ConfigReader;

/**
 * What is added to outgoing HTML pages and which security headers go on every response.
 *
 * <p>Read from the configuration by {@link #read(ConfigReader)}; see {@code docs/en/page-compliance.md}
 * for every key. Immutable and thread-safe.
 *
 * @param emc       {@code emc.*}: the EMC tracker
 * @param portal    {@code portal.*}: the parent-portal link
 * @param badges    {@code badge.<name>.image|url|alt|title}: images shown next to the portal link
 * @param headers   {@code headers.*}: security headers
 * @param csp       {@code csp.*}: the Content-Security-Policy
 * @param implant   {@code implant.*}: the outgoing implant watch
 * @param holdLimit {@code inject.hold-limit}: most bytes held after a {@code </body>} before inserting anyway
 * @param scope     {@code inject.include}, {@code inject.exclude}, {@code inject.exclude-defaults}: which pages
 *                  get the tracker, portal block and badges
 */
public record InjectSettings(Emc emc, Portal portal, List<Badge> badges, Headers headers, Csp csp, Implant implant,
                             int holdLimit, Scope scope) {

    static final String DEFAULT_TRACKER_HOST = "f-emc.ngsp.gov.vn";
    static final String DEFAULT_PORTAL_LABEL = "Cổng thông tin Sở Giáo dục và Đào tạo";
    private static final Pattern HOST = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:\\d{1,5})?");
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\x20-\\x7e]*");

    /** Where the portal block goes. */
    public enum PortalPosition { END, PLACEHOLDER }

    /** Which pages get the portal block. */
    public enum PortalPages { ALL, HOME }

    /**
     * The EMC tracker.
     *
     * @param siteId        {@code emc.site-id}: the site's EMC monitoring ID; empty means no tracker
     * @param trackerHost   {@code emc.tracker-host}: host serving the EMC tracker, default {@code f-emc.ngsp.gov.vn}
     * @param fallbackLabel {@code emc.fallback-label}: static text shown to visitors without script; empty for none
     */
    public record Emc(Optional<String> siteId, String trackerHost, Optional<String> fallbackLabel) {
    }

    /**
     * The parent-portal link.
     *
     * @param url       {@code portal.url}: the parent portal's address; empty means no link
     * @param label     {@code portal.label}: the link's visible text
     * @param title     {@code portal.title}: the link's title (tooltip); defaults to the label
     * @param position  {@code portal.position}: {@code end} (before {@code </body>} unless a placeholder is found)
     *                  or {@code placeholder} (only where the template has the placeholder comment)
     * @param pages     {@code portal.pages}: {@code all} pages or the {@code home} page only
     * @param homePaths {@code portal.home-paths}: paths (below the context path) that count as the home page
     */
    public record Portal(Optional<URI> url, String label, String title, PortalPosition position, PortalPages pages,
                         List<String> homePaths) {
    }

    /** An image link such as the Tín nhiệm mạng badge; {@code url} and {@code title} may be empty. */
    public record Badge(String name, URI image, Optional<URI> url, String alt, Optional<String> title) {
    }

    /**
     * Security headers; a value of {@code off} (empty here) leaves a header out.
     *
     * @param enabled            {@code headers.enabled}
     * @param contentTypeOptions {@code headers.content-type-options}: send {@code nosniff}
     * @param referrerPolicy     {@code headers.referrer-policy}
     * @param frameOptions       {@code headers.frame-options}: {@code sameorigin}, {@code deny} or {@code off}
     * @param hstsMaxAge         {@code headers.hsts-max-age}: HSTS lifetime, sent under HTTPS only; zero for none
     * @param hstsSubdomains     {@code headers.hsts-include-subdomains}
     * @param permissionsPolicy  {@code headers.permissions-policy}
     */
    public record Headers(boolean enabled, boolean contentTypeOptions, Optional<String> referrerPolicy,
                          Optional<String> frameOptions, Duration hstsMaxAge, boolean hstsSubdomains,
                          Optional<String> permissionsPolicy) {
    }

    /**
     * @param mode      {@code csp.mode}: {@code report-only} (default), {@code enforce} or {@code off}
     * @param policy    {@code csp.policy}: replaces the built-in policy; {@code {emc}} stands for the tracker origin
     * @param reportUri {@code csp.report-uri}: where browsers send violation reports
     */
    public record Csp(String mode, Optional<String> policy, Optional<String> reportUri) {
    }

    /**
     * @param enabled      {@code implant.enabled}
     * @param sampleRate   {@code implant.sample-rate}: share of HTML pages scanned, 0 to 1
     * @param maxBytes     {@code implant.max-bytes}: most bytes of one page kept for the scan
     * @param queue        {@code implant.queue}: pages waiting for a scan; more are dropped, never waited for
     * @param perMinute    {@code implant.max-scans-per-minute}: most pages scanned in one minute
     * @param allowedHosts {@code implant.allowed-hosts}: link hosts never reported
     * @param strip        {@code implant.strip}: once a gambling link is found planted, defang its host in every page
     */
    public record Implant(boolean enabled, double sampleRate, int maxBytes, int queue, int perMinute,
                          List<String> allowedHosts, boolean strip) {
    }

    /**
     * Which pages are decorated. A page is decorated when {@code include} is empty or one of its patterns matches,
     * and no exclusion matches; exclusions are {@code exclude} plus, unless switched off, the built-in list of
     * administration and sign-in areas.
     *
     * @param include         {@code inject.include}: path patterns within the web application; empty for every page
     * @param exclude         {@code inject.exclude}: path patterns never decorated, added to the built-in ones
     * @param excludeDefaults {@code inject.exclude-defaults}: whether the built-in exclusions apply
     */
    public record Scope(List<String> include, List<String> exclude, boolean excludeDefaults) {

        /** Every page except the built-in administration and sign-in areas. */
        public static final Scope DEFAULT = new Scope(List.of(), List.of(), true);

        public Scope {
            include = List.copyOf(include);
            exclude = List.copyOf(exclude);
        }
    }

    /** Settings with only the three essentials given; everything else has its default. */
    public InjectSettings(Optional<String> emcSiteId, Optional<URI> portalUrl, String portalLabel) {
        this(new Emc(emcSiteId, DEFAULT_TRACKER_HOST, Optional.empty()),
                new Portal(portalUrl, portalLabel, portalLabel, PortalPosition.END, PortalPages.ALL, List.of("/")), List.of(),
                new Headers(true, true, Optional.of("strict-origin-when-cross-origin"), Optional.of("SAMEORIGIN"),
                        Duration.ofDays(365), false, Optional.of(DEFAULT_PERMISSIONS)),
                new Csp("report-only", Optional.empty(), Optional.empty()),
                new Implant(true, 0.05, 1 << 20, 16, 60, List.of(), false), 16 * 1024, Scope.DEFAULT);
    }

    static final String DEFAULT_PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    /** Reads every {@code emc.*}, {@code portal.*}, {@code badge.*}, {@code headers.*}, {@code csp.*}, {@code implant.*}, {@code inject.*} key. */
    public static InjectSettings read(ConfigReader reader) {
        Emc emc = emc(reader);
        Portal portal = portal(reader);
        List<Badge> badges = badges(reader);
        Headers headers = new Headers(
                reader.bool("headers.enabled", true),
                reader.bool("headers.content-type-options", true),
                headerValue(reader, "headers.referrer-policy", "strict-origin-when-cross-origin"),
                frameOptions(reader),
                reader.duration("headers.hsts-max-age", Duration.ofDays(365), Duration.ZERO, Duration.ofDays(3650)),
                reader.bool("headers.hsts-include-subdomains", false),
                headerValue(reader, "headers.permissions-policy", DEFAULT_PERMISSIONS));
        Csp csp = new Csp(
                reader.choice("csp.mode", "report-only", "report-only", "enforce", "off"),
                headerValue(reader, "csp.policy", null),
                headerValue(reader, "csp.report-uri", null));
        Implant implant = new Implant(
                reader.bool("implant.enabled", true),
                reader.decimal("implant.sample-rate", 0.05, 0.0, 1.0),
                (int) reader.bytes("implant.max-bytes", 1 << 20, 1024, 16L << 20),
                reader.integer("implant.queue", 16, 1, 10_000),
                reader.integer("implant.max-scans-per-minute", 60, 1, 100_000),
                reader.list("implant.allowed-hosts", List.of()),
                reader.bool("implant.strip", false));
        int holdLimit = (int) reader.bytes("inject.hold-limit", 16 * 1024, 64, 1 << 20);
        return new InjectSettings(emc, portal, badges, headers, csp, implant, holdLimit, scope(reader));
    }

    private static Emc emc(ConfigReader reader) {
        Optional<String> siteId = reader.optional("emc.site-id");
        if (siteId.isPresent() && !siteId.get().matches("\\d{1,12}")) {
            reader.problem("emc.site-id", siteId.get(), "the numeric site ID given by the EMC operator");
        }
        String trackerHost = reader.string("emc.tracker-host", DEFAULT_TRACKER_HOST);
        if (!HOST.matcher(trackerHost).matches()) {
            reader.problem("emc.tracker-host", trackerHost, "a host name such as " + DEFAULT_TRACKER_HOST);
            trackerHost = DEFAULT_TRACKER_HOST;
        }
        return new Emc(siteId, trackerHost, reader.optional("emc.fallback-label"));
    }

    private static Portal portal(ConfigReader reader) {
        URI portal = reader.httpUrl("portal.url", null);
        String label = reader.string("portal.label", DEFAULT_PORTAL_LABEL);
        String title = reader.string("portal.title", label);
        PortalPosition position = PortalPosition.valueOf(
                reader.choice("portal.position", "end", "end", "placeholder").toUpperCase(java.util.Locale.ROOT));
        PortalPages pages = PortalPages.valueOf(
                reader.choice("portal.pages", "all", "all", "home").toUpperCase(java.util.Locale.ROOT));
        List<String> homePaths = reader.list("portal.home-paths", List.of("/"));
        for (String path : homePaths) {
            if (!path.startsWith("/")) {
                reader.problem("portal.home-paths", reader.raw("portal.home-paths"),
                        "paths starting with /, separated by commas, such as /,/index.html");
                break;
            }
        }
        return new Portal(Optional.ofNullable(portal), label, title, position, pages, homePaths);
    }

    private static List<Badge> badges(ConfigReader reader) {
        List<Badge> badges = new ArrayList<>();
        for (String name : reader.names("badge.")) {
            String prefix = "badge." + name + ".";
            URI image = reader.httpUrl(prefix + "image", null);
            if (image == null && reader.optional(prefix + "image").isEmpty()) {
                reader.problem(prefix + "image", "", "the badge image's absolute http(s) URL");
            }
            Optional<URI> url = Optional.ofNullable(reader.httpUrl(prefix + "url", null));
            String alt = reader.required(prefix + "alt", "the text that describes the badge image (alt text)");
            Optional<String> badgeTitle = reader.optional(prefix + "title");
            if (image != null) {
                badges.add(new Badge(name, image, url, alt, badgeTitle));
            }
        }
        return List.copyOf(badges);
    }

    private static Scope scope(ConfigReader reader) {
        List<String> include = patterns(reader, "inject.include");
        List<String> exclude = patterns(reader, "inject.exclude");
        return new Scope(include, exclude, reader.bool("inject.exclude-defaults", true));
    }

    private static List<String> patterns(ConfigReader reader, String key) {
        List<String> patterns = reader.list(key, List.of());
        for (String pattern : patterns) {
            if (!DecorationScope.valid(pattern)) {
                reader.problem(key, pattern, "path patterns within the web application, starting with /, separated by "
                        + "commas, where * stands for one path segment and ** for any number (such as /admin/**)");
            }
        }
        return patterns;
    }

    private static Optional<String> headerValue(ConfigReader reader, String key, String defaultValue) {
        Optional<String> raw = reader.optional(key);
        String value = raw.orElse(defaultValue);
        if (value == null || value.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        if (!HEADER_VALUE.matcher(value).matches()) {
            reader.problem(key, value, "printable ASCII text (a header value), or off");
            return Optional.ofNullable(defaultValue);
        }
        return Optional.of(value);
    }

    private static Optional<String> frameOptions(ConfigReader reader) {
        return switch (reader.choice("headers.frame-options", "sameorigin", "sameorigin", "deny", "off")) {
            case "deny" -> Optional.of("DENY");
            case "off" -> Optional.empty();
            default -> Optional.of("SAMEORIGIN");
        };
    }

    /** The tracker's origin, such as {@code https://f-emc.ngsp.gov.vn}. */
    String trackerOrigin() {
        return "https://" + emc.trackerHost();
    }
}
