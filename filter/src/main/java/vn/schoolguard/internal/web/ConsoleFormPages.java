package vn.schoolguard.internal.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.schoolguard.internal.discovery.RouteDiscovery;

/**
 * {@code /forms}: the forms the application takes at addresses no route guards ("Unguarded forms"), likely
 * aliases of a guarded route first, each with the settings that guard it; {@code POST /forms/forget} drops one.
 * Admins only: it is about the site's configuration.
 */
final class ConsoleFormPages {

    private final RouteDiscovery discovery;

    ConsoleFormPages(RouteDiscovery discovery) {
        this.discovery = discovery;
    }

    void forget(ConsoleContext ctx) {
        String method = ctx.request.getParameter("method");
        String pattern = ctx.request.getParameter("pattern");
        boolean forgotten = method != null && pattern != null && discovery != null && discovery.forget(method, pattern);
        ctx.redirect("/forms?" + (forgotten ? "forgotten=1" : "missing=1"));
    }

    void render(ConsoleContext ctx) throws IOException {
        Map<String, Object> model = ctx.model(ctx.text("console.forms.title"), "forms");
        model.put("enabled", discovery != null && discovery.settings().enabled());
        model.put("forgotten", "1".equals(ctx.request.getParameter("forgotten")));
        List<RouteDiscovery.Finding> findings = discovery == null ? List.of() : discovery.findings();
        model.put("items", findings.stream().map(f -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("method", f.form().method());
            row.put("pattern", f.form().pattern());
            row.put("fields", String.join(", ", f.form().fields()));
            row.put("textFields", String.join(", ", f.form().textFields()));
            row.put("hits", String.valueOf(f.form().hits()));
            row.put("firstSeen", ConsoleFormat.time(f.form().firstSeen()));
            row.put("lastSeen", ConsoleFormat.time(f.form().lastSeen()));
            row.put("status", String.valueOf(f.form().lastStatus()));
            row.put("alias", f.aliasOf().map(r -> ctx.text("console.forms.alias", r.label(), r.describe())).orElse(null));
            row.put("settings", f.settings());
            return row;
        }).toList());
        model.put("hasItems", !findings.isEmpty());
        ctx.render(200, "forms", model);
    }
}
