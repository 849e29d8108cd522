package vn.schoolguard.internal.http.page;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/** What a response's headers say about its body: whether it is HTML, in which charset, how long. */
final class ResponseBodies {

    private ResponseBodies() {
    }

    /** The charset of that name, ISO-8859-1 when there is none or it is unknown. */
    static Charset charset(String name) {
        try {
            return name == null ? StandardCharsets.ISO_8859_1 : Charset.forName(name);
        } catch (RuntimeException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    /** Whether a Content-Type names an HTML page (HTML or XHTML). */
    static boolean isHtml(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        type = (semicolon < 0 ? type : type.substring(0, semicolon)).trim();
        return type.equals("text/html") || type.equals("application/xhtml+xml");
    }

    /** True when the markers' ASCII bytes mean the same in this charset (not UTF-16, UTF-32, EBCDIC...). */
    static boolean asciiCompatible(String charsetName) {
        if (charsetName == null) {
            return true;
        }
        try {
            Charset charset = Charset.forName(charsetName);
            String probe = "</body>_govaq<!-- schoolguard:portal -->";
            return charset.canEncode() && Arrays.equals(probe.getBytes(charset), probe.getBytes(StandardCharsets.US_ASCII));
        } catch (RuntimeException e) {
            return false;
        }
    }

    static boolean isContentLength(String name) {
        return "Content-Length".equalsIgnoreCase(name);
    }

    /** The value of a Content-Length header, -1 when it is no number. */
    static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
