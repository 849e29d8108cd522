package vn.schoolguard.internal.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import vn.schoolguard.internal.iplog.IpLog;

/** {@code iplog purge}: applies retention now, as the filter does on its schedule. */
@Command(name = "purge", description = "Apply retention now: delete entries older than --older-than, keeping the chain verifiable.")
final class IpLogPurgeCommand extends IpLogSubcommand {

    private static final Pattern DURATION = Pattern.compile("(\\d+)([dhm])");

    @Option(names = "--older-than", required = true, description = "e.g. 730d")
    String olderThan;

    @Option(names = "--pseudonymise-older-than", description = "e.g. 180d")
    String pseudonymise;

    @Override
    int run(IpLog log, PrintWriter out, PrintWriter err) {
        Duration delete = parse(olderThan);
        Duration pseudo = pseudonymise == null ? null : parse(pseudonymise);
        if (delete == null || (pseudonymise != null && pseudo == null)) {
            err.println("schoolguard: durations are written like 730d, 12h or 30m");
            return 2;
        }
        Instant now = Instant.now();
        int[] done = log.applyRetention(now.minus(delete), Optional.ofNullable(pseudo).map(now::minus));
        log.audit(actor(), "purge", Map.of("older-than", olderThan,
                "pseudonymise-older-than", pseudonymise == null ? "" : pseudonymise), done[0] + done[1], null);
        out.println(done[0] + " entries deleted, " + done[1] + " pseudonymised");
        return 0;
    }

    private static Duration parse(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "d" -> Duration.ofDays(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofMinutes(n);
        };
    }
}
