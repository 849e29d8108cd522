package vn.schoolguard.internal.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import vn.schoolguard.internal.moderation.Route;

/** The settings that guard a discovered form, ready to paste into the properties file. */
final class RouteSuggestion {

    private RouteSuggestion() {
    }

    /**
     * For a likely alias, the route's {@code match} with the new pattern added; otherwise a new route with the
     * fields' likely roles.
     */
    static String settings(DiscoveredForm form, Optional<Route> aliasOf, List<Route> routes) {
        String entry = form.method() + " " + form.pattern();
        if (aliasOf.isPresent()) {
            return "route." + aliasOf.get().name() + ".match=" + aliasOf.get().describe() + ", " + entry + "\n";
        }
        String name = freeName(form, routes);
        List<String> roles = new ArrayList<>();
        for (String field : form.fields()) {
            String role = role(field, form.textFields().contains(field));
            if (role != null) {
                roles.add(field + ":" + role);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("route.").append(name).append(".match=").append(entry).append('\n');
        if (!roles.isEmpty()) {
            out.append("route.").append(name).append(".fields=").append(String.join(", ", roles)).append('\n');
        }
        return out.toString();
    }

    /** A role for fields whose name says it; text for the ones that looked like text; the rest stay unlisted (kept as text). */
    private static String role(String field, boolean text) {
        String key = TextFields.squash(field);
        if (key.contains("email") || key.equals("mail")) {
            return "email";
        }
        if (key.equals("url") || key.contains("website") || key.equals("homepage")) {
            return "url";
        }
        if (key.equals("author") || key.equals("name") || key.equals("hoten") || key.equals("ten") || key.equals("nickname")) {
            return "author";
        }
        return text ? "text" : null;
    }

    /** A route name from the path's words, unused by the configured routes: {@code /internal/*}{@code /comment} → {@code internal-comment}. */
    private static String freeName(DiscoveredForm form, List<Route> routes) {
        List<String> words = new ArrayList<>();
        for (String segment : form.pattern().split("/")) {
            String word = segment.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        String base = words.isEmpty() ? "form" : String.join("-", words.subList(Math.max(0, words.size() - 3), words.size()));
        base = base.length() > 40 ? base.substring(0, 40) : base;
        String name = base;
        for (int i = 2; isTaken(name, routes); i++) {
            name = base + "-" + i;
        }
        return name;
    }

    private static boolean isTaken(String name, List<Route> routes) {
        return routes.stream().anyMatch(r -> r.name().equals(name));
    }
}
