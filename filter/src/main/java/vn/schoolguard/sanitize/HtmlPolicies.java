package vn.schoolguard.sanitize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.owasp.html.HtmlChangeListener;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/** The named OWASP sanitizer policies that HTML fields are cleaned with. */
public final class HtmlPolicies {

    private static final Map<String, PolicyFactory> POLICIES = Map.of(
            "text", new org.owasp.html.HtmlPolicyBuilder().toFactory(),
            "formatting", Sanitizers.FORMATTING.and(Sanitizers.BLOCKS),
            "links", Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.LINKS),
            "images", Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.LINKS).and(Sanitizers.IMAGES));

    private HtmlPolicies() {
    }

    /** Sanitizes a value with the named policy ({@code text}, {@code formatting}, {@code links}, {@code images}). */
    public static SanitizedHtml sanitize(String policy, String raw) {
        PolicyFactory factory = POLICIES.getOrDefault(policy, POLICIES.get("links"));
        List<String> removed = new ArrayList<>();
        String html = factory.sanitize(raw, new HtmlChangeListener<List<String>>() {
            @Override
            public void discardedTag(List<String> context, String elementName) {
                context.add("<" + elementName + ">");
            }

            @Override
            public void discardedAttributes(List<String> context, String tagName, String... attributeNames) {
                for (String attribute : attributeNames) {
                    context.add(tagName + "@" + attribute);
                }
            }
        }, removed);
        return new SanitizedHtml(html, removed);
    }
}
