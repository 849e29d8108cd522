package vn.schoolguard.internal.iplog;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

import vn.schoolguard.internal.config.ConfigReader;

/**
 * How long the IP log is kept and how it is shown.
 *
 * @param retention          entries older than this are purged (default 730 days: Nghị định 53/2022 asks for 12 to 24 months)
 * @param pseudonymiseAfter  entries older than this have their personal data replaced by pseudonyms, if set
 * @param purgeInterval      how often the purge runs
 * @param zone               the site's time zone, for display
 */
public record IpLogSettings(Duration retention, Optional<Duration> pseudonymiseAfter, Duration purgeInterval, ZoneId zone) {

    public static IpLogSettings read(ConfigReader reader) {
        Duration retention = reader.duration("iplog.retention", Duration.ofDays(730), Duration.ofDays(1), Duration.ofDays(3650));
        Optional<Duration> pseudonymise = Optional.empty();
        if (reader.optional("iplog.pseudonymise-after").isPresent()) {
            Duration after = reader.duration("iplog.pseudonymise-after", Duration.ofDays(180), Duration.ofDays(1), Duration.ofDays(3650));
            if (after.compareTo(retention) >= 0) {
                reader.problem("iplog.pseudonymise-after", reader.raw("iplog.pseudonymise-after"),
                        "a duration shorter than iplog.retention (" + retention.toDays() + "d)");
            }
            pseudonymise = Optional.of(after);
        }
        String zoneName = reader.string("site.zone", "Asia/Ho_Chi_Minh");
        ZoneId zone = ZoneId.of("Asia/Ho_Chi_Minh");
        try {
            zone = ZoneId.of(zoneName);
        } catch (RuntimeException e) {
            reader.problem("site.zone", zoneName, "a time zone name such as Asia/Ho_Chi_Minh");
        }
        return new IpLogSettings(retention, pseudonymise,
                reader.duration("iplog.purge-interval", Duration.ofHours(24), Duration.ofMinutes(1), Duration.ofDays(30)), zone);
    }
}
