package vn.schoolguard.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import vn.schoolguard.internal.iplog.IpLog;
import vn.schoolguard.internal.iplog.IpLogEntry;
import vn.schoolguard.internal.iplog.Outcome;
import vn.schoolguard.internal.net.ClientAddress;
import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.store.JdbcIpLogStorage;
import vn.schoolguard.internal.db.Json;
import vn.schoolguard.internal.db.StoreSettings;
import vn.schoolguard.testing.MutableClock;
import vn.schoolguard.testing.TestSite;

/** Regression: an export is audited before its first row leaves, so one cut off mid-stream still leaves a trace. */
class IpLogExportAuditTest {

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @ValueSource(strings = {"format=csv", "format=json&download=1"})
    void regressionExportAbortedByTheClientAfterAFewBytesIsStillAudited(String format) throws Exception {
        try (TestSite site = new TestSite(dataDir, Map.of())) {
            fill(20_000);
            URI base = URI.create(site.base());
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("GET " + base.getPath() + "/_schoolguard/api/iplog?cidr=113.160.0.0/11&" + format + " HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\nAuthorization: " + TestSite.basic("inv", TestSite.PASSWORD) + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                assertThat(in.readNBytes(64)).hasSize(64);
            }
            String action = format.startsWith("format=csv") ? "export-csv" : "export-json";
            JsonNode entry = null;
            for (int i = 0; i < 50 && entry == null; i++) {
                JsonNode audit = Json.MAPPER.readTree(site.get("/_schoolguard/api/iplog/audit",
                        "Authorization", TestSite.basic("boss", TestSite.PASSWORD)).body());
                for (JsonNode item : audit.path("items")) {
                    if (item.path("action").asText().equals(action)) {
                        entry = item;
                    }
                }
                if (entry == null) {
                    Thread.sleep(100);
                }
            }
            assertThat(entry).as("audit entry for the aborted export").isNotNull();
            assertThat(entry.path("actor").asText()).isEqualTo("inv");
            assertThat(entry.path("filter").path("cidr").asText()).isEqualTo("113.160.0.0/11");
            assertThat(entry.path("rows").asLong()).isEqualTo(20_000);
            // The export the client cut off may still be running: let it end before the data directory goes.
            site.awaitNoRequests(Duration.ofSeconds(10));
        }
    }

    private void fill(int n) {
        try (Database db = Database.open(new StoreSettings(StoreSettings.h2Url(dataDir), "sa", "", 2, Duration.ofSeconds(3)))) {
            JdbcIpLogStorage storage = new JdbcIpLogStorage(db);
            IpLog log = new IpLog(storage, "default", new MutableClock(Instant.parse("2026-01-01T00:00:00Z")));
            db.inTransaction(c -> {
                for (int i = 0; i < n; i++) {
                    storage.append(c, log.prepare(new IpLogEntry(new ClientAddress("113.161.0." + (i % 200), 40000 + i % 20000, "127.0.0.1", 1,
                            null, false, true), "Mozilla/5.0 (Linux; Android 14) " + "x".repeat(200), null, "comments", "POST",
                            "/posts/1/comments", null, null, Outcome.HELD, null, "ab".repeat(32))));
                }
                return null;
            });
        }
    }
}
