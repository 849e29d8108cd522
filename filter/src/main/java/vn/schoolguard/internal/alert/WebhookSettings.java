package vn.schoolguard.internal.alert;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import vn.schoolguard.internal.config.ConfigReader;

/**
 * The department's webhook ({@code alerts.webhook.*}): each incident is POSTed there as signed JSON.
 * {@link #toString()} never shows the secret.
 *
 * @param url    {@code alerts.webhook.url}; null: no webhook
 * @param secret {@code alerts.webhook.secret}: the HMAC-SHA256 key, at least {@value #MIN_SECRET} characters
 */
public record WebhookSettings(URI url, String secret) {

    public static final int MIN_SECRET = 16;

    public static WebhookSettings read(ConfigReader reader) {
        URI url = reader.httpUrl("alerts.webhook.url", null);
        if (url != null && url.getRawUserInfo() != null) {
            reader.problem("alerts.webhook.url", url.getScheme() + "://(user info)@" + url.getHost(),
                    "a URL without user name or password in it (the signature proves who sends)");
            url = null;
        }
        String secret = reader.string("alerts.webhook.secret", "");
        if (url != null && secret.length() < MIN_SECRET) {
            // Never echo a secret, not even a short one.
            reader.problem("alerts.webhook.secret", secret.isEmpty() ? "" : "(hidden, " + secret.length() + " characters)",
                    "at least " + MIN_SECRET + " characters when alerts.webhook.url is set");
        }
        return new WebhookSettings(url, secret);
    }

    public boolean enabled() {
        return url != null;
    }

    /** The key bytes for the signature. */
    public byte[] key() {
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "WebhookSettings[url=" + url + ", secret=" + (secret.isEmpty() ? "" : "(hidden)") + "]";
    }
}
