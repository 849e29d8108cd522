package vn.schoolguard.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import vn.schoolguard.internal.cli.SchoolGuardCli;
import vn.schoolguard.internal.iplog.IpLogExport;
import vn.schoolguard.internal.db.Json;
import vn.schoolguard.testing.TestSite;

/**
 * Regression: the CSV export is plain CSV (BOM, header, rows, nothing else) with hostile user agents neutralised
 * at every place a spreadsheet may split a cell, and its chain proof is a download of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IpLogCsvExportTest {

    static final List<String> HOSTILE_AGENTS = List.of("=HYPERLINK(\"http://evil.example\",\"click\")", "a;=HYPERLINK(\"http://evil.example\")",
            "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "x,=1+1", "Zalo;  @x", "Coc Coc \"browser\", 1", "\t=1+1");

    @TempDir
    static Path dataDir;

    TestSite site;
    final String investigator = TestSite.basic("inv", TestSite.PASSWORD);

    @BeforeAll
    void start() throws Exception {
        site = new TestSite(dataDir, Map.of());
        for (String agent : HOSTILE_AGENTS) {
            site.postForm("/posts/1/comments", Map.of("author", "An", "content", "Xin chào"), "User-Agent", agent);
        }
    }

    @AfterAll
    void stop() throws Exception {
        site.close();
    }

    @Test
    void regressionCsvIsHeaderAndRowsOnlyWithABomAndNoJunkProofLines() throws Exception {
        HttpResponse<byte[]> csv = site.getBytes("/_schoolguard/api/iplog?format=csv", "Authorization", investigator);
        assertThat(csv.statusCode()).isEqualTo(200);
        byte[] body = csv.body();
        assertThat(body).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(body, StandardCharsets.UTF_8).substring(1);
        assertThat(text).startsWith("time,client_ip,client_port,peer_ip,user_agent,route,submission_id,");
        assertThat(text.split("\r\n")[0]).isEqualTo(String.join(",", IpLogExport.COLUMNS));
        assertThat(text).doesNotContain("\r\n#").doesNotStartWith("#");
        List<List<String>> rows = parse(text);
        assertThat(rows).hasSize(HOSTILE_AGENTS.size() + 1);
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(IpLogExport.COLUMNS.size()));
        assertThat(csv.headers().firstValue("Link")).hasValueSatisfying(link ->
                assertThat(link).contains("/_schoolguard/api/iplog/proof?format=csv").contains("rel=\"describedby\""));
    }

    @Test
    void regressionHostileUserAgentsAreNeutralisedAtTheStartAndAfterEverySeparatorInTheCsv() throws Exception {
        String text = new String(site.getBytes("/_schoolguard/api/iplog?format=csv", "Authorization", investigator).body(),
                StandardCharsets.UTF_8).substring(1);
        for (String line : text.split("\r\n")) {
            // Whatever a spreadsheet splits on (`,` `;` tab), no piece of the raw line may start a formula.
            for (String piece : line.split("[,;\t]")) {
                String cell = piece.startsWith("\"") ? piece.substring(1) : piece;
                assertThat(cell.stripLeading()).as(line).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@")
                        .doesNotStartWith("-");
            }
        }
        List<List<String>> rows = parse(text);
        int agent = IpLogExport.COLUMNS.indexOf("user_agent");
        List<String> agents = new ArrayList<>();
        rows.stream().skip(1).forEach(row -> agents.add(row.get(agent)));
        assertThat(agents).contains("'=HYPERLINK(\"http://evil.example\",\"click\")", "a;'=HYPERLINK(\"http://evil.example\")",
                "'-2+3", "Zalo;  '@x", "Coc Coc \"browser\", 1");
        // Every text cell is quoted, so a Vietnamese Excel (`;` separator) keeps a cell whole.
        assertThat(text).contains(",\"a;'=HYPERLINK(\"\"http://evil.example\"\")\",");
    }

    @Test
    void regressionChainProofIsItsOwnDownloadWithTheSameFiltersAndIsAudited() throws Exception {
        HttpResponse<String> proofResponse = site.get("/_schoolguard/api/iplog/proof?route=comments", "Authorization", investigator);
        assertThat(proofResponse.statusCode()).isEqualTo(200);
        assertThat(proofResponse.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("-proof.json"));
        JsonNode proof = Json.MAPPER.readTree(proofResponse.body());
        assertThat(proof.path("matches").asLong()).isEqualTo(HOSTILE_AGENTS.size());
        assertThat(proof.path("chainHead").path("seq").asLong()).isEqualTo(HOSTILE_AGENTS.size());
        assertThat(proof.path("firstSeq").asLong()).isEqualTo(1);
        assertThat(proof.path("lastSeq").asLong()).isEqualTo(HOSTILE_AGENTS.size());
        assertThat(proof.path("query").path("route").asText()).isEqualTo("comments");

        List<List<String>> rows = parse(new String(site.getBytes("/_schoolguard/api/iplog?route=comments&format=csv",
                "Authorization", investigator).body(), StandardCharsets.UTF_8).substring(1));
        List<String> last = rows.get(rows.size() - 1);
        assertThat(last.get(IpLogExport.COLUMNS.indexOf("entry_hash"))).isEqualTo(proof.path("lastEntryHash").asText());
        assertThat(proof.path("chainHead").path("hash").asText()).isEqualTo(proof.path("lastEntryHash").asText());

        JsonNode audit = Json.MAPPER.readTree(site.get("/_schoolguard/api/iplog/audit",
                "Authorization", TestSite.basic("boss", TestSite.PASSWORD)).body());
        assertThat(audit.path("items").findValuesAsText("action")).contains("export-proof");
        assertThat(site.get("/_schoolguard/api/iplog/proof", "Authorization", TestSite.basic("mod", TestSite.PASSWORD)).statusCode())
                .isEqualTo(403);
        assertThat(site.get("/_schoolguard/api/iplog/proof?ip=999.1.1.1", "Authorization", investigator).statusCode()).isEqualTo(400);
    }

    @Test
    void regressionJsonExportStillCarriesTheProofInside() throws Exception {
        JsonNode json = Json.MAPPER.readTree(site.get("/_schoolguard/api/iplog?format=json&download=1", "Authorization", investigator).body());
        assertThat(json.path("rows")).hasSize(HOSTILE_AGENTS.size());
        assertThat(json.path("rows").get(0).path("user_agent").asText()).isEqualTo(HOSTILE_AGENTS.get(0));
        assertThat(json.path("proof").path("chainHead").path("seq").asLong()).isEqualTo(HOSTILE_AGENTS.size());
    }

    @Test
    void regressionCommandLineExportWritesPlainCsvAndTheProofBesideIt() throws Exception {
        Path csv = dataDir.resolve("export.csv");
        Path proof = dataDir.resolve("export-proof.json");
        StringWriter out = new StringWriter();
        int code = SchoolGuardCli.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                "iplog", "export", "--data-dir", dataDir.toString(), "-o", csv.toString(), "--proof", proof.toString());
        assertThat(code).as(out.toString()).isZero();
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFtime,client_ip,").doesNotContain("\r\n#");
        assertThat(parse(text.substring(1))).hasSize(HOSTILE_AGENTS.size() + 1);
        JsonNode chainProof = Json.MAPPER.readTree(Files.readString(proof));
        assertThat(chainProof.path("chainHead").path("seq").asLong()).isEqualTo(HOSTILE_AGENTS.size());
        assertThat(chainProof.path("matches").asLong()).isEqualTo(HOSTILE_AGENTS.size());
        assertThat(out.toString()).contains("chain proof written to");
    }

    @Test
    void regressionConsoleLinksTheProofBesideTheCsvExport() throws Exception {
        HttpResponse<String> login = site.post("/_schoolguard/login", "application/x-www-form-urlencoded",
                "username=inv&password=" + java.net.URLEncoder.encode(TestSite.PASSWORD, StandardCharsets.UTF_8));
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SG_SESSION=")).findFirst().orElseThrow();
        HttpResponse<String> page = site.get("/_schoolguard/iplog?route=comments", "Cookie", cookie.substring(0, cookie.indexOf(';')));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body().replace("&#x3D;", "=").replace("&amp;", "&")).contains("id=\"export-proof\"")
                .contains("/api/iplog/proof?route=comments\"");
    }

    static List<List<String>> parse(String text) throws Exception {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).readValues(text)) {
            while (it.hasNext()) {
                rows.add(it.next());
            }
        }
        return rows;
    }
}
