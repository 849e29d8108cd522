package vn.schoolguard.internal.moderation;

import vn.schoolguard.internal.net.ClientAddress;

/**
 * One post to a submission route as the IP log records it, whatever becomes of it: who (address, user agent,
 * signed-in user) posted to which route, method and decoded path.
 *
 * @param userAgent the User-Agent header, at most 1,000 characters, or null
 * @param user      the recognised signed-in user, at most 200 characters, or null
 */
public record Attempt(Route route, String method, String path, ClientAddress client, String userAgent, String user) {
}
