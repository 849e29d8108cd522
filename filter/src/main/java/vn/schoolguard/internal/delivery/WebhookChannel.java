package vn.schoolguard.internal.delivery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import vn.schoolguard.internal.alert.AlertChannel;
import vn.schoolguard.internal.alert.AlertMessage;
import vn.schoolguard.internal.alert.WebhookMessage;
import vn.schoolguard.internal.alert.WebhookSettings;

/**
 * POSTs each incident as signed JSON to the department's webhook ({@link WebhookMessage}), signed anew at each
 * attempt so that the timestamp is the attempt's. Any answer but 2xx is a failure (redirects are not followed: a
 * signed body goes only where it was configured to go).
 */
public final class WebhookChannel implements AlertChannel {

    private final WebhookSettings webhook;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient client;

    public WebhookChannel(WebhookSettings webhook, Duration timeout, Clock clock) {
        this.webhook = webhook;
        this.timeout = timeout;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void send(AlertMessage message) throws IOException, InterruptedException {
        WebhookMessage signed = WebhookMessage.of(message.incident(), webhook.key(), clock.instant());
        HttpRequest request = HttpRequest.newBuilder(webhook.url()).timeout(timeout)
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("User-Agent", "SchoolGuard-alerts/1")
                .header(WebhookMessage.TIMESTAMP_HEADER, signed.timestamp())
                .header(WebhookMessage.SIGNATURE_HEADER, signed.signature())
                .POST(HttpRequest.BodyPublishers.ofString(signed.body(), StandardCharsets.UTF_8)).build();
        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the webhook answered HTTP " + response.statusCode());
        }
    }
}
