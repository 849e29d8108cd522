package vn.schoolguard.internal.http;

import vn.schoolguard.internal.hash.Hex;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.schoolguard.internal.moderation.BadSubmission;

/**
 * Strict {@code application/x-www-form-urlencoded} decoding and encoding. Unlike a container's lenient
 * parser, a bad percent-escape or an invalid byte sequence is an error, so nothing is silently mangled.
 */
final class FormCodec {

    private FormCodec() {
    }

    static Map<String, List<String>> decode(String encoded, Charset charset, int maxFields) throws BadSubmission {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        int count = 0;
        for (String pair : encoded.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++count > maxFields) {
                throw BadSubmission.tooManyFields(maxFields);
            }
            int eq = pair.indexOf('=');
            String name = unescape(eq < 0 ? pair : pair.substring(0, eq), charset);
            String value = eq < 0 ? "" : unescape(pair.substring(eq + 1), charset);
            fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return fields;
    }

    static String encode(Map<String, List<String>> fields, Charset charset) {
        StringBuilder out = new StringBuilder();
        fields.forEach((name, values) -> values.forEach(value -> {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(name, charset)).append('=').append(URLEncoder.encode(value, charset));
        }));
        return out.toString();
    }

    private static String unescape(String text, Charset charset) throws BadSubmission {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw BadSubmission.malformed("a '%' escape at the end of a field is incomplete");
                }
                int hi = Hex.digit(text.charAt(i + 1));
                int lo = Hex.digit(text.charAt(i + 2));
                if (hi < 0 || lo < 0) {
                    throw BadSubmission.malformed("'%" + text.charAt(i + 1) + text.charAt(i + 2) + "' is not a valid percent-escape");
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c > 0x7F) {
                throw BadSubmission.malformed("a form body must be ASCII with percent-escapes, found '" + c + "'");
            } else {
                bytes.write(c);
            }
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw BadSubmission.malformed("the bytes are not valid " + charset.name());
        }
    }
}
