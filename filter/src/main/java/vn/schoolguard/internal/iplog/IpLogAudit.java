package vn.schoolguard.internal.iplog;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;

import vn.schoolguard.internal.db.Page;
import vn.schoolguard.internal.db.Json;

/** The audit trail of look-ups: who searched, exported, verified or purged the log, with what filter and how many rows. */
final class IpLogAudit {

    private static final TypeReference<Map<String, String>> FILTER = new TypeReference<>() { };

    private final IpLogStorage storage;
    private final String siteKey;
    private final Clock clock;

    IpLogAudit(IpLogStorage storage, String siteKey, Clock clock) {
        this.storage = storage;
        this.siteKey = siteKey;
        this.clock = clock;
    }

    void record(String actor, String action, Map<String, String> filter, long rows, String clientIp) {
        storage.audit(siteKey, new IpLogStorage.AuditEntry(actor, clock.instant(), action,
                ChainAppend.truncate(Json.write(filter), 2000), rows, clientIp));
    }

    Page<Map<String, Object>> trail(int limit, int offset) {
        Page<IpLogStorage.AuditEntry> page = storage.auditTrail(siteKey, limit, offset);
        List<Map<String, Object>> items = page.items().stream().map(IpLogAudit::item).toList();
        return new Page<>(items, page.total());
    }

    private static Map<String, Object> item(IpLogStorage.AuditEntry a) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("actor", a.actor());
        item.put("at", a.at().toString());
        item.put("action", a.action());
        item.put("filter", Json.read(a.filterJson(), FILTER));
        item.put("rows", a.rows());
        item.put("clientIp", a.clientIp());
        return item;
    }
}
