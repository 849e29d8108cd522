package vn.schoolguard.internal.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The platform admin's sites page: the sites served, the problems of their settings, and a form to add a site. */
final class ConsoleSitePages {

    /** Null on every site but the platform's own: there the page does not exist. */
    private final SiteAdmin sites;

    ConsoleSitePages(SiteAdmin sites) {
        this.sites = sites;
    }

    void list(ConsoleContext ctx) throws IOException {
        if (sites == null) {
            ctx.error(404, "console.error.not-found");
            return;
        }
        page(ctx, 200, List.of(), "", "");
    }

    /** The page with why adding was refused (the route table's re-authentication failed). */
    void refuse(ConsoleContext ctx, int status, String message) throws IOException {
        if (sites == null) {
            ctx.error(404, "console.error.not-found");
            return;
        }
        page(ctx, status, List.of(message), ConsoleParams.param(ctx, "key"), ConsoleParams.param(ctx, "settings"));
    }

    void add(ConsoleContext ctx) throws IOException {
        if (sites == null) {
            ctx.error(404, "console.error.not-found");
            return;
        }
        String key = ConsoleParams.param(ctx, "key");
        String settings = ctx.request.getParameter("settings") == null ? "" : ctx.request.getParameter("settings");
        List<String> problems = sites.add(key, settings);
        if (!problems.isEmpty()) {
            page(ctx, 400, problems, key, settings);
            return;
        }
        ctx.redirect("/sites?" + ConsoleFlash.query("site-added", 0));
    }

    private void page(ConsoleContext ctx, int status, List<String> errors, String key, String settings) throws IOException {
        Map<String, Object> model = ctx.model(ctx.text("console.sites.title"), "sites");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SiteAdmin.SiteRow site : sites.sites()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", site.key());
            row.put("origin", site.origin());
            row.put("hosts", String.join(", ", site.hosts()));
            rows.add(row);
        }
        model.put("sites", rows);
        model.put("problems", sites.problems());
        model.put("hasProblems", !sites.problems().isEmpty());
        model.put("errors", errors);
        model.put("newKey", key);
        model.put("newSettings", settings);
        ctx.render(status, "sites", model);
    }
}
