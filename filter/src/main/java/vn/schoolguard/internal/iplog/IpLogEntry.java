package vn.schoolguard.internal.iplog;

import vn.schoolguard.internal.net.ClientAddress;

/**
 * A new IP log entry: one submission attempt, before it is numbered and chained.
 *
 * @param client        where it came from
 * @param userAgent     the poster's user agent, may be null
 * @param posterUser    the application user, may be null
 * @param route         the route name
 * @param method        HTTP method
 * @param path          path within the web application
 * @param submissionId  the stored submission, or null when none was stored
 * @param receipt       the receipt code, or null
 * @param outcome       what became of it
 * @param detail        a short reason (e.g. why it was refused), may be null
 * @param contentSha256 SHA-256 (hex) of the body as received, or null when it was not read
 */
public record IpLogEntry(ClientAddress client, String userAgent, String posterUser, String route, String method,
                         String path, Long submissionId, String receipt, Outcome outcome, String detail,
                         String contentSha256) {
}
