package vn.schoolguard.internal.iplog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import vn.schoolguard.internal.db.Page;

/** Searches one site's IP log: pages newest first, counts, spans for a proof, streams in chain order, the head. */
final class IpLogSearch {

    private final IpLogStorage storage;
    private final String siteKey;

    IpLogSearch(IpLogStorage storage, String siteKey) {
        this.storage = storage;
        this.siteKey = siteKey;
    }

    Page<IpLogRecord> search(IpLogQuery query) {
        return storage.page(IpLogWhere.of(siteKey, query.criteria()), query.limit(), query.offset());
    }

    long count(IpLogQuery query) {
        return storage.count(IpLogWhere.of(siteKey, query.criteria()));
    }

    Map<String, Object> span(IpLogQuery query) {
        IpLogStorage.Span span = storage.span(IpLogWhere.of(siteKey, query.criteria()));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("matches", span.matches());
        map.put("firstSeq", span.firstSeq());
        map.put("lastSeq", span.lastSeq());
        map.put("lastEntryHash", span.lastEntryHash());
        return map;
    }

    long stream(IpLogQuery query, Consumer<IpLogRecord> sink) {
        return storage.stream(IpLogWhere.of(siteKey, query.criteria()), sink);
    }

    Map<String, Object> head() {
        Map<String, Object> head = new LinkedHashMap<>();
        storage.head(siteKey).ifPresent(h -> {
            head.put("seq", h.seq());
            head.put("hash", h.hash());
        });
        return head;
    }
}
