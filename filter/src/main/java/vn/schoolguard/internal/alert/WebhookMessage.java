package vn.schoolguard.internal.alert;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import vn.schoolguard.internal.db.Json;
import vn.schoolguard.internal.hash.Sha256;
import vn.schoolguard.internal.incident.Incident;

/**
 * An incident as the webhook's JSON, signed: {@code X-SchoolGuard-Signature: sha256=<hex>} is HMAC-SHA256 under the
 * shared secret of {@code <X-SchoolGuard-Timestamp>.<body>}, so a receiver can check who sent it and refuse replays
 * of old bodies by their timestamp.
 *
 * @param body      {@code {"site","kind","at","page","detail","id"}}, UTF-8
 * @param timestamp seconds since 1970, as sent in {@link #TIMESTAMP_HEADER}
 * @param signature {@code sha256=} and 64 hex digits, as sent in {@link #SIGNATURE_HEADER}
 */
public record WebhookMessage(String body, String timestamp, String signature) {

    public static final String TIMESTAMP_HEADER = "X-SchoolGuard-Timestamp";
    public static final String SIGNATURE_HEADER = "X-SchoolGuard-Signature";

    /** The message of {@code incident}, signed now with {@code secret}. */
    public static WebhookMessage of(Incident incident, byte[] secret, Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("site", incident.siteKey());
        json.put("kind", incident.kind().key());
        json.put("at", incident.at().toString());
        json.put("page", incident.page());
        json.put("detail", incident.detail());
        json.put("id", incident.id());
        String body = Json.write(json);
        String timestamp = Long.toString(now.getEpochSecond());
        return new WebhookMessage(body, timestamp, "sha256=" + Sha256.hmacHex(secret, timestamp + "." + body));
    }
}
