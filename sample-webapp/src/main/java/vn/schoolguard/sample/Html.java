package vn.schoolguard.sample;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Escaping and date formats for the server-rendered pages. */
final class Html {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm, dd/MM/yyyy");

    private Html() {
    }

    /** Text made safe for element content and double-quoted attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A {@code <time>} element showing a day the Vietnamese way (dd/MM/yyyy). */
    static String date(LocalDate day) {
        return "<time datetime=\"" + day + "\">" + DATE.format(day) + "</time>";
    }

    /** A {@code <time>} element showing a moment in Vietnam time. */
    static String dateTime(Instant moment) {
        return "<time datetime=\"" + moment + "\">" + DATE_TIME.format(moment.atZone(VIETNAM)) + "</time>";
    }
}
