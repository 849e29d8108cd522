package vn.schoolguard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar schoolguard.jar <command>}: the drop-in JAR's command line.
 * Each capability adds its command to the list below.
 */
@Command(name = "schoolguard", mixinStandardHelpOptions = true, versionProvider = SchoolGuardCli.Version.class,
        description = "SchoolGuard: moderation, IP log and page compliance for Java school websites.",
        subcommands = {
                CommandLine.HelpCommand.class,
                CheckCommand.class,
        })
public final class SchoolGuardCli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (for tests). */
    public static int run(String... args) {
        return new CommandLine(new SchoolGuardCli()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Prints the version from the JAR manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = SchoolGuardCli.class.getPackage().getImplementationVersion();
            return new String[] {"SchoolGuard " + (version == null ? "(development build)" : version)};
        }
    }
}
