package vn.schoolguard.internal.iplog;

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
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import vn.schoolguard.internal.db.Json;

/**
 * Writes IP log entries as CSV or JSON while they stream from the database, and the chain proof: the head of
 * the chain at export time, so that the export can be checked against the log later (inside the JSON export,
 * beside the CSV one).
 */
public final class IpLogExport {

    /** CSV columns; the first seven are fixed by the REST contract. */
    public static final List<String> COLUMNS = List.of("time", "client_ip", "client_port", "peer_ip", "user_agent", "route",
            "submission_id", "peer_port", "forwarded_chain", "forwarded_flag", "user", "method", "path", "receipt", "outcome",
            "detail", "content_sha256", "local_time", "seq", "prev_hash", "entry_hash", "personal_salt", "personal_hash",
            "pseudonymised");

    /** Names the hashing scheme in every proof. */
    public static final String ALGORITHM = "sg-iplog-1: see docs/en/investigator-guide.md";

    // Rows only (the header is written plainly first); text always quoted, so a `;` or tab cannot split a cell.
    private static final ObjectWriter CSV_ROWS = CsvMapper.builder()
            .enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build()
            .writer(rowSchema());

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS xxx");

    private final IpLog log;
    private final ZoneId zone;

    public IpLogExport(IpLog log, ZoneId zone) {
        this.log = log;
        this.zone = zone;
    }

    /**
     * Streams every match as plain CSV that spreadsheets open cleanly: a UTF-8 byte order mark (so Excel shows
     * Vietnamese), the header and one line per entry, nothing else. Text cells are always quoted and formula
     * leaders neutralised ({@link CsvCells}); the chain proof is delivered beside it ({@link #proof}).
     *
     * @return the number of rows written
     */
    public long csv(IpLogQuery query, Writer out, LongConsumer progress) throws IOException {
        out.write('\uFEFF');
        out.write(String.join(",", COLUMNS));
        out.write("\r\n");
        long[] rows = {0};
        try (SequenceWriter csv = CSV_ROWS.writeValues(out)) {
            log.stream(query.unpaged(), r -> {
                try {
                    csv.write(csvValues(r));
                    if (++rows[0] % 10_000 == 0) {
                        progress.accept(rows[0]);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            csv.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
        progress.accept(rows[0]);
        return rows[0];
    }

    /**
     * The chain proof of an export with the same filters: the chain head when it was taken, and the matches it
     * covers (count, first and last sequence number, the last match's entry hash), so that an exported file can be
     * checked against the log later.
     */
    public Map<String, Object> proof(IpLogQuery query) {
        Map<String, Object> proof = new LinkedHashMap<>();
        proof.put("query", query.description());
        proof.put("chainHead", log.head());
        proof.putAll(log.span(query));
        proof.put("exportedAt", Instant.now().toString());
        proof.put("algorithm", ALGORITHM);
        return proof;
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
        json.writeObjectField("proof", proof(query));
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
        return new java.util.ArrayList<>(java.util.Arrays.asList(r.loggedAt().toString(), r.clientIp(), r.clientPort() < 0 ? null : r.clientPort(),
                r.peerIp(), r.userAgent(), r.route(), r.submissionId(), r.peerPort() < 0 ? null : r.peerPort(), r.forwardedChain(),
                r.forwardedFlag(), r.posterUser(), r.method(), r.path(), r.receipt(), r.outcome().key(), r.detail(),
                r.contentSha256(), LOCAL.format(r.loggedAt().atZone(zone)), r.seq(), r.prevHash(), r.entryHash(),
                r.personalSalt(), r.personalHash(), r.pseudonymised()));
    }

    // The columns by position, so a missing value keeps its (empty) cell.
    private static CsvSchema rowSchema() {
        CsvSchema.Builder schema = CsvSchema.builder();
        COLUMNS.forEach(schema::addColumn);
        return schema.build().withoutHeader().withLineSeparator("\r\n");
    }

    // Text cells neutralised; numbers and flags as they are.
    private List<Object> csvValues(IpLogRecord r) {
        List<Object> values = values(r);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) instanceof String text) {
                values.set(i, CsvCells.neutralise(text));
            }
        }
        return values;
    }
}
