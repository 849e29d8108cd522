package vn.schoolguard.internal.db;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

import vn.schoolguard.internal.log.Log;


/**
 * Keeps the embedded H2 database off the network. {@code AUTO_SERVER=TRUE} lets a second process (the command line)
 * open the file while the site runs: the first process starts a TCP server and writes its address and a random key
 * into {@code schoolguard.lock.db}. H2 binds that server to every interface unless {@code h2.bindAddress} is set
 * when its {@code SysProperties} class loads, so it is set to loopback just for that moment. If H2 was already loaded
 * with another bind address, sharing is switched off instead: the site keeps the file to itself.
 */
// Security-critical: the IP log must not be one TCP connection away from the school's network.
final class H2Network {

    private static final Log LOG = Log.get(H2Network.class);
    private static final String PROPERTY = "h2.bindAddress";
    private static final String LOOPBACK = "127.0.0.1";

    private H2Network() {
    }

    /** The URL to open: as given, or without {@code AUTO_SERVER} when H2 would not bind it to loopback. */
    static String safeUrl(String url) {
        if (!url.startsWith("jdbc:h2:") || !url.toUpperCase(Locale.ROOT).contains("AUTO_SERVER=TRUE")) {
            return url;
        }
        String bound = bindAddress();
        if (isLoopback(bound)) {
            return url;
        }
        LOG.warn("The embedded database is not shared with other processes (AUTO_SERVER is switched off): H2 was already"
                + " loaded with {}={}, so its server would listen on {}. Stop the site before using the command line"
                + " on this data directory, or use PostgreSQL.", PROPERTY, bound, bound == null ? "every interface" : bound);
        return url.replaceAll("(?i);AUTO_SERVER=TRUE", "");
    }

    // SysProperties reads h2.bindAddress once, when the class loads; set it only around that moment, so that
    // nothing else in the host application sees the property changed.
    private static synchronized String bindAddress() {
        String before = System.getProperty(PROPERTY);
        if (before == null) {
            System.setProperty(PROPERTY, LOOPBACK);
        }
        try {
            return org.h2.engine.SysProperties.BIND_ADDRESS;
        } finally {
            if (before == null) {
                System.clearProperty(PROPERTY);
            }
        }
    }

    private static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
