package vn.schoolguard.internal.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.schoolguard.internal.moderation.Status;
import vn.schoolguard.internal.moderation.SubmissionQuery;

import static vn.schoolguard.internal.web.ConsoleParams.param;
import static vn.schoolguard.internal.web.ConsoleParams.present;

/**
 * The queue page's filters as typed (kept for the form and the links) and as read, with the problems found.
 *
 * @param status   the tab; empty for "all"
 * @param fromDay  start of the "from" day, when it parsed
 * @param toDay    end of the inclusive "to" day, when it parsed
 * @param problems what was wrong with the typed filters, in the visitor's language
 */
record QueueFilters(Optional<Status> status, String route, String from, String to, Optional<Instant> fromDay,
                    Optional<Instant> toDay, String text, String reason, String ip, int size, int page,
                    List<String> problems) {

    static final List<Status> TABS = List.of(Status.PENDING, Status.APPROVED, Status.REJECTED, Status.SPAM);
    static final int DEFAULT_SIZE = 25;
    static final int MAX_SIZE = 100;

    static QueueFilters read(ConsoleContext ctx) {
        List<String> problems = new ArrayList<>();
        String statusParam = param(ctx, "status");
        Optional<Status> status = Optional.of(Status.PENDING);
        if (statusParam.equals("all")) {
            status = Optional.empty();
        } else if (!statusParam.isEmpty()) {
            status = Status.parse(statusParam).filter(TABS::contains);
            if (status.isEmpty()) {
                problems.add(ctx.text("console.filter.bad-status", statusParam));
                status = Optional.of(Status.PENDING);
            }
        }
        String from = param(ctx, "from");
        String to = param(ctx, "to");
        Optional<Instant> fromDay = ConsoleParams.day(ctx, "from", from, 0, problems);
        Optional<Instant> toDay = ConsoleParams.day(ctx, "to", to, 1, problems);
        String text = param(ctx, "q");
        String reason = param(ctx, "reason");
        String ip = param(ctx, "ip");
        int size = ConsoleParams.number(ctx, "size", DEFAULT_SIZE, 5, MAX_SIZE, problems);
        int page = ConsoleParams.number(ctx, "page", 1, 1, Integer.MAX_VALUE / MAX_SIZE, problems);
        return new QueueFilters(status, param(ctx, "route"), from, to, fromDay, toDay, text, reason, ip, size, page,
                List.copyOf(problems));
    }

    String statusKey() {
        return status.map(Status::key).orElse("all");
    }

    /** The page size as a link parameter: empty for the default. */
    String sizeParam() {
        return size == DEFAULT_SIZE ? "" : String.valueOf(size);
    }

    SubmissionQuery query() {
        return new SubmissionQuery(status, present(route), fromDay, toDay, present(text), present(ip), present(reason),
                size, (page - 1) * size);
    }

    /** The filters as link parameters (without the page). */
    Map<String, String> params() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("status", statusKey());
        filters.put("route", route);
        filters.put("from", from);
        filters.put("to", to);
        filters.put("q", text);
        filters.put("reason", reason);
        filters.put("ip", ip);
        filters.put("size", sizeParam());
        return filters;
    }

    boolean narrowed() {
        return !(route + from + to + text + reason + ip).isEmpty() || !problems.isEmpty();
    }
}
