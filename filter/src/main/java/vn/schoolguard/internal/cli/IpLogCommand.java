package vn.schoolguard.internal.cli;

import java.time.ZoneId;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code iplog verify|query|export|purge}: the investigators' command line over the IP log. */
@Command(name = "iplog", mixinStandardHelpOptions = true, description = "Search, export, verify and purge the IP log.",
        subcommands = {IpLogVerifyCommand.class, IpLogQueryCommand.class, IpLogExportCommand.class, IpLogPurgeCommand.class})
final class IpLogCommand implements Runnable {

    /** Times are shown in Vietnam time, as the investigators read them. */
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
