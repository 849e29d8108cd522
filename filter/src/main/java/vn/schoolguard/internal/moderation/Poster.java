package vn.schoolguard.internal.moderation;

import vn.schoolguard.internal.net.ClientAddress;

/**
 * Who sent a submission, as far as the request tells.
 *
 * @param clientIp       the poster's address as resolved through trusted proxies
 * @param clientPort     the poster's source port, -1 when unknown (a proxy that does not pass it on)
 * @param peerIp         the socket peer's address
 * @param peerPort       the socket peer's port
 * @param forwardedChain forwarding headers as received, may be null
 * @param userAgent      the poster's user agent, may be null
 * @param posterUser     the logged-in user of the application, may be null
 */
public record Poster(String clientIp, int clientPort, String peerIp, int peerPort, String forwardedChain,
                     String userAgent, String posterUser) {

    /** The poster behind a resolved client address. */
    public static Poster of(ClientAddress client, String userAgent, String posterUser) {
        return new Poster(client.ip(), client.port(), client.peerIp(), client.peerPort(), client.forwardedChain(),
                userAgent, posterUser);
    }
}
