package vn.schoolguard.internal.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import picocli.CommandLine.Option;

import vn.schoolguard.internal.account.PasswordPolicy;

/**
 * Where {@code users add} and {@code users passwd} take a console password from: typed twice at the terminal
 * (no echo), one line of standard input (when there is no terminal, or with {@code --password-stdin}), or an
 * environment variable named by {@code --password-env}. Never an argument value: that would land in the shell
 * history and in every other user's {@code ps} listing.
 */
// Security-critical: the only way a console password enters the command line.
final class PasswordOptions {

    /** Longest line read from standard input; a longer one is not a password. */
    private static final int MAX_LINE_BYTES = 4 * PasswordPolicy.MAX_LENGTH + 2;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input"
            + " (for scripts; without a terminal this is what happens anyway).")
    boolean stdin;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Take the password from the environment"
            + " variable VAR (its name, not the password).")
    String env;

    /** The password, checked against {@link PasswordPolicy}; null after a message on {@code err} when unusable. */
    String read(CliContext context, PrintWriter err) throws IOException {
        if (stdin && env != null) {
            err.println("schoolguard: give the password one way: --password-stdin or --password-env, not both");
            return null;
        }
        String password;
        if (env != null) {
            password = context.env().apply(env);
            if (password == null) {
                err.println("schoolguard: the environment variable " + env + " (from --password-env) is not set");
                return null;
            }
        } else if (stdin || context.terminal() == null) {
            if (!stdin) {
                err.println("schoolguard: no terminal; reading the password from the first line of standard input");
            }
            password = firstLine(context.stdin());
            if (password == null) {
                err.println("schoolguard: no password: standard input ended before a line; type it at a terminal,"
                        + " or send one line with --password-stdin, or use --password-env VAR");
                return null;
            }
        } else {
            password = typedTwice(context.terminal(), err);
            if (password == null) {
                return null;
            }
        }
        Optional<String> problem = PasswordPolicy.problem(password);
        if (problem.isPresent()) {
            err.println("schoolguard: " + problem.get());
            return null;
        }
        return password;
    }

    private static String typedTwice(CliContext.Terminal terminal, PrintWriter err) {
        char[] first = terminal.readPassword("Password (at least " + PasswordPolicy.MIN_LENGTH + " characters): ");
        if (first == null) {
            err.println("schoolguard: no password typed");
            return null;
        }
        char[] second = terminal.readPassword("The same password again: ");
        try {
            if (second == null || !Arrays.equals(first, second)) {
                err.println("schoolguard: the two passwords differ; nothing was changed");
                return null;
            }
            return new String(first);
        } finally {
            Arrays.fill(first, '\0');
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }

    /** One line of UTF-8 without its line end (LF or CRLF); null when the input ends first. Reads no further, and refuses an endless line. */
    private static String firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (line.size() == MAX_LINE_BYTES) {
                throw new IOException("the first line of standard input is longer than " + MAX_LINE_BYTES
                        + " bytes; that is not a console password (at most " + PasswordPolicy.MAX_LENGTH + " characters)");
            }
            line.write(b);
        }
        if (b == -1 && line.size() == 0) {
            return null;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
