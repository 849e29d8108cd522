package vn.schoolguard.internal.moderation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.schoolguard.internal.config.ConfigReader;

/**
 * How submissions are captured and held.
 *
 * @param routes       the submission routes
 * @param replay       whether approval replays the submission to the application (false: approval listeners only)
 * @param trustedRoles container roles whose submissions bypass the queue
 * @param maxBody      largest request body accepted on a submission route, in bytes
 * @param maxFields    most fields accepted in one submission
 * @param maxFieldChars longest field value accepted, in characters
 * @param userFrom     where the signed-in user of the application is found ({@code moderation.user-from})
 * @param trustedUsers signed-in users, by name, whose submissions bypass the queue ({@code moderation.trusted-users})
 */
public record ModerationSettings(List<Route> routes, boolean replay, List<String> trustedRoles,
                                 long maxBody, int maxFields, int maxFieldChars, UserSource userFrom,
                                 List<String> trustedUsers) {

    public ModerationSettings {
        routes = List.copyOf(routes);
        trustedRoles = List.copyOf(trustedRoles);
        userFrom = userFrom == null ? UserSource.PRINCIPAL : userFrom;
        trustedUsers = List.copyOf(trustedUsers);
    }

    /** Settings where the container names the signed-in user and no user is trusted by name. */
    public ModerationSettings(List<Route> routes, boolean replay, List<String> trustedRoles,
                              long maxBody, int maxFields, int maxFieldChars) {
        this(routes, replay, trustedRoles, maxBody, maxFields, maxFieldChars, UserSource.PRINCIPAL, List.of());
    }

    public static ModerationSettings read(ConfigReader reader) {
        List<Route> routes = new ArrayList<>();
        for (String name : reader.names("route.")) {
            readRoute(reader, name).ifPresent(routes::add);
        }
        return new ModerationSettings(
                routes,
                reader.bool("moderation.replay", true),
                reader.list("moderation.trusted-roles", List.of()),
                reader.bytes("limits.max-body", 64 * 1024, 1024, 16L * 1024 * 1024),
                reader.integer("limits.max-fields", 100, 1, 10_000),
                reader.integer("limits.max-field-chars", 20_000, 100, 5_000_000),
                UserSource.read(reader, "moderation.user-from"),
                reader.list("moderation.trusted-users", List.of()));
    }

    /** The route a request belongs to, if any. */
    public Optional<Route> routeFor(String method, String path) {
        for (Route route : routes) {
            if (route.matches(method, path)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    private static Optional<Route> readRoute(ConfigReader reader, String name) {
        String prefix = "route." + name + ".";
        String match = reader.required(prefix + "match", "a method and path pattern such as POST /news/*/comments"
                + " (several separated by commas)");
        String label = reader.string(prefix + "label", name);
        Map<String, FieldRole> fields = new LinkedHashMap<>();
        for (String item : reader.list(prefix + "fields", List.of())) {
            int colon = item.indexOf(':');
            Optional<FieldRole> role = colon < 0 ? Optional.empty() : FieldRole.parse(item.substring(colon + 1));
            String field = colon < 0 ? "" : item.substring(0, colon).trim();
            if (role.isEmpty() || field.isEmpty()) {
                reader.problem(prefix + "fields", item, "field:role pairs with roles author, email, url, text, html or ignore,"
                        + " such as author:author, content:html");
            } else {
                fields.put(field, role.get());
            }
        }
        boolean keepUnlisted = reader.choice(prefix + "unlisted", "keep", "keep", "drop").equals("keep");
        String htmlPolicy = reader.choice(prefix + "html-policy", "links", "text", "formatting", "links", "images");
        SuccessRules success = SuccessRules.read(reader, prefix);
        PassCondition passIf = reader.optional(prefix + "pass-if").map(text -> PassCondition.parse(text).orElseGet(() -> {
            reader.problem(prefix + "pass-if", text, "a field name (passes when present and not empty) or field=value|value,"
                    + " such as preview or action=preview|cancel");
            return PassCondition.NONE;
        })).orElse(PassCondition.NONE);
        if (match.isEmpty()) {
            return Optional.empty();
        }
        Optional<List<Route.Match>> parsed = Route.parseMatches(match);
        if (parsed.isEmpty()) {
            reader.problem(prefix + "match", match, "POST, PUT or PATCH followed by a path pattern such as /news/*/comments;"
                    + " several such entries separated by commas");
            return Optional.empty();
        }
        return Optional.of(new Route(name, label, parsed.get(), fields, keepUnlisted, htmlPolicy, success, passIf));
    }
}
