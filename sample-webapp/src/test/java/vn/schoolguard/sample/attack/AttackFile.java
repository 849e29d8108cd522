package vn.schoolguard.sample.attack;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * One file of the attack suite ({@code src/test/resources/attacks/*.yaml}): the SchoolGuard settings of the site it
 * runs against, and its cases. The format follows the OWASP CRS regression tests: a request, what the answer must be,
 * what the IP log must record, and what must never appear on a public page afterwards.
 *
 * @param title    what the file attacks
 * @param settings SchoolGuard settings merged over the sample site's own for this file's site
 * @param cases    the cases, run in order against one site
 */
@JsonIgnoreProperties(ignoreUnknown = false)
record AttackFile(String title, Map<String, String> settings, List<Case> cases) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

    AttackFile {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        cases = List.copyOf(cases);
    }

    static AttackFile read(InputStream in) throws IOException {
        return YAML.readValue(in, AttackFile.class);
    }

    /**
     * One attack.
     *
     * @param id      a stable name, used in the test name
     * @param guards  the promise the case guards, in one line
     * @param request what is sent (several times when {@code repeat} is set)
     * @param expect  what the answer to the last request and the IP log must show
     * @param approve whether the submissions the case leaves pending are approved afterwards (default yes)
     * @param after   what the public pages must (not) show once that is done
     */
    record Case(String id, String guards, Request request, Expect expect, Boolean approve, After after) {

        boolean approveHeld() {
            return approve == null || approve;
        }
    }

    /**
     * A request. Either {@code raw} (the whole request, {@code \n} line ends become CRLF; Host, Content-Length and
     * Connection are not added), or {@code method}, {@code path}, {@code headers} ("Name: value", in order,
     * duplicates kept) and {@code body}, to which Host, Content-Length and {@code Connection: close} are added unless
     * given. Every text may use {@code {{marker}}} (unique per case), {@code {{host}}}, {@code {{basic:USER}}}
     * (HTTP Basic with the demo password) and {@code {{repeat:N:TEXT}}}.
     */
    record Request(String raw, String method, String path, List<String> headers, String body, Integer repeat) {

        Request {
            headers = headers == null ? List.of() : List.copyOf(headers);
        }

        int times() {
            return repeat == null ? 1 : repeat;
        }
    }

    /**
     * Expectations on the answer to the (last) request.
     *
     * @param status          the allowed statuses
     * @param bodyContains    texts the answer's body must contain
     * @param bodyNotContains texts it must not contain
     * @param headers         "Name: regex" lines; the header must be present and match
     * @param log             the outcomes of the IP-log entries the case added, in any order ({@code []}: none)
     * @param logClient       the client address every entry the case added must carry
     * @param held            how many submissions the case added to the queue (pending or spam)
     * @param approval        the API statuses an approval of those may get (default 200: published)
     */
    record Expect(List<Integer> status, List<String> bodyContains, List<String> bodyNotContains, List<String> headers,
                  List<String> log, String logClient, Integer held, List<Integer> approval) {

        Expect {
            status = status == null ? List.of() : List.copyOf(status);
            bodyContains = bodyContains == null ? List.of() : List.copyOf(bodyContains);
            bodyNotContains = bodyNotContains == null ? List.of() : List.copyOf(bodyNotContains);
            headers = headers == null ? List.of() : List.copyOf(headers);
            log = log == null ? null : List.copyOf(log);
            approval = approval == null ? List.of(200) : List.copyOf(approval);
        }
    }

    /**
     * What the public pages show after the case (and its approvals).
     *
     * @param pages          extra pages to look at, beside the home page, the first article and the guestbook
     * @param mustContain    texts that must appear on one of those pages
     * @param mustNotContain texts that must appear on none of them
     */
    record After(List<String> pages, @JsonProperty("must-contain") List<String> mustContain,
                 @JsonProperty("must-not-contain") List<String> mustNotContain) {

        After {
            pages = pages == null ? List.of() : List.copyOf(pages);
            mustContain = mustContain == null ? List.of() : List.copyOf(mustContain);
            mustNotContain = mustNotContain == null ? List.of() : List.copyOf(mustNotContain);
        }
    }
}
