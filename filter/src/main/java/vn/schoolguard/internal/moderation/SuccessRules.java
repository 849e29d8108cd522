package vn.schoolguard.internal.moderation;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import vn.schoolguard.internal.config.ConfigReader;
import vn.schoolguard.internal.inject.VisibleText;

/**
 * When a route's application really took a replayed submission. "Answered" is not "stored": an application
 * that lost the poster's session (a math question, a captcha) or disliked a field answers 200 with its form
 * again. Per route ({@code route.<name>.success-*}):
 * <ul>
 *   <li>{@code success-status}: accepted statuses, a list of codes and ranges (default {@code 200-399});</li>
 *   <li>{@code success-redirect}: a regular expression the whole Location (path and query, no host) must match;
 *       when set, an answer without a Location is a refusal;</li>
 *   <li>{@code success-text}: texts separated by {@code |}, one of which a 2xx answer's body must contain;</li>
 *   <li>{@code failure-text}: texts separated by {@code |}, none of which the body may contain.</li>
 * </ul>
 * With none of the last three set, a built-in check applies: a 2xx answer whose form shows the posted text
 * again (in a text area or a field value) means the application refused it. Without {@code success-redirect},
 * a redirect is not taken for success when it goes to a login page, to the very address the replay was posted
 * to over HTTPS instead of HTTP (a site forcing HTTPS answers the plain-HTTP loopback replay so), or back to that
 * address with 301, 307 or 308 ("send it again there"); a 302 or 303 back to the same address over the same
 * scheme is the usual post-redirect-get and counts as success. Immutable and thread-safe.
 */
public final class SuccessRules {

    /** The defaults: 200-399 with the built-in form check. */
    public static final SuccessRules DEFAULT = new SuccessRules(List.of(new Range(200, 399)), null, List.of(), List.of());

    private static final Pattern RANGE = Pattern.compile("([1-5][0-9][0-9])(?:\\s*-\\s*([1-5][0-9][0-9]))?");
    /** A path segment naming a login page: the application wants a signed-in user, so it did not take the post. */
    private static final Pattern LOGIN = Pattern.compile("(?:^|/)[^/]*(?:login|log-in|signin|sign-in|logon|dang-nhap|dangnhap)[^/]*(?:/|$)",
            Pattern.CASE_INSENSITIVE);

    private final List<Range> statuses;
    private final Pattern redirect;
    private final List<String> successTexts;
    private final List<String> failureTexts;

    /** One range of accepted statuses, both ends included. */
    record Range(int from, int to) {
        boolean contains(int status) {
            return status >= from && status <= to;
        }

        @Override
        public String toString() {
            return from == to ? String.valueOf(from) : from + "-" + to;
        }
    }

    /** Whether the application took it, and if not, why (naming its answer). */
    record Judgement(boolean accepted, String error) {
    }

    SuccessRules(List<Range> statuses, Pattern redirect, List<String> successTexts, List<String> failureTexts) {
        this.statuses = List.copyOf(statuses);
        this.redirect = redirect;
        this.successTexts = List.copyOf(successTexts);
        this.failureTexts = List.copyOf(failureTexts);
    }

    /** Reads {@code <prefix>success-status}, {@code success-redirect}, {@code success-text} and {@code failure-text}. */
    static SuccessRules read(ConfigReader reader, String prefix) {
        List<Range> statuses = new ArrayList<>();
        Optional<String> statusText = reader.optional(prefix + "success-status");
        for (String item : statusText.map(t -> List.of(t.split(","))).orElse(List.of())) {
            Matcher m = RANGE.matcher(item.trim());
            int from = m.matches() ? Integer.parseInt(m.group(1)) : -1;
            int to = m.matches() && m.group(2) != null ? Integer.parseInt(m.group(2)) : from;
            if (from < 100 || to < from) {
                reader.problem(prefix + "success-status", statusText.get(), "status codes and ranges from 100 to 599,"
                        + " such as 200-399 or 200, 302-303 (a range runs from the lower code to the higher)");
                statuses.clear();
                break;
            }
            statuses.add(new Range(from, to));
        }
        Pattern redirect = null;
        Optional<String> redirectText = reader.optional(prefix + "success-redirect").filter(t -> !t.isBlank());
        if (redirectText.isPresent()) {
            try {
                redirect = Pattern.compile(redirectText.get().trim());
            } catch (PatternSyntaxException e) {
                reader.problem(prefix + "success-redirect", redirectText.get(), "a regular expression for the whole"
                        + " Location path, such as /news/[0-9]+ (" + e.getDescription() + ")");
            }
        }
        return new SuccessRules(statuses.isEmpty() ? DEFAULT.statuses : statuses, redirect,
                texts(reader, prefix + "success-text"), texts(reader, prefix + "failure-text"));
    }

    private static List<String> texts(ConfigReader reader, String key) {
        List<String> texts = new ArrayList<>();
        reader.optional(key).ifPresent(raw -> {
            for (String text : raw.split("\\|")) {
                if (!text.isBlank()) {
                    texts.add(text.trim().toLowerCase(Locale.ROOT));
                }
            }
            if (texts.isEmpty()) {
                reader.problem(key, raw, "one or more texts separated by |, such as Sai mã xác nhận|class=\"error\"");
            }
        });
        return texts;
    }

