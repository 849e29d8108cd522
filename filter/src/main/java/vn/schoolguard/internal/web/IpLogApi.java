package vn.schoolguard.internal.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.schoolguard.internal.iplog.IpLog;
import vn.schoolguard.internal.iplog.IpLogExport;
import vn.schoolguard.internal.iplog.IpLogQuery;
import vn.schoolguard.internal.iplog.IpLogRecord;
import vn.schoolguard.internal.iplog.VerifyResult;
import vn.schoolguard.internal.db.Page;

/**
 * The investigators' API under {@code <console>/api/iplog}: search and export (JSON or CSV, streamed),
 * chain verification, and the audit trail of look-ups (admins). Only investigators and admins get in;
 * every search and export is itself recorded.
 */
final class IpLogApi {

    private final IpLog log;
    private final IpLogExport export;

    IpLogApi(IpLog log, IpLogExport export) {
        this.log = log;
        this.export = export;
    }

    /** The chain check's answer; {@code badSeq} is null when the chain holds. */
    record VerifyJson(boolean ok, long checked, Long badSeq, String message, Map<String, Object> head) {
    }

    void verify(ConsoleContext ctx) throws IOException {
        VerifyResult result = log.verify(n -> { });
        log.audit(ctx.user().name(), "verify", Map.of(), result.checked(), ctx.clientIp);
        Http.json(ctx.response, result.ok() ? 200 : 409, new VerifyJson(result.ok(), result.checked(),
                result.badSeq() < 0 ? null : result.badSeq(), result.message(), log.head()));
    }

    void audit(ConsoleContext ctx) throws IOException {
        int[] page = SubmissionsApi.paging(ctx.request, ctx.response);
        if (page != null) {
            Page<Map<String, Object>> trail = log.auditTrail(page[0], page[1]);
            Http.json(ctx.response, 200, new ApiItems.Items<>(trail.items(), trail.total()));
        }
    }

    /** The search filters of the request, or null after answering 400. */
    private static IpLogQuery query(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            return IpLogQuery.parse(request::getParameter);
        } catch (IpLogQuery.BadQuery e) {
            Http.jsonError(response, 400, e.getMessage());
            return null;
        }
    }

    // The chain proof of a CSV export with the same filters, as its own JSON download.
    void proof(ConsoleContext ctx) throws IOException {
        HttpServletResponse response = ctx.response;
        IpLogQuery query = query(ctx.request, response);
        if (query == null) {
            return;
        }
        String clientIp = ctx.clientIp;
        ConsoleAccess.Caller caller = ctx.caller;
        Map<String, Object> proof = export.proof(query);
        log.audit(caller.user().name(), "export-proof", query.description(), (Long) proof.get("matches"), clientIp);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Disposition", "attachment; filename=\"iplog-" + LocalDate.now() + "-proof.json\"");
        Http.json(response, 200, proof);
    }

    void search(ConsoleContext ctx) throws IOException {
        HttpServletRequest request = ctx.request;
        HttpServletResponse response = ctx.response;
        ConsoleAccess.Caller caller = ctx.caller;
        String clientIp = ctx.clientIp;
        IpLogQuery query = query(request, response);
        if (query == null) {
            return;
        }
        String format = request.getParameter("format") == null ? "json" : request.getParameter("format");
        if (!format.equals("json") && !format.equals("csv")) {
            Http.jsonError(response, 400, "format must be json or csv; got '" + format + "'");
            return;
        }
        boolean download = format.equals("csv") || "1".equals(request.getParameter("download"));
        if (!download) {
            Page<IpLogRecord> page = log.search(query);
            log.audit(caller.user().name(), "search", query.description(), page.items().size(), clientIp);
            Http.json(response, 200, new ApiItems.Paged<>(page.items().stream().map(export::item).toList(), page.total(),
                    query.limit(), query.offset()));
            return;
        }
        // Security-critical: audited before the first row leaves, so an export cut off mid-stream still leaves a
        // trace; the count is of the matches at that moment (the stream itself runs in constant memory).
        log.audit(caller.user().name(), "export-" + format, query.description(), log.count(query), clientIp);
        response.setStatus(200);
        response.setHeader("Cache-Control", "no-store");
        String name = "iplog-" + LocalDate.now() + "." + format;
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        response.setContentType(format.equals("csv") ? "text/csv; charset=UTF-8" : "application/json; charset=UTF-8");
        if (format.equals("csv")) {
            // The CSV holds rows only; its chain proof is one more download with the same filters.
            String filters = request.getQueryString() == null ? "" : request.getQueryString();
            response.setHeader("Link", "<" + request.getRequestURI() + "/proof?" + filters.replace(">", "%3E")
                    + ">; rel=\"describedby\"; type=\"application/json\"");
        }
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        if (format.equals("csv")) {
            export.csv(query, out, n -> { });
        } else {
            export.json(query, out, n -> { });
        }
        out.flush();
    }
}
