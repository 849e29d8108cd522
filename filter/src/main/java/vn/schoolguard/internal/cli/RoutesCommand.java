package vn.schoolguard.internal.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import vn.schoolguard.SchoolGuardConfig;
import vn.schoolguard.internal.discovery.RouteDiscovery;
import vn.schoolguard.internal.moderation.Route;
import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.store.JdbcDiscoveredForms;

/** {@code routes discover}: the unguarded forms the running site has noted, as the console's "Unguarded forms" shows them. */
@Command(name = "routes", mixinStandardHelpOptions = true, description = "Submission routes.",
        subcommands = RoutesCommand.Discover.class)
final class RoutesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "discover", mixinStandardHelpOptions = true,
            description = {"List the forms the site took at addresses no route guards (saved by the filter every 30 seconds),",
                    "with the settings that guard each. With --config, likely aliases of a configured route are marked",
                    "and forms the routes guard by now are left out."})
    static final class Discover implements Callable<Integer> {

        @Mixin
        DatabaseOptions database;

        @Option(names = "--config", paramLabel = "FILE", description = "The site's SchoolGuard properties file, for its routes.")
        Path config;

        @Option(names = "--max", paramLabel = "N", defaultValue = "10000", description = "Most forms listed (default ${DEFAULT-VALUE}).")
        int max;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            List<Route> routes = config == null ? List.of() : SchoolGuardConfig.builder().environment(Map.of())
                    .systemProperties(new java.util.Properties()).properties(config).build().moderation().routes();
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = database.open(true)) {
                String site = database.site(db, true, spec.commandLine().getErr());
                List<RouteDiscovery.Finding> findings = RouteDiscovery.findings(new JdbcDiscoveredForms(db, site).load(max), routes);
                if (findings.isEmpty()) {
                    out.println("no unguarded form has been noted for site " + site);
                }
                for (RouteDiscovery.Finding f : findings) {
                    out.println(f.form().method() + " " + f.form().pattern() + "\t" + f.form().hits() + " seen, last "
                            + f.form().lastSeen() + " (status " + f.form().lastStatus() + ")\tfields: "
                            + String.join(", ", f.form().fields())
                            + f.aliasOf().map(r -> "\tlikely alias of route " + r.name()).orElse(""));
                    f.settings().lines().forEach(line -> out.println("  " + line));
                }
            }
            return 0;
        }
    }
}
