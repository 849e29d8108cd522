package vn.schoolguard.sample;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The command-line flags of the sample site. */
@Command(name = "sample-webapp", sortOptions = false,
        description = "Runs the sample school site (Trường THPT Ngô Quyền – Hải Phòng) with SchoolGuard in front of it.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped normally", "1:could not start", "2:bad command line"})
final class SiteCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(SiteCommand.class);

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port = SiteOptions.DEFAULT_PORT;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Directory for the site's and SchoolGuard's databases (default: ${DEFAULT-VALUE}).")
    private Path dataDir = SiteOptions.DEFAULT_DATA_DIR;

    @Option(names = "--demo-password", paramLabel = "PW",
            description = "Password of the demo accounts moderator, investigator and admin (default: random, logged at start).")
    private String demoPassword;

    @Option(names = "--trusted-proxies", paramLabel = "CIDR,...",
            description = "Reverse proxies whose X-Forwarded-For is believed, e.g. 10.0.0.0/8,127.0.0.1 (default: none).")
    private String trustedProxies;

    @Option(names = "--emc-site-id", paramLabel = "N", description = "Site ID in the EMC monitoring system (default: ${DEFAULT-VALUE}).")
    private long emcSiteId = SiteOptions.DEFAULT_EMC_SITE_ID;

    @Option(names = "--parent-portal", paramLabel = "URL", description = "Portal the school site belongs to (default: ${DEFAULT-VALUE}).")
    private String parentPortal = SiteOptions.DEFAULT_PARENT_PORTAL;

    @Option(names = "--no-guard", description = "Serve the site without SchoolGuard. For benchmarks only: posts are shown unmoderated.")
    private boolean noGuard;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A properties file of SchoolGuard settings merged over the site's own (see docs/en/configuration.md).")
    private Path config;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    private boolean passwordGenerated;

    /** Parses and runs; returns the process exit status. */
    static int execute(String... args) {
        return new CommandLine(new SiteCommand()).execute(args);
    }

    /** The options the flags describe; a bad value is reported as a command-line error (status 2). */
    SiteOptions options() {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--port': " + port + " (expected 0 to 65535)");
        }
        if (emcSiteId <= 0) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--emc-site-id': " + emcSiteId + " (expected a positive number)");
        }
        passwordGenerated = demoPassword == null;
        SiteOptions options = SiteOptions.defaults()
                .withPort(port)
                .withDataDir(dataDir)
                .withTrustedProxies(trustedProxies)
                .withEmcSiteId(emcSiteId)
                .withParentPortal(parentPortal)
                .withGuard(!noGuard)
                .withExtraSettings(config == null ? Map.of() : readSettings(config));
        return passwordGenerated ? options : options.withDemoPassword(demoPassword);
    }

    private Map<String, String> readSettings(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--config': " + file
                    + " (expected a readable UTF-8 properties file: " + e.getMessage() + ")");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(key -> settings.put(key, properties.getProperty(key).strip()));
        return settings;
    }

    @Override
    public Integer call() throws InterruptedException {
        SiteOptions options = options();
        if (options.guard()) {
            LOG.info("Demo accounts moderator, investigator, admin; password: {}",
                    passwordGenerated ? options.demoPassword() : "(as given with --demo-password)");
        }
        SampleSite site;
        try {
            site = SampleSite.start(options);
        } catch (Exception | LinkageError e) {
            // A missing class (an incomplete JAR) is a failed start too: say so and exit 1 rather than hang.
            LOG.error("Could not start the sample site: {}", describe(e));
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(site::close, "sample-site-shutdown"));
        site.join();
        return 0;
    }

    /** Every message in the cause chain: a filter configuration error is often wrapped by Jetty. */
    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (text.length() > 0) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }
}
