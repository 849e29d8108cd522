package vn.schoolguard.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.schoolguard.testing.RunningSite;
import vn.schoolguard.testing.TestSite;

/**
 * Regression: a search text with NUL (which PostgreSQL text cannot hold) made the database fail the query; control
 * characters in any search text are now a 400 with a reason, on every database.
 */
class SearchTextControlCharactersTest {

    @RegisterExtension
    final RunningSite running = RunningSite.with(Map.of());

    @ParameterizedTest(name = "[{index}] {0}?{1}")
    @CsvSource({
            "/_schoolguard/api/submissions, q, mod",
            "/_schoolguard/api/submissions, route, mod",
            "/_schoolguard/api/submissions, ip, mod",
            "/_schoolguard/api/submissions, reason, mod",
            "/_schoolguard/api/iplog, q, inv",
            "/_schoolguard/api/iplog, user, inv",
            "/_schoolguard/api/iplog, route, inv",
            "/_schoolguard/api/iplog, receipt, inv"})
    void aSearchTextWithAControlCharacterIsRefusedWithAReason(String path, String parameter, String user) throws Exception {
        for (String hostile : new String[] {"a\u0000b", "\u0000", "x\u0007y", "tab\tinside", "line\nbreak", "del\u007f"}) {
            HttpResponse<String> answer = running.site().get(path + "?" + parameter + "="
                    + URLEncoder.encode(hostile, StandardCharsets.UTF_8), "Authorization", TestSite.basic(user, TestSite.PASSWORD));
            assertThat(answer.statusCode()).as("%s=%s", parameter, hostile.replace("\u0000", "\\0")).isEqualTo(400);
            assertThat(answer.body()).contains(parameter).contains("control character");
        }
        HttpResponse<String> plain = running.site().get(path + "?" + parameter + "=ok",
                "Authorization", TestSite.basic(user, TestSite.PASSWORD));
        assertThat(plain.statusCode()).isEqualTo(200);
    }
}
