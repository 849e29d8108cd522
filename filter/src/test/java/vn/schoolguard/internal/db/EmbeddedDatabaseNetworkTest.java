package vn.schoolguard.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.schoolguard.testing.TestSite;

/** Regression: the embedded H2 database must not listen on a TCP port that other machines can reach. */
class EmbeddedDatabaseNetworkTest {

    @TempDir
    Path dataDir;

    @Test
    void regressionEmbeddedDatabaseOpensNoTcpListenerOnANonLoopbackAddress() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "needs /proc/net/tcp (Linux)");
        try (TestSite site = new TestSite(dataDir, Map.of())) {
            site.postForm("/posts/1/comments", Map.of("author", "An", "content", "Xin chào"));
            List<String> listeners = ownListeners();
            assertThat(listeners).as("this process's listening sockets").isNotEmpty();
            assertThat(listeners).allSatisfy(address ->
                    assertThat(InetAddress.getByName(address).isLoopbackAddress()).as(address + " is loopback").isTrue());
        }
    }

    @Test
    void regressionCommandLineInAnotherProcessStillReadsTheLogWhileTheSiteRuns() throws Exception {
        try (TestSite site = new TestSite(dataDir, Map.of())) {
            site.postForm("/posts/1/comments", Map.of("author", "An", "content", "Xin chào"));
            Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
            Process cli = new ProcessBuilder(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                    "vn.schoolguard.internal.cli.SchoolGuardCli", "iplog", "verify", "--data-dir", dataDir.toString())
                    .redirectErrorStream(true).start();
            String output = new String(cli.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(cli.waitFor()).as(output).isZero();
            assertThat(output).contains("site default: 1 entries verified", "OK");
        }
    }

    /** The local addresses of the listening TCP sockets this process holds, from /proc/net/tcp and tcp6. */
    static List<String> ownListeners() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            });
        }
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.isReadable(path)) {
                continue;
            }
            // Read once: the table changes between two reads on a busy machine.
            List<String> lines = Files.readAllLines(path);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f[3].equals("0A") && inodes.contains(f[9])) {
                    addresses.add(address(f[1].substring(0, f[1].indexOf(':'))));
                }
            }
        }
        return addresses;
    }

    // /proc/net/tcp writes each 32-bit word of the address in host (little-endian) byte order.
    private static String address(String hex) throws IOException {
        byte[] raw = HexFormat.of().parseHex(hex);
        byte[] bytes = new byte[raw.length];
        for (int word = 0; word < raw.length; word += 4) {
            for (int i = 0; i < 4; i++) {
                bytes[word + i] = raw[word + 3 - i];
            }
        }
        return InetAddress.getByAddress(bytes).getHostAddress();
    }
}
