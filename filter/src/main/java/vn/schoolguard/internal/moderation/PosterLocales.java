package vn.schoolguard.internal.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

// The poster's preferred locales from the Accept-Language header kept with the submission, best first.
public final class PosterLocales {

    private static final int MOST = 20;

    private PosterLocales() {
    }

    /**
     * The locales of the header values, by quality, without wildcards and refusals ({@code q=0}); the server's
     * default when there are none or the header cannot be read, as a container answers a request without one.
     */
    public static List<Locale> of(List<String> acceptLanguage) {
        List<Locale> locales = new ArrayList<>();
        if (!acceptLanguage.isEmpty()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(String.join(",", acceptLanguage))) {
                    Locale locale = Locale.forLanguageTag(range.getRange());
                    if (range.getWeight() > 0 && !range.getRange().contains("*") && !locale.getLanguage().isEmpty()
                            && !locales.contains(locale) && locales.size() < MOST) {
                        locales.add(locale);
                    }
                }
            } catch (IllegalArgumentException malformed) {
                locales.clear();
            }
        }
        return locales.isEmpty() ? List.of(Locale.getDefault()) : List.copyOf(locales);
    }
}
