package vn.schoolguard.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/** Vietnamese and English texts of the console and the poster's pages; Vietnamese unless the visitor prefers English. */
public final class Messages {

    public static final String LANGUAGE_COOKIE = "sg_lang";

    private static final Messages VI = load("vi");
    private static final Messages EN = load("en");

    private final String language;
    private final Map<String, String> texts;

    private Messages(String language, Map<String, String> texts) {
        this.language = language;
        this.texts = Collections.unmodifiableMap(texts);
    }

    public static Messages of(String language) {
        return "en".equals(language) ? EN : VI;
    }

    /**
     * {@code lang=en} or {@code lang=vi} in the query string, else null. Never a body parameter: a page answered
     * before (or instead of) reading the body must not make the container wait for it.
     */
    static String askedLanguage(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&", -1)) {
            if (pair.equals("lang=en") || pair.equals("lang=vi")) {
                return pair.substring("lang=".length());
            }
        }
        return null;
    }

    /** The language for a request: {@code ?lang=}, then the language cookie, then {@code Accept-Language}. */
    public static Messages forRequest(HttpServletRequest request) {
        String asked = askedLanguage(request);
        if (asked != null) {
            return of(asked);
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (LANGUAGE_COOKIE.equals(cookie.getName())) {
                    return of(cookie.getValue());
                }
            }
        }
        if (request.getHeader("Accept-Language") == null) {
            // Without the header, containers report their own default locale, which says nothing of the visitor.
            return VI;
        }
        Enumeration<Locale> locales = request.getLocales();
        while (locales != null && locales.hasMoreElements()) {
            String lang = locales.nextElement().getLanguage();
            if (lang.equals("vi")) {
                return VI;
            }
            if (lang.equals("en")) {
                return EN;
            }
        }
        return VI;
    }

    public String language() {
        return language;
    }

    /** The text for a key, with {@code {0}}-style arguments filled in. */
    public String get(String key, Object... args) {
        String text = texts.get(key);
        if (text == null) {
            return key;
        }
        return args.length == 0 ? text : new MessageFormat(text, Locale.forLanguageTag(language)).format(args);
    }

    /** All texts, for templates. */
    public Map<String, String> all() {
        return texts;
    }

    private static Messages load(String language) {
        String resource = "/vn/schoolguard/internal/web/messages_" + language + ".properties";
        try (InputStream in = Messages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> texts = new LinkedHashMap<>();
            properties.stringPropertyNames().forEach(k -> texts.put(k, properties.getProperty(k)));
            return new Messages(language, texts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
