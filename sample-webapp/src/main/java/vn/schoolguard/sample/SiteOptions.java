package vn.schoolguard.sample;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run the sample site: the values behind its command-line flags, plus the clock that stamps
 * comments and guestbook entries.
 *
 * <p>Start from {@link #defaults()} and change what you need; every {@code with...} method returns a
 * new instance (instances are immutable and thread-safe):
 *
 * <pre>{@code
 * SiteOptions options = SiteOptions.defaults()
 *         .withPort(0)                       // any free port
 *         .withDataDir(Path.of("/tmp/site"))
 *         .withDemoPassword("mat-khau-demo")
 *         .withGuard(false);                 // benchmarks only: no SchoolGuard filter
 * }</pre>
 *
 * @param port           TCP port to listen on; 0 picks a free one (see {@link SampleSite#port()})
 * @param dataDir        directory of the site's own database ({@code site*}) and SchoolGuard's ({@code schoolguard*})
 * @param demoPassword   password of the demo console accounts {@code moderator}, {@code investigator} and
 *                       {@code admin}; SchoolGuard wants at least 8 characters
 * @param trustedProxies comma-separated addresses or CIDR blocks of reverse proxies whose
 *                       {@code X-Forwarded-For} is believed; empty when none
 * @param emcSiteId      the site's numeric ID in the EMC monitoring system
 * @param parentPortal   URL of the portal the school site belongs to, linked from every page
 * @param guard          whether the SchoolGuard filter runs in front of the site
 * @param clock          time source for stored posts
 * @param extraSettings  SchoolGuard settings merged over the site's own (as {@code --config FILE} gives them)
 */
public record SiteOptions(int port, Path dataDir, String demoPassword, Optional<String> trustedProxies,
                          long emcSiteId, String parentPortal, boolean guard, Clock clock,
                          Map<String, String> extraSettings) {

    /** Port used when none is given. */
    public static final int DEFAULT_PORT = 8080;
    /** Data directory used when none is given, relative to the working directory. */
    public static final Path DEFAULT_DATA_DIR = Path.of("data");
    /** A plausible EMC site ID for the demo school. */
    public static final long DEFAULT_EMC_SITE_ID = 1234;
    /** The Hải Phòng Department of Education portal. */
    public static final String DEFAULT_PARENT_PORTAL = "https://haiphong.edu.vn/";

    // No 0/O or 1/l/I: the password is read off a console and typed by hand.
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    public SiteOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(demoPassword, "demoPassword");
        Objects.requireNonNull(trustedProxies, "trustedProxies");
        Objects.requireNonNull(parentPortal, "parentPortal");
        Objects.requireNonNull(clock, "clock");
        extraSettings = Map.copyOf(Objects.requireNonNull(extraSettings, "extraSettings"));
        trustedProxies = trustedProxies.map(String::strip).filter(value -> !value.isEmpty());
    }

    /** Port 8080, data directory {@code ./data}, a fresh random demo password, the filter on. */
    public static SiteOptions defaults() {
        return new SiteOptions(DEFAULT_PORT, DEFAULT_DATA_DIR, randomPassword(), Optional.empty(),
                DEFAULT_EMC_SITE_ID, DEFAULT_PARENT_PORTAL, true, Clock.systemUTC(), Map.of());
    }

    /** A random 16-character password of letters and digits that cannot be misread. */
    public static String randomPassword() {
        StringBuilder password = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    public SiteOptions withPort(int newPort) {
        return new SiteOptions(newPort, dataDir, demoPassword, trustedProxies, emcSiteId, parentPortal, guard, clock, extraSettings);
    }

    public SiteOptions withDataDir(Path newDataDir) {
        return new SiteOptions(port, newDataDir, demoPassword, trustedProxies, emcSiteId, parentPortal, guard, clock, extraSettings);
    }

    public SiteOptions withDemoPassword(String newPassword) {
        return new SiteOptions(port, dataDir, newPassword, trustedProxies, emcSiteId, parentPortal, guard, clock, extraSettings);
    }

    /** Trusted proxies as given to {@code --trusted-proxies}, e.g. {@code "10.0.0.0/8,127.0.0.1"}. */
    public SiteOptions withTrustedProxies(String newProxies) {
        return new SiteOptions(port, dataDir, demoPassword, Optional.ofNullable(newProxies), emcSiteId, parentPortal, guard, clock, extraSettings);
    }

    public SiteOptions withEmcSiteId(long newSiteId) {
        return new SiteOptions(port, dataDir, demoPassword, trustedProxies, newSiteId, parentPortal, guard, clock, extraSettings);
    }

    public SiteOptions withParentPortal(String newPortal) {
        return new SiteOptions(port, dataDir, demoPassword, trustedProxies, emcSiteId, newPortal, guard, clock, extraSettings);
    }

    /** {@code false} serves the site without SchoolGuard: for benchmarks only, never for a public site. */
    public SiteOptions withGuard(boolean newGuard) {
        return new SiteOptions(port, dataDir, demoPassword, trustedProxies, emcSiteId, parentPortal, newGuard, clock, extraSettings);
    }

    public SiteOptions withClock(Clock newClock) {
        return new SiteOptions(port, dataDir, demoPassword, trustedProxies, emcSiteId, parentPortal, guard, newClock, extraSettings);
    }

    /** SchoolGuard settings that replace or add to the site's own, e.g. from a properties file. */
    public SiteOptions withExtraSettings(Map<String, String> newSettings) {
        return new SiteOptions(port, dataDir, demoPassword, trustedProxies, emcSiteId, parentPortal, guard, clock, newSettings);
    }

    @Override
    public String toString() {
        return "SiteOptions[port=" + port + ", dataDir=" + dataDir + ", demoPassword=****, trustedProxies="
                + trustedProxies.orElse("") + ", emcSiteId=" + emcSiteId + ", parentPortal=" + parentPortal
                + ", guard=" + guard + ", extraSettings=" + extraSettings.keySet() + "]";
    }
}
