package vn.schoolguard.internal.inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/** The tracker test pages in {@code inject/tracker/} and the site IDs a check should see in each. */
public final class TrackerPages {

    public static final String SITE_ID = "4242";
    public static final String HOST = InjectSettings.DEFAULT_TRACKER_HOST;
    private static final Properties EXPECTED = load();

    private TrackerPages() {
    }

    /** The page names, without {@code .html}. */
    public static Stream<String> names() {
        return EXPECTED.stringPropertyNames().stream().sorted().map(file -> file.replace(".html", ""));
    }

    public static String page(String name) {
        try {
            return ImplantScannerTest.fixture("tracker/" + name + ".html");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The site IDs of the working trackers the page carries itself. */
    public static List<String> siteIds(String name) {
        String ids = EXPECTED.getProperty(name + ".html").trim();
        return ids.isEmpty() ? List.of() : Arrays.asList(ids.split(","));
    }

    /** True when the page carries a working tracker for {@link #SITE_ID}, so it must get none inserted. */
    public static boolean carriesOwn(String name) {
        return siteIds(name).contains(SITE_ID);
    }

    /** The page as it should be served: unchanged, or with {@code insertion} before its last {@code </body>}. */
    public static String served(String name, String insertion) {
        String page = page(name);
        if (carriesOwn(name)) {
            return page;
        }
        int at = page.lastIndexOf("</body>");
        return page.substring(0, at) + insertion + page.substring(at);
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = TrackerPages.class.getResourceAsStream("/inject/tracker/expected.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
