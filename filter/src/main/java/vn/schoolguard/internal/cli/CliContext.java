package vn.schoolguard.internal.cli;

import java.io.Console;
import java.io.InputStream;
import java.util.function.UnaryOperator;

/**
 * What a command reads besides its arguments: standard input, the terminal (null when there is none) and the
 * environment. The real ones by default; tests hand in their own terminal and input.
 */
record CliContext(InputStream stdin, Terminal terminal, UnaryOperator<String> env) {

    /** A terminal that reads a line without echoing it. */
    interface Terminal {
        /** The typed line without its line end, or null at end of input. */
        char[] readPassword(String prompt);
    }

    /** Standard input, {@link System#console()} and {@link System#getenv(String)}. */
    static CliContext system() {
        Console console = System.console();
        Terminal terminal = console == null ? null : prompt -> console.readPassword("%s", prompt);
        return new CliContext(System.in, terminal, System::getenv);
    }

    /** Commands that need the context get it from the command factory, before they run. */
    interface Aware {
        void context(CliContext context);
    }
}
