package vn.schoolguard.bench.iplog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

import vn.schoolguard.internal.hash.Sha256;
import vn.schoolguard.internal.net.IpLiteral;

// Writes a realistic, valid IP log chain in JDBC batches, hashing every entry the way the filter does.
final class ScaleData {

    static final String SITE = "default";
    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    static final int GATEWAYS = 2000;
    static final String GENESIS = "0".repeat(64);

    // Must match vn.schoolguard.internal.iplog.ChainHash ("sg-iplog-1", length-prefixed UTF-8 values); verify() proves it does.
    private static final String VERSION = "sg-iplog-1";
    private static final String PEER_IP = "10.10.0.5";
    private static final int CHECKPOINT_EVERY = 1000;
    private static final int BATCH = 1000;
    private static final int COMMIT_EVERY = 50_000;
    /** Vietnamese ISP IPv4 blocks (VNPT, Viettel, FPT): base address and prefix length. */
    private static final int[][] V4_BLOCKS = {
            {ip(113, 160, 0, 0), 11}, {ip(14, 160, 0, 0), 11}, {ip(27, 64, 0, 0), 12}, {ip(171, 224, 0, 0), 11}};
    private static final String[] USER_AGENTS = {
            "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36",
            "Mozilla/5.0 (Linux; Android 12; Redmi Note 11) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0 Mobile Safari/537.36 Zalo android/12100",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/123.0 Chrome/117.0 Safari/537.36",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
            "Mozilla/5.0 (Linux; Android 10; CPH2179) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 FBAV/450.0",
            "python-requests/2.31.0"};

    private final long rows;
    private final SplittableRandom random;
    private final String[] gateways = new String[GATEWAYS];
    private final double[] gatewayCdf = new double[GATEWAYS];
    private final long avgGapMillis;
    private final Duration span;

    ScaleData(long rows, Duration span, long seed) {
        this.rows = rows;
        this.span = span;
        this.random = new SplittableRandom(seed);
        // CGNAT gateways: a few addresses carry much of the traffic, the first most of all (Zipf-like weights).
        double sum = 0;
        for (int i = 0; i < GATEWAYS; i++) {
            gateways[i] = v4(random);
            sum += 1.0 / (i + 1);
            gatewayCdf[i] = sum;
        }
        for (int i = 0; i < GATEWAYS; i++) {
            gatewayCdf[i] /= sum;
        }
        this.avgGapMillis = Math.max(1, span.toMillis() / Math.max(1, rows));
    }

    /** How long the entries' times spread over. */
    Duration span() {
        return span;
    }

    /** The busiest CGNAT address. */
    String hotAddress() {
        return gateways[0];
    }

    /** A CGNAT address of middling traffic. */
    String typicalAddress() {
        return gateways[GATEWAYS / 10];
    }

