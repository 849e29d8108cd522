package vn.schoolguard.iplog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import com.fasterxml.jackson.core.JsonGenerator;

import vn.schoolguard.store.Json;

/**
 * Writes IP log entries as CSV or JSON while they stream from the database, followed by the chain
 * proof: the head of the chain at export time, so that the export can be checked against the log later.
 */
public final class IpLogExport {

    /** CSV columns; the first seven are fixed by the REST contract. */
    public static final List<String> COLUMNS = List.of("time", "client_ip", "client_port", "peer_ip", "user_agent", "route",
            "submission_id", "peer_port", "forwarded_chain", "forwarded_flag", "user", "method", "path", "receipt", "outcome",
            "detail", "content_sha256", "local_time", "seq", "prev_hash", "entry_hash", "personal_salt", "personal_hash",
            "pseudonymised");

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS xxx");

    private final IpLog log;
    private final ZoneId zone;

    public IpLogExport(IpLog log, ZoneId zone) {
        this.log = log;
        this.zone = zone;
    }

    /** Streams every match as CSV (RFC 4180) with the proof as trailing {@code #} comment lines; returns the row count. */
    public long csv(IpLogQuery query, Writer out, LongConsumer progress) throws IOException {
        out.write(String.join(",", COLUMNS));
        out.write("\r\n");
        long[] rows = {0};
        try {
            log.stream(query.unpaged(), r -> {
                try {
                    List<Object> values = values(r);
                    for (int i = 0; i < values.size(); i++) {
                        if (i > 0) {
                            out.write(',');
                        }
                        out.write(csvField(values.get(i)));
                    }
                    out.write("\r\n");
                    if (++rows[0] % 10_000 == 0) {
                        progress.accept(rows[0]);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Map<String, Object> head = log.head();
        out.write("# chain head at export: seq=" + head.get("seq") + " hash=" + head.get("hash") + "\r\n");
        out.write("# exported " + rows[0] + " rows at " + Instant.now() + "; entry hashes: see docs/en/investigator-guide.md\r\n");
        out.flush();
        progress.accept(rows[0]);
        return rows[0];
    }

    /** Streams every match as one JSON object: {@code {"query":..,"rows":[..],"count":N,"proof":{..}}}. */
    public long json(IpLogQuery query, Writer out, LongConsumer progress) throws IOException {
        JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out);
        json.writeStartObject();
        json.writeObjectField("query", query.description());
        json.writeArrayFieldStart("rows");
        long[] rows = {0};
        try {
            log.stream(query.unpaged(), r -> {
                try {
                    json.writeStartObject();
                    List<Object> values = values(r);
                    for (int i = 0; i < COLUMNS.size(); i++) {
                        json.writeObjectField(COLUMNS.get(i), values.get(i));
                    }
                    json.writeEndObject();
                    if (++rows[0] % 10_000 == 0) {
                        progress.accept(rows[0]);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        json.writeEndArray();
        json.writeNumberField("count", rows[0]);
        Map<String, Object> proof = new LinkedHashMap<>();
        proof.put("chainHead", log.head());
        proof.put("exportedAt", Instant.now().toString());
        proof.put("algorithm", "sg-iplog-1: see docs/en/investigator-guide.md");
        json.writeObjectField("proof", proof);
        json.writeEndObject();
        json.flush();
        progress.accept(rows[0]);
        return rows[0];
    }

    /** One record as the JSON API shows it (same names as the CSV columns). */
    public Map<String, Object> item(IpLogRecord r) {
        Map<String, Object> item = new LinkedHashMap<>();
        List<Object> values = values(r);
        for (int i = 0; i < COLUMNS.size(); i++) {
            item.put(COLUMNS.get(i), values.get(i));
        }
        return item;
    }

    private List<Object> values(IpLogRecord r) {
        return java.util.Arrays.asList(r.loggedAt().toString(), r.clientIp(), r.clientPort() < 0 ? null : r.clientPort(),
                r.peerIp(), r.userAgent(), r.route(), r.submissionId(), r.peerPort() < 0 ? null : r.peerPort(), r.forwardedChain(),
                r.forwardedFlag(), r.posterUser(), r.method(), r.path(), r.receipt(), r.outcome().key(), r.detail(),
                r.contentSha256(), LOCAL.format(r.loggedAt().atZone(zone)), r.seq(), r.prevHash(), r.entryHash(),
                r.personalSalt(), r.personalHash(), r.pseudonymised());
    }

    private static String csvField(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        // A leading =, +, - or @ would run as a formula when the file is opened in a spreadsheet.
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
                || text.startsWith("'")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
