package vn.schoolguard.internal.inject;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a served page's enforced Content-Security-Policies (response headers and {@code <meta http-equiv>} elements)
 * let its inline EMC tracker run and report, as a browser would decide. Internal; public for the site check command.
 *
 * @param checked  whether the page has an inline EMC bootstrap script to judge
 * @param findings every policy that stops it; empty when it works
 */
public record PagePolicyCheck(boolean checked, List<Finding> findings) {

    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>(.*?)</script\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern LOADER = Pattern.compile("(?:https?:)?//[^'\"\\s]+/gov-tracking(?:\\.min)?\\.js");
    private static final Pattern TRACKER_URL = Pattern.compile("setTrackerUrl['\"]?\\s*,\\s*['\"]([^'\"]+)['\"]");

    /**
     * One policy that stops the tracker.
     *
     * @param source    {@code meta} or {@code header}
     * @param blocked   what it stops ({@link TrackerPolicy.Blocked#key()})
     * @param directive the deciding directive as written
     */
    public record Finding(String source, String blocked, String directive) {
    }

    /**
     * @param html            the page
     * @param enforcedHeaders the values of its {@code Content-Security-Policy} headers (not report-only)
     * @param page            the page's final address
     */
    public static PagePolicyCheck of(String html, List<String> enforcedHeaders, URI page) {
        Matcher script = SCRIPT.matcher(html);
        String bootstrap = null;
        Optional<String> nonce = Optional.empty();
        while (script.find()) {
            String attributes = script.group(1);
            if (script.group(2).contains("_govaq") && ImplantScanner.attribute(attributes, "src") == null) {
                bootstrap = script.group(2);
                nonce = Optional.ofNullable(ImplantScanner.attribute(attributes, "nonce"));
                break;
            }
        }
        if (bootstrap == null) {
            return new PagePolicyCheck(false, List.of());
        }
        String scheme = page.getScheme() == null ? "https" : page.getScheme();
        Matcher loader = LOADER.matcher(bootstrap);
        String loaderUrl = loader.find() ? absolute(loader.group(), scheme)
                : "https://" + InjectSettings.DEFAULT_TRACKER_HOST + "/embed/gov-tracking.min.js";
        Matcher tracking = TRACKER_URL.matcher(bootstrap);
        String trackingUrl = tracking.find() ? absolute(tracking.group(1), scheme)
                : loaderUrl.substring(0, loaderUrl.indexOf('/', loaderUrl.indexOf("//") + 2)) + "/tracking";
        TrackerPolicy policy;
        try {
            policy = TrackerPolicy.of(loaderUrl, trackingUrl, bootstrap);
        } catch (IllegalArgumentException e) {
            return new PagePolicyCheck(false, List.of());
        }
        String origin = scheme + "://" + page.getRawAuthority();
        List<Finding> findings = new ArrayList<>();
        for (String header : enforcedHeaders) {
            policy.blocks(header, true, nonce, origin)
                    .forEach(b -> findings.add(new Finding("header", b.blocked().key(), b.directive())));
        }
        for (String meta : MetaPolicies.in(html.substring(0, Math.min(html.length(), HeadCapture.LIMIT)))) {
            policy.blocks(meta, false, nonce, origin)
                    .forEach(b -> findings.add(new Finding("meta", b.blocked().key(), b.directive())));
        }
        return new PagePolicyCheck(true, List.copyOf(findings));
    }

    private static String absolute(String url, String scheme) {
        return url.startsWith("//") ? scheme + ":" + url : url;
    }
}
