package vn.schoolguard.internal.alert;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import vn.schoolguard.internal.config.ConfigReader;

/**
 * Alerts: what is watched on a schedule and where each recorded incident is sent ({@code alerts.*},
 * {@code selfcheck.*}, {@code iplog.verify-every}). A watch whose period is {@code off} is null here.
 *
 * @param language      {@code alerts.language}: {@code vi} (default) or {@code en}, for mail texts
 * @param mail          {@code alerts.mail.*}; {@link MailSettings#enabled()} false without a host
 * @param webhook       {@code alerts.webhook.*}; {@link WebhookSettings#enabled()} false without a URL
 * @param selfCheck     {@code selfcheck.*}: the scheduled check of the served home page
 * @param verifyEvery   {@code iplog.verify-every}: how often the IP-log chain is verified; null for never
 * @param queueMaxAge   {@code alerts.queue-max-age}: a pending submission older than this is an incident; null for off
 * @param delivery      {@code alerts.retries}, {@code alerts.retry-delay}, {@code alerts.timeout}
 */
public record AlertSettings(String language, MailSettings mail, WebhookSettings webhook, SelfCheck selfCheck,
                            Duration verifyEvery, Duration queueMaxAge, Delivery delivery) {

    /**
     * @param every how often the home page is fetched; null for never
     * @param url   {@code selfcheck.url}: the page to fetch; empty for {@code replay.base-url} + {@code /}
     * @param host  {@code selfcheck.host}: the {@code Host} header sent; empty for the URL's own
     */
    public record SelfCheck(Duration every, Optional<URI> url, Optional<String> host) {
    }

    /**
     * @param retries    attempts after the first one that failed (0 to 10)
     * @param retryDelay the wait before the first retry; each later retry waits twice as long
     * @param timeout    connect and answer time limit of one attempt
     */
    public record Delivery(int retries, Duration retryDelay, Duration timeout) {
    }

    /** Alerts with nothing sent and every watch at its default, for tests and tools. */
    public static AlertSettings defaults() {
        return read(new ConfigReader(java.util.Map.of()));
    }

    public static AlertSettings read(ConfigReader reader) {
        String language = reader.choice("alerts.language", "vi", "vi", "en");
        MailSettings mail = MailSettings.read(reader);
        WebhookSettings webhook = WebhookSettings.read(reader);
        SelfCheck selfCheck = new SelfCheck(
                Periods.orOff(reader, "selfcheck.every", Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofDays(7)),
                Optional.ofNullable(reader.httpUrl("selfcheck.url", null)),
                Periods.hostHeader(reader, "selfcheck.host"));
        Duration verifyEvery = Periods.orOff(reader, "iplog.verify-every", Duration.ofHours(6),
                Duration.ofMinutes(1), Duration.ofDays(30));
        Duration queueMaxAge = Periods.orOff(reader, "alerts.queue-max-age", Duration.ofHours(48),
                Duration.ofMinutes(1), Duration.ofDays(365));
        Delivery delivery = new Delivery(reader.integer("alerts.retries", 3, 0, 10),
                reader.duration("alerts.retry-delay", Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofHours(1)),
                reader.duration("alerts.timeout", Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofMinutes(5)));
        return new AlertSettings(language, mail, webhook, selfCheck, verifyEvery, queueMaxAge, delivery);
    }

    /** Whether any channel sends incidents anywhere besides the log and the console. */
    public boolean sends() {
        return mail.enabled() || webhook.enabled();
    }

    /** The channels in use, for the startup line: {@code mail to 2, webhook https://…}. */
    public List<String> describe() {
        List<String> channels = new java.util.ArrayList<>();
        if (mail.enabled()) {
            channels.add("mail via " + mail.host() + ":" + mail.port() + " to " + mail.to().size());
        }
        if (webhook.enabled()) {
            channels.add("webhook " + webhook.url().getScheme() + "://" + webhook.url().getRawAuthority());
        }
        return channels;
    }
}
