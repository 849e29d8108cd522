package vn.schoolguard.internal.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import vn.schoolguard.internal.db.Database;

/** {@code migrate}: creates or updates SchoolGuard's tables ahead of a deployment. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Create or update SchoolGuard's tables (the filter also does this when it starts).")
final class MigrateCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Database db = database.open()) {
            spec.commandLine().getOut().println("the SchoolGuard schema is up to date");
        }
        return 0;
    }
}