    /** True when only the statuses are configured, so the built-in form check applies. */
    boolean builtInCheck() {
        return redirect == null && successTexts.isEmpty() && failureTexts.isEmpty();
    }

    /**
     * Judges the application's answer to a replay of {@code method} that carried {@code postedText}.
     *
     * @param posted the URL the replay was sent to (scheme, host, context path and path), or null when unknown
     */
    // Security-critical: an "accepted" here is what tells the poster and the moderator that the post went out.
    Judgement judge(ReplayAnswer answer, String method, String postedText, URI posted) {
        int status = answer.status();
        String body = answer.body() == null ? "" : answer.body();
        if (statuses.stream().noneMatch(r -> r.contains(status))) {
            return refused(answer, "the application answered " + status, body, null);
        }
        String back = redirect == null ? refusingRedirect(answer, posted) : null;
        if (back != null) {
            return refused(answer, back, body, null);
        }
        if (redirect != null) {
            String location = locationPath(answer.location());
            if (location == null) {
                return refused(answer, "the application answered " + status + " without the redirect it gives on success"
                        + " (success-redirect " + redirect.pattern() + ")", body, null);
            }
            if (!redirect.matcher(location).matches()) {
                return refused(answer, "the application redirected to " + location + ", not where it goes on success"
                        + " (success-redirect " + redirect.pattern() + ")", body, null);
            }
        }
        String lower = body.toLowerCase(Locale.ROOT);
        String plain = VisibleText.of(body).replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        for (String failure : failureTexts) {
            if (lower.contains(failure) || plain.contains(failure)) {
                return refused(answer, "the application answered " + status + " with \"" + failure + "\" (failure-text)", body, failure);
            }
        }
        boolean plainAnswer = status >= 200 && status < 300;
        if (plainAnswer && !successTexts.isEmpty()
                && successTexts.stream().noneMatch(t -> lower.contains(t) || plain.contains(t))) {
            return refused(answer, "the application answered " + status + " without \"" + String.join("\" or \"", successTexts)
                    + "\" (success-text)", body, null);
        }
        if (plainAnswer && builtInCheck() && !"GET".equals(method) && AnswerText.formShowsAgain(body, postedText)) {
            return refused(answer, "the application answered " + status + " with its form again, still holding the posted text,"
                    + " so it did not take it", body, null);
        }
        return new Judgement(true, null);
    }

    /**
     * Why a redirect means the application did not take the replay (a login page, the posted address over
     * HTTPS, the posted address again with a method-keeping or permanent redirect), or null when it may be success.
     */
    static String refusingRedirect(ReplayAnswer answer, URI posted) {
        int status = answer.status();
        if (status < 300 || status > 399 || answer.location() == null || answer.location().isBlank()) {
            return null;
        }
        URI to;
        try {
            to = posted == null ? new URI(answer.location().trim()) : posted.resolve(answer.location().trim());
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return null;
        }
        String path = to.getRawPath() == null ? "" : to.getRawPath();
        String where = "the application answered " + status + " redirecting to " + answer.location().trim();
        if (LOGIN.matcher(path).find()) {
            return where + ", a login page: it wanted a signed-in user and did not take the post"
                    + " (set route.<name>.success-redirect if that is where it goes on success)";
        }
        if (posted == null || !samePath(path, posted.getRawPath())) {
            return null;
        }
        if ("https".equalsIgnoreCase(to.getScheme()) && !"https".equalsIgnoreCase(posted.getScheme())) {
            return where + ", the address it was posted to over HTTPS: the site forces HTTPS and did not take the"
                    + " plain-HTTP replay; set replay.base-url to the site's https:// address";
        }
        if (status == 301 || status == 307 || status == 308) {
            return where + ", back to the address it was posted to, so it did not take it";
        }
        return null;
    }

    private static boolean samePath(String a, String b) {
        return b != null && trimSlash(a).equals(trimSlash(b));
    }

    private static String trimSlash(String path) {
        String p = path.isEmpty() ? "/" : path;
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static Judgement refused(ReplayAnswer answer, String what, String body, String marker) {
        String line = AnswerText.firstLine(body, marker);
        return new Judgement(false, what + (line.isEmpty() ? "" : ": " + line));
    }

    /** The path and query of a Location header, without scheme, host and fragment; null when there is none. */
    static String locationPath(String location) {
        if (location == null || location.isBlank()) {
            return null;
        }
        String text = location.trim();
        int hash = text.indexOf('#');
        if (hash >= 0) {
            text = text.substring(0, hash);
        }
        try {
            URI uri = new URI(text);
            if (uri.getRawAuthority() != null || uri.getScheme() != null) {
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
            }
        } catch (java.net.URISyntaxException e) {
            // Not a clean URI: match what the application sent.
        }
        return text;
    }

    @Override
    public String toString() {
        return "statuses " + statuses + (redirect == null ? "" : ", redirect " + redirect.pattern())
                + (successTexts.isEmpty() ? "" : ", success-text " + successTexts)
                + (failureTexts.isEmpty() ? "" : ", failure-text " + failureTexts);
    }
}
