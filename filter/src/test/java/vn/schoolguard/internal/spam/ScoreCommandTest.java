package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.schoolguard.internal.cli.SchoolGuardCli;

/** {@code java -jar schoolguard.jar score}: the JSON-lines contract of DESIGN.md. */
class ScoreCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> run(byte[] input, String... args) throws Exception {
        InputStream in = System.in;
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(input));
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            String[] full = new String[args.length + 1];
            full[0] = "score";
            System.arraycopy(args, 0, full, 1, args.length);
            assertThat(SchoolGuardCli.run(full)).isZero();
        } finally {
            System.setIn(in);
            System.setOut(out);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + line, e);
            }
        }).toList();
    }

    @Test
    void scoresEachLineAndAnswersBadLinesWithAnErrorInsteadOfStopping() throws Exception {
        String in = String.join("\n",
                "{\"id\":1,\"text\":\"Nhà cái uy tín, nạp đầu tặng 100k tại go88 chấm vip\",\"author\":\"x\",\"email\":\"a@b.example\",\"url\":\"\"}",
                "{\"id\":\"two\",\"text\":\"Em cảm ơn thầy cô đã dạy dỗ chúng em.\"}",
                "{\"id\":3,\"text\":42}",
                "{oops",
                "[1,2]",
                "",
                "{\"id\":7,\"text\":\"Mình chơi nổ hũ và tài xỉu\"}") + "\n";
        List<JsonNode> out = run(in.getBytes(StandardCharsets.UTF_8));
        assertThat(out).hasSize(6);
        assertThat(out.get(0).get("id").asInt()).isEqualTo(1);
        assertThat(out.get(0).get("verdict").asText()).isEqualTo("spam");
        assertThat(out.get(0).get("score").asDouble()).isGreaterThanOrEqualTo(10);
        assertThat(out.get(0).get("reasons").get(0).asText()).startsWith("gambling.promo: ");
        assertThat(out.get(1).get("id").asText()).isEqualTo("two");
        assertThat(out.get(1).get("verdict").asText()).isEqualTo("clean");
        assertThat(out.get(1).get("reasons")).isEmpty();
        assertThat(out.get(2).get("id").asInt()).isEqualTo(3);
        assertThat(out.get(2).get("error").asText()).isEqualTo("line 3: \"text\" must be a string");
        assertThat(out.get(3).has("id")).isFalse();
        assertThat(out.get(3).get("error").asText()).startsWith("line 4: not JSON");
        assertThat(out.get(4).get("error").asText()).startsWith("line 5: expected a JSON object");
        assertThat(out.get(5).get("verdict").asText()).isEqualTo("suspect");
    }

    @Test
    void invalidUtf8IsScoredWithAnEncodingReason() throws Exception {
        byte[] prefix = "{\"id\":1,\"text\":\"nh".getBytes(StandardCharsets.UTF_8);
        byte[] suffix = " c\u00e1i uy t\u00edn\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] in = new byte[prefix.length + 2 + suffix.length];
        System.arraycopy(prefix, 0, in, 0, prefix.length);
        in[prefix.length] = (byte) 0xC3;
        in[prefix.length + 1] = (byte) 0x28;
        System.arraycopy(suffix, 0, in, prefix.length + 2, suffix.length);
        List<JsonNode> out = run(in);
        assertThat(out).singleElement().satisfies(line ->
                assertThat(line.get("reasons").toString()).contains("input.bad-encoding"));
    }

    @Test
    void siteRuleFileOptionExtendsTheRules(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("site.pack");
        Files.writeString(rules, "[site.brand]\nkind = phrase\nweight = 10\n- trùm cược vip\n", StandardCharsets.UTF_8);
        List<JsonNode> out = run("{\"id\":1,\"text\":\"Trum Cuoc VIP là gì vậy\"}\n".getBytes(StandardCharsets.UTF_8),
                "--rules", rules.toString());
        // No promotion target in the text: at most suspect (product requirement), the site rule named first.
        assertThat(out.get(0).get("verdict").asText()).isEqualTo("suspect");
        assertThat(out.get(0).get("reasons").get(0).asText()).startsWith("site.brand: site.brand: \"trùm cược vip\"");
    }
}
