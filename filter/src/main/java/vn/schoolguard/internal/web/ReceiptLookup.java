package vn.schoolguard.internal.web;

import java.util.Locale;
import java.util.regex.Pattern;

/** Reads a receipt code as a person types it: case and look-alike letters forgiven, dash optional. */
final class ReceiptLookup {

    private static final Pattern FORMAT = Pattern.compile("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");

    private ReceiptLookup() {
    }

    static String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.trim().toUpperCase(Locale.ROOT).replace('O', '0').replace('I', '1').replace('L', '1');
        if (code.length() == 8 && code.indexOf('-') < 0) {
            code = code.substring(0, 4) + "-" + code.substring(4);
        }
        return FORMAT.matcher(code).matches() ? code : null;
    }
}
