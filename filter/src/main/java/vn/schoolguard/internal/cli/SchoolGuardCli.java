package vn.schoolguard.internal.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar schoolguard.jar <command>}: the drop-in JAR's command line.
 * Each capability adds its command to the list below.
 */
@Command(name = "schoolguard", mixinStandardHelpOptions = true, versionProvider = SchoolGuardCli.Version.class,
        description = "SchoolGuard: moderation, IP log and page compliance for Java school websites.",
        footer = {"", "Commands on the database take --data-dir DIR (the filter's data.dir) or --jdbc-url URL, and",
                "--site KEY (the filter's site.key) when the database holds several sites.",
                "Console passwords are typed at the prompt, or given with --password-stdin or --password-env VAR."},
        subcommands = {
                CommandLine.HelpCommand.class,
                ScoreCommand.class,
                TrainCommand.class,
                EvalCommand.class,
                UsersCommand.class,
                IpLogCommand.class,
                MigrateCommand.class,
                CheckCommand.class,
                RoutesCommand.class,
                ReportCommand.class,
        })
public final class SchoolGuardCli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code. */
    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs a command line with the given output and error streams (for tests and embedding). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return run(CliContext.system(), out, err, args);
    }

    /** Runs a command line with the given standard input, terminal and environment. */
    static int run(CliContext context, java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new SchoolGuardCli(), factory(context)).setCaseInsensitiveEnumValuesAllowed(true);
        helpEverywhere(commandLine);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // An operator needs the reason, not a stack trace.
            cmd.getErr().println("schoolguard: " + e.getMessage());
            return 1;
        });
        return commandLine.execute(args);
    }

    /** Picocli's own factory, handing the context to the commands that read input. */
    static CommandLine.IFactory factory(CliContext context) {
        CommandLine.IFactory plain = CommandLine.defaultFactory();
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K made = plain.create(type);
                if (made instanceof CliContext.Aware aware) {
                    aware.context(context);
                }
                return made;
            }
        };
    }

    /** Every command and subcommand answers {@code --help}, however deep. */
    private static void helpEverywhere(CommandLine commandLine) {
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            if (!sub.getCommandSpec().mixinStandardHelpOptions() && !(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                sub.getCommandSpec().mixinStandardHelpOptions(true);
            }
            helpEverywhere(sub);
        }
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
