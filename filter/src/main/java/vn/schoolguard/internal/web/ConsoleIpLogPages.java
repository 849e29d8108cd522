package vn.schoolguard.internal.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.schoolguard.internal.iplog.IpLog;
import vn.schoolguard.internal.iplog.IpLogQuery;
import vn.schoolguard.internal.iplog.IpLogRecord;
import vn.schoolguard.internal.iplog.VerifyResult;
import vn.schoolguard.internal.db.Page;

/**
 * The investigators' pages: search the IP log (every search audited), export links, chain verification,
 * and (admins) the audit trail of who looked at what.
 */
final class ConsoleIpLogPages {

    private static final int PAGE_SIZE = 50;
    private static final String[] FILTERS = {"ip", "cidr", "port", "from", "to", "submission", "receipt", "route", "outcome", "q"};

    private final IpLog log;

    ConsoleIpLogPages(IpLog log) {
        this.log = log;
    }

    void search(ConsoleContext ctx) throws IOException {
        Map<String, String> filters = new LinkedHashMap<>();
        for (String name : FILTERS) {
            String value = ctx.request.getParameter(name);
            filters.put(name, value == null ? "" : value.trim());
        }
        int page = 1;
        try {
            page = Math.max(1, Integer.parseInt(ctx.request.getParameter("page") == null ? "1" : ctx.request.getParameter("page")));
        } catch (NumberFormatException e) {
            // the first page, then
        }
        Map<String, Object> model = ctx.model(ctx.text("console.iplog.title"), "iplog");
        model.put("f", filters);
        boolean searched = filters.values().stream().anyMatch(v -> !v.isEmpty()) || ctx.request.getParameter("go") != null;
        List<Map<String, Object>> rows = new ArrayList<>();
        if (searched) {
            Map<String, String> params = new LinkedHashMap<>(filters);
            params.put("limit", String.valueOf(PAGE_SIZE));
            params.put("offset", String.valueOf((page - 1) * PAGE_SIZE));
            try {
                IpLogQuery query = IpLogQuery.parse(params::get);
                Page<IpLogRecord> result = log.search(query);
                log.audit(ctx.user().name(), "search", query.description(), result.items().size(), ctx.clientIp);
                for (IpLogRecord r : result.items()) {
                    rows.add(row(ctx, r));
                }
                model.put("total", result.total());
                model.put("pager", ConsolePager.pager(ctx, "/iplog", withGo(filters), page, PAGE_SIZE, result.total()));
                String exportQuery = ConsolePager.query(filters);
                String api = ctx.base + "/api/iplog" + (exportQuery.isEmpty() ? "?" : exportQuery + "&");
                model.put("csvUrl", api + "format=csv");
                model.put("proofUrl", ctx.base + "/api/iplog/proof" + (exportQuery.isEmpty() ? "" : exportQuery));
                model.put("jsonUrl", api + "format=json&download=1");
            } catch (IpLogQuery.BadQuery e) {
                model.put("problem", e.getMessage());
            }
        }
        model.put("searched", searched);
        model.put("rows", rows);
        model.put("isAdmin", ctx.has("admin"));
        ctx.render(200, "iplog", model);
    }

    private static Map<String, String> withGo(Map<String, String> filters) {
        Map<String, String> params = new LinkedHashMap<>(filters);
        params.put("go", "1");
        return params;
    }

    private static Map<String, Object> row(ConsoleContext ctx, IpLogRecord r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("seq", r.seq());
        row.put("time", ConsoleFormat.timeSeconds(r.loggedAt()));
        row.put("iso", ConsoleFormat.iso(r.loggedAt()));
        row.put("client", ConsoleFormat.address(r.clientIp(), r.clientPort() < 0 ? null : r.clientPort()));
        row.put("peer", ConsoleFormat.address(r.peerIp(), r.peerPort() < 0 ? null : r.peerPort()));
        row.put("forwarded", r.forwardedChain());
        row.put("flagged", r.forwardedFlag());
        row.put("route", r.route());
        row.put("outcome", r.outcome().key());
        row.put("outcomeLabel", ctx.text("console.iplog.outcome." + r.outcome().key()));
        row.put("receipt", r.receipt());
        row.put("itemUrl", r.submissionId() == null ? null : ctx.base + "/items/" + r.submissionId());
        row.put("userAgent", r.userAgent());
        row.put("user", r.posterUser());
        row.put("detail", r.detail());
        row.put("pseudonymised", r.pseudonymised());
        return row;
    }

    void verify(ConsoleContext ctx) throws IOException {
        Map<String, Object> model = ctx.model(ctx.text("console.iplog.verify.title"), "iplog");
        VerifyResult result = log.verify(n -> { });
        log.audit(ctx.user().name(), "verify", Map.of(), result.checked(), ctx.clientIp);
        model.put("ok", result.ok());
        model.put("message", result.message());
        model.put("checked", result.checked());
        model.put("head", log.head());
        ctx.render(result.ok() ? 200 : 409, "iplog-verify", model);
    }

    void audit(ConsoleContext ctx) throws IOException {
        int page = 1;
        try {
            page = Math.max(1, Integer.parseInt(ctx.request.getParameter("page") == null ? "1" : ctx.request.getParameter("page")));
        } catch (NumberFormatException e) {
            // the first page, then
        }
        Page<Map<String, Object>> trail = log.auditTrail(PAGE_SIZE, (page - 1) * PAGE_SIZE);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> entry : trail.items()) {
            Map<String, Object> row = new LinkedHashMap<>(entry);
            row.put("time", ConsoleFormat.timeSeconds(java.time.Instant.parse((String) entry.get("at"))));
            row.put("filterText", entry.get("filter").toString());
            rows.add(row);
        }
        Map<String, Object> model = ctx.model(ctx.text("console.iplog.audit.title"), "iplog");
        model.put("rows", rows);
        model.put("pager", ConsolePager.pager(ctx, "/iplog/audit", Map.of(), page, PAGE_SIZE, trail.total()));
        ctx.render(200, "iplog-audit", model);
    }
}
