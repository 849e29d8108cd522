package vn.schoolguard.internal.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.schoolguard.internal.moderation.FieldRole;
import vn.schoolguard.internal.moderation.Route;

/** How the console writes times, addresses and text excerpts. */
final class ConsoleFormat {

    /** Schools, moderators and investigators all read times in Vietnam's zone, whatever the server's zone. */
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final DateTimeFormatter TIME_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos|nbsp);");
    private static final int EXCERPT = 240;

    private ConsoleFormat() {
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(ZONE));
    }

    static String timeSeconds(Instant instant) {
        return instant == null ? "" : TIME_SECONDS.format(instant.atZone(ZONE));
    }

    static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** {@code 203.0.113.5:51234}, {@code [2001:db8::1]:51234}, or the address alone when the port is unknown. */
    static String address(String ip, Integer port) {
        if (ip == null) {
            return "";
        }
        if (port == null || port < 0) {
            return ip;
        }
        return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + port;
    }

    static String score(double score) {
        return String.format(Locale.ROOT, "%.1f", score);
    }

    /** Plain text of sanitized HTML: tags dropped, the entities the sanitizer writes turned back into characters. */
    static String plain(String html) {
        String text = TAG.matcher(html == null ? "" : html).replaceAll(" ");
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String entity = m.group(1);
            String decoded = switch (entity) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default -> {
                    int code = entity.charAt(1) == 'x' || entity.charAt(1) == 'X'
                            ? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1));
                    yield Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : "";
                }
            };
            m.appendReplacement(out, Matcher.quoteReplacement(decoded));
        }
        m.appendTail(out);
        return out.toString().replaceAll("\\s+", " ").trim();
    }

    /** The opening of the text a poster wrote (text and HTML fields), for the queue. */
    static String excerpt(Map<String, List<String>> fields, Route route) {
        StringBuilder text = new StringBuilder();
        fields.forEach((name, values) -> {
            FieldRole role = route == null ? FieldRole.TEXT : route.roleOf(name);
            if (role == FieldRole.TEXT || role == FieldRole.HTML) {
                values.forEach(v -> text.append(role == FieldRole.HTML ? plain(v) : v.trim()).append(' '));
            }
        });
        String all = text.toString().replaceAll("\\s+", " ").trim();
        return all.length() <= EXCERPT ? all : all.substring(0, all.offsetByCodePoints(0, all.codePointCount(0, EXCERPT) - 1)) + "…";
    }

    /** The poster's name: the first author field, else a field called author or name. */
    static String author(Map<String, List<String>> fields, Route route) {
        if (route != null) {
            for (Map.Entry<String, List<String>> field : fields.entrySet()) {
                if (route.roleOf(field.getKey()) == FieldRole.AUTHOR && !field.getValue().isEmpty()) {
                    return field.getValue().get(0);
                }
            }
        }
        for (String name : List.of("author", "name")) {
            List<String> values = fields.get(name);
            if (values != null && !values.isEmpty()) {
                return values.get(0);
            }
        }
        return "";
    }
}
