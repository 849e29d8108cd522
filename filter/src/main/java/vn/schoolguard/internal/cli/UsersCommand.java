package vn.schoolguard.internal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import vn.schoolguard.internal.store.JdbcAccountStore;
import vn.schoolguard.internal.account.Account;
import vn.schoolguard.internal.account.AccountStore;
import vn.schoolguard.internal.account.PasswordHasher;
import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.web.ConsoleSettings;

/** {@code users list|add|passwd|roles|disable|enable}: manages built-in console accounts. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Manage built-in console accounts.",
        subcommands = {UsersCommand.ListUsers.class, UsersCommand.Add.class, UsersCommand.Passwd.class,
                UsersCommand.Roles.class, UsersCommand.Disable.class, UsersCommand.Enable.class})
final class UsersCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What every users subcommand shares: the database and a way to print. */
    abstract static class Base implements Callable<Integer>, CliContext.Aware {
        @Mixin
        DatabaseOptions database;

        @Spec
        CommandSpec spec;

        CliContext context = CliContext.system();
        /** The site the command works on, known once it runs. */
        String site;

        @Override
        public void context(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            try (Database db = database.open(!creates())) {
                site = database.site(db, !creates(), err);
                return run(new JdbcAccountStore(db, site), spec.commandLine().getOut(), err);
            }
        }

        /** Whether the command may create the database and the site (only {@code add} does). */
        boolean creates() {
            return false;
        }

        abstract int run(AccountStore accounts, PrintWriter out, PrintWriter err) throws IOException;
    }

    @Command(name = "list", description = "List accounts with their roles.")
    static final class ListUsers extends Base {
        @Override
        int run(AccountStore accounts, PrintWriter out, PrintWriter err) {
            for (Account account : accounts.list()) {
                out.printf("%-24s %-32s %s%n", account.username(), String.join(" ", account.roles()),
                        account.disabled() ? "disabled" : "active");
            }
            return 0;
        }
    }

    @Command(name = "add", description = "Create an account, or reset an existing one's password and roles.")
    static final class Add extends Base {
        @Parameters(index = "0", description = "Account name (lower-case letters, digits, dot, dash, underscore).")
        String name;

        @Option(names = "--roles", required = true, split = ",", description = "moderator, investigator, admin and/or department.")
        List<String> roles;

        @Mixin
        PasswordOptions password;

        @Override
        boolean creates() {
            return true;
        }

        @Override
        int run(AccountStore accounts, PrintWriter out, PrintWriter err) throws IOException {
            if (!name.matches("[a-z0-9._-]{2,64}")) {
                err.println("account name '" + name + "' is not valid: use 2 to 64 lower-case letters, digits, dots, dashes or underscores");
                return 2;
            }
            Set<String> wanted = new LinkedHashSet<>(roles);
            if (!ConsoleSettings.ROLES.containsAll(wanted)) {
                err.println("roles " + wanted + " are not valid: use moderator, investigator, admin and/or department");
                return 2;
            }
            String secret = password.read(context, err);
            if (secret == null) {
                return 2;
            }
            accounts.upsert(name, new PasswordHasher().hash(secret), wanted, Instant.now());
            out.println("account '" + name + "' of site " + site + " saved with roles " + String.join(" ", wanted));
            return 0;
        }
    }

    @Command(name = "passwd", description = "Set an account's password (ends no running sessions; sign-out happens at expiry).")
    static final class Passwd extends Base {
        @Parameters(index = "0", description = "Account name.")
        String name;

        @Mixin
        PasswordOptions password;

        @Override
        int run(AccountStore accounts, PrintWriter out, PrintWriter err) throws IOException {
            if (accounts.find(name).isEmpty()) {
                err.println("there is no account '" + name + "'");
                return 1;
            }
            String secret = password.read(context, err);
            if (secret == null) {
                return 2;
            }
            if (!accounts.setPassword(name, new PasswordHasher().hash(secret), Instant.now())) {
                err.println("there is no account '" + name + "'");
                return 1;
            }
            out.println("password of '" + name + "' changed");
            return 0;
        }
    }

    @Command(name = "roles", description = "Replace an account's roles.")
    static final class Roles extends Base {
        @Parameters(index = "0", description = "Account name.")
        String name;

        @Parameters(index = "1", split = ",", description = "moderator, investigator, admin and/or department, separated by commas.")
        List<String> roles;

        @Override
        int run(AccountStore accounts, PrintWriter out, PrintWriter err) {
            Set<String> wanted = new LinkedHashSet<>(roles);
            if (!ConsoleSettings.ROLES.containsAll(wanted)) {
                err.println("roles " + wanted + " are not valid: use moderator, investigator, admin and/or department");
                return 2;
            }
            if (!accounts.setRoles(name, wanted, Instant.now())) {
                err.println("there is no account '" + name + "'");
                return 1;
            }
            out.println("roles of '" + name + "' are now " + String.join(" ", wanted));
            return 0;
        }
    }

    @Command(name = "disable", description = "Stop an account from signing in.")
    static final class Disable extends Base {
        @Parameters(index = "0", description = "Account name.")
        String name;

        @Override
        int run(AccountStore accounts, PrintWriter out, PrintWriter err) {
            return toggle(accounts, name, true, out, err);
        }
    }

    @Command(name = "enable", description = "Let a disabled account sign in again.")
    static final class Enable extends Base {
        @Parameters(index = "0", description = "Account name.")
        String name;

        @Override
        int run(AccountStore accounts, PrintWriter out, PrintWriter err) {
            return toggle(accounts, name, false, out, err);
        }
    }

    private static int toggle(AccountStore accounts, String name, boolean disabled, PrintWriter out, PrintWriter err) {
        if (!accounts.setDisabled(name, disabled, Instant.now())) {
            err.println("there is no account '" + name + "'");
            return 1;
        }
        out.println("account '" + name + "' " + (disabled ? "disabled" : "enabled"));
        return 0;
    }
}