    /** Builds the chain; returns the time of the last entry. */
    Instant load(Connection c, LongConsumer progress) throws SQLException {
        c.setAutoCommit(false);
        String prevHash = GENESIS;
        long at = START.toEpochMilli();
        long submission = 0;
        Instant last = START;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO sg_iplog (site_key, seq, logged_at, client_ip, client_ip_hex,"
                + " client_port, peer_ip, peer_port, forwarded_chain, forwarded_flag, user_agent, poster_user, route, method, path,"
                + " submission_id, receipt, outcome, detail, content_sha256, personal_salt, personal_hash, pseudonymised, prev_hash,"
                + " entry_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
             PreparedStatement checkpoint = c.prepareStatement(
                     "INSERT INTO sg_iplog_checkpoints (site_key, seq, entry_hash, created_at) VALUES (?,?,?,?)")) {
            for (long seq = 1; seq <= rows; seq++) {
                at += random.nextLong(2 * avgGapMillis + 1);
                last = Instant.ofEpochMilli(at);
                String ip = clientIp();
                int port = 1024 + random.nextInt(65536 - 1024);
                int peerPort = 1024 + random.nextInt(65536 - 1024);
                String forwarded = ip;
                String userAgent = USER_AGENTS[random.nextInt(USER_AGENTS.length)];
                String user = random.nextInt(50) == 0 ? "gv.nguyenthilan" : null;
                String outcome = outcome(user != null);
                boolean stored = outcome.equals("held") || outcome.equals("spam") || outcome.equals("bypassed");
                boolean comment = random.nextInt(4) != 0;
                String route = comment ? "comments" : "guestbook";
                String path = comment ? "/news/" + (1 + random.nextInt(3000)) + "/comments" : "/guestbook";
                Long submissionId = stored ? ++submission : null;
                String receipt = stored ? receipt() : null;
                String detail = switch (outcome) {
                    case "rate-limited" -> "rate limit comments: 5 per 10 minutes per address";
                    case "refused" -> "body larger than 65536 bytes";
                    case "blocked" -> "address in block list";
                    default -> null;
                };
                String content = outcome.equals("refused") ? null : Sha256.toHex(bytes(32));
                String salt = Sha256.toHex(bytes(16));
                String personal = sha256(VERSION, "personal", salt, ip, String.valueOf(port), PEER_IP, String.valueOf(peerPort),
                        forwarded, userAgent, user);
                String hash = sha256(VERSION, "entry", SITE, String.valueOf(seq), String.valueOf(at), route, "POST", path,
                        submissionId == null ? null : String.valueOf(submissionId), receipt, outcome, detail, content,
                        "false", personal, prevHash);
                int i = 0;
                insert.setString(++i, SITE);
                insert.setLong(++i, seq);
                insert.setObject(++i, last.atOffset(ZoneOffset.UTC));
                insert.setString(++i, ip);
                insert.setString(++i, IpLiteral.hex(ip).orElseThrow());
                insert.setInt(++i, port);
                insert.setString(++i, PEER_IP);
                insert.setInt(++i, peerPort);
                insert.setString(++i, forwarded);
                insert.setBoolean(++i, false);
                insert.setString(++i, userAgent);
                insert.setString(++i, user);
                insert.setString(++i, route);
                insert.setString(++i, "POST");
                insert.setString(++i, path);
                if (submissionId == null) {
                    insert.setNull(++i, Types.BIGINT);
                } else {
                    insert.setLong(++i, submissionId);
                }
                insert.setString(++i, receipt);
                insert.setString(++i, outcome);
                insert.setString(++i, detail);
                insert.setString(++i, content);
                insert.setString(++i, salt);
                insert.setString(++i, personal);
                insert.setBoolean(++i, false);
                insert.setString(++i, prevHash);
                insert.setString(++i, hash);
                insert.addBatch();
                if (seq % CHECKPOINT_EVERY == 0) {
                    checkpoint.setString(1, SITE);
                    checkpoint.setLong(2, seq);
                    checkpoint.setString(3, hash);
                    checkpoint.setObject(4, last.atOffset(ZoneOffset.UTC));
                    checkpoint.addBatch();
                }
                prevHash = hash;
                if (seq % BATCH == 0 || seq == rows) {
                    insert.executeBatch();
                    checkpoint.executeBatch();
                }
                if (seq % COMMIT_EVERY == 0 || seq == rows) {
                    c.commit();
                    progress.accept(seq);
                }
            }
        }
        try (PreparedStatement head = c.prepareStatement("UPDATE sg_iplog_head SET last_seq = ?, last_hash = ? WHERE site_key = ?")) {
            head.setLong(1, rows);
            head.setString(2, prevHash);
            head.setString(3, SITE);
            if (head.executeUpdate() != 1) {
                throw new SQLException("the IP log head of site " + SITE + " is missing");
            }
        }
        c.commit();
        c.setAutoCommit(true);
        return last;
    }

    private String clientIp() {
        int pick = random.nextInt(100);
        if (pick < 50) {
            double u = random.nextDouble();
            int lo = 0;
            int hi = GATEWAYS - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (gatewayCdf[mid] < u) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return gateways[lo];
        }
        if (pick < 90) {
            return v4(random);
        }
        // Viettel IPv6 (2402:800::/32): one /64 per subscriber, random interface id.
        String text = String.format("2402:800:%x:%x:%x:%x:%x:%x", random.nextInt(65536), random.nextInt(65536),
                random.nextInt(65536), random.nextInt(65536), random.nextInt(65536), random.nextInt(65536));
        return IpLiteral.canonical(text).orElseThrow();
    }

    private String outcome(boolean trusted) {
        if (trusted) {
            return "bypassed";
        }
        int pick = random.nextInt(100);
        if (pick < 72) {
            return "held";
        }
        if (pick < 88) {
            return "spam";
        }
        if (pick < 95) {
            return "rate-limited";
        }
        return pick < 98 ? "refused" : "blocked";
    }

    private String receipt() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder out = new StringBuilder("SG-");
        for (int i = 0; i < 8; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private byte[] bytes(int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i += 8) {
            long value = random.nextLong();
            for (int j = 0; j < 8 && i + j < n; j++) {
                out[i + j] = (byte) (value >>> (8 * j));
            }
        }
        return out;
    }

    private static String v4(SplittableRandom random) {
        int[] block = V4_BLOCKS[random.nextInt(V4_BLOCKS.length)];
        int address = block[0] | (random.nextInt(1 << (32 - block[1])));
        return ((address >>> 24) & 0xFF) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "." + (address & 0xFF);
    }

    private static int ip(int a, int b, int c, int d) {
        return (a << 24) | (b << 16) | (c << 8) | d;
    }

    // The chain's framing (docs/en/investigator-guide.md), written out here so the generator stays independent of it.
    static String sha256(String... values) {
        MessageDigest digest = Sha256.newDigest();
        for (String value : values) {
            if (value == null) {
                digest.update("-1:".getBytes(StandardCharsets.US_ASCII));
            } else {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                digest.update(bytes);
            }
        }
        return Sha256.toHex(digest.digest());
    }
}
