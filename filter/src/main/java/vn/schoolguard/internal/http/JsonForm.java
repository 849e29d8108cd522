package vn.schoolguard.internal.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import vn.schoolguard.internal.moderation.BadSubmission;
import vn.schoolguard.internal.db.Json;

/**
 * Strict reading of a JSON submission: one object whose members are text, numbers, booleans, null or flat
 * lists of them. Every list element counts as a value toward the field limit; duplicate names, nesting,
 * a byte-order mark, bytes that are not UTF-8 and anything after the object are errors.
 */
final class JsonForm {

    private JsonForm() {
    }

    /** The fields of a JSON body, each with its values in order; numbers keep the text that was sent. */
    static Map<String, List<String>> decode(byte[] body, int maxValues, int maxChars) throws BadSubmission {
        String text = utf8(body);
        if (text.startsWith("\uFEFF")) {
            throw BadSubmission.malformed("the JSON body starts with a byte-order mark; send plain UTF-8");
        }
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(text)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw BadSubmission.malformed("a JSON body must be one object of named fields");
            }
            Map<String, List<String>> fields = new LinkedHashMap<>();
            int count = 0;
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                List<String> values = new ArrayList<>();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_ARRAY) {
                    while ((value = parser.nextToken()) != JsonToken.END_ARRAY) {
                        values.add(scalar(parser, name, value, maxChars));
                        if (++count > maxValues) {
                            throw BadSubmission.tooManyFields(maxValues);
                        }
                    }
                } else {
                    values.add(scalar(parser, name, value, maxChars));
                    if (++count > maxValues) {
                        throw BadSubmission.tooManyFields(maxValues);
                    }
                }
                fields.put(name, values);
            }
            if (token != JsonToken.END_OBJECT) {
                throw BadSubmission.malformed("the JSON body cannot be read (it ends early)");
            }
            if (parser.nextToken() != null) {
                throw BadSubmission.malformed("the JSON body has more after the object");
            }
            return fields;
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage();
            if (why != null && why.startsWith("Duplicate field")) {
                throw BadSubmission.malformed("the JSON body has a duplicate field name (" + why + ")");
            }
            throw BadSubmission.malformed("the JSON body cannot be read (" + why + ")");
        } catch (IOException e) {
            throw BadSubmission.malformed("the JSON body cannot be read");
        }
    }

    private static String scalar(JsonParser parser, String name, JsonToken token, int maxChars) throws IOException, BadSubmission {
        if (token == null) {
            throw BadSubmission.malformed("the JSON body cannot be read (it ends early)");
        }
        if (token.isStructStart()) {
            throw BadSubmission.malformed("field '" + name + "' holds a nested list or object; only text, numbers"
                    + " and flat lists of them are accepted");
        }
        if (token == JsonToken.VALUE_NULL) {
            return "";
        }
        if (token.isNumeric()) {
            String number = parser.getText();
            if (number.length() > 100 || number.toLowerCase(java.util.Locale.ROOT).matches(".*e[+-]?\\d{4,}")) {
                throw BadSubmission.malformed("field '" + name + "' holds a number too large to be meant ("
                        + number.substring(0, Math.min(30, number.length())) + "…); send it as text");
            }
            return number;
        }
        String value = parser.getText();
        if (value.length() > maxChars) {
            throw BadSubmission.fieldTooLong(name, maxChars);
        }
        return value;
    }

    private static String utf8(byte[] body) throws BadSubmission {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw BadSubmission.malformed("the JSON body is not valid UTF-8");
        }
    }
}
