package vn.schoolguard.internal.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Properties;

import vn.schoolguard.internal.incident.IncidentKind;

/** The report's texts in Vietnamese (the default) or English, from {@code report_vi|en.properties}. Immutable. */
public final class ReportTexts {

    private static final ReportTexts VI = load("vi");
    private static final ReportTexts EN = load("en");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final String language;
    private final Properties texts;

    private ReportTexts(String language, Properties texts) {
        this.language = language;
        this.texts = texts;
    }

    /** English for {@code en}, Vietnamese for anything else. */
    public static ReportTexts of(String language) {
        return "en".equals(language) ? EN : VI;
    }

    public String language() {
        return language;
    }

    public String get(String key, Object... args) {
        String text = texts.getProperty(key);
        if (text == null) {
            throw new IllegalArgumentException("no report text " + key);
        }
        // Arguments are plain strings: a site key or a detail must not be read as a pattern.
        return args.length == 0 ? text : new MessageFormat(text.replace("'", "''"), Locale.ROOT).format(args);
    }

    public String kind(IncidentKind kind) {
        return get("incident." + kind.key());
    }

    public String yesNo(boolean value) {
        return get(value ? "yes" : "no");
    }

    public static String day(Instant at, ZoneId zone) {
        return DAY.format(at.atZone(zone));
    }

    public static String time(Instant at, ZoneId zone) {
        return TIME.format(at.atZone(zone));
    }

    private static ReportTexts load(String language) {
        Properties texts = new Properties();
        try (InputStream in = ReportTexts.class.getResourceAsStream("report_" + language + ".properties")) {
            if (in == null) {
                throw new IllegalStateException("missing report texts " + language);
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ReportTexts(language, texts);
    }
}
