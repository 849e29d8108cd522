package vn.schoolguard.internal.web;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import vn.schoolguard.internal.incident.Incident;
import vn.schoolguard.internal.incident.IncidentLog;

/** {@code <console>/api/incidents}: the site's incidents of the last 7 days, newest first, as the banner shows them. */
final class IncidentsApi {

    static final int MAX_ITEMS = 200;

    record IncidentJson(long id, String site, String kind, String at, String page, String detail) {
    }

    record IncidentsJson(List<IncidentJson> items, int total, long windowDays) {
    }

    private final IncidentLog log;
    private final String siteKey;
    private final Clock clock;

    IncidentsApi(IncidentLog log, String siteKey, Clock clock) {
        this.log = log;
        this.siteKey = siteKey;
        this.clock = clock;
    }

    void list(ConsoleContext ctx) throws IOException {
        List<IncidentJson> items = IncidentNotices.recent(log, siteKey, clock.instant(), MAX_ITEMS).stream()
                .map(IncidentsApi::json).toList();
        Http.json(ctx.response, 200, new IncidentsJson(items, items.size(), IncidentNotices.WINDOW.toDays()));
    }

    private static IncidentJson json(Incident i) {
        return new IncidentJson(i.id(), i.siteKey(), i.kind().key(), i.at().toString(), i.page(), i.detail());
    }
}
