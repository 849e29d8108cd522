package vn.schoolguard.internal.alert;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/** The port to a site's served home page, fetched as a visitor gets it. Implementations are thread-safe. */
public interface HomePages {

    /**
     * One fetched page.
     *
     * @param url         the address it was finally served at
     * @param status      the HTTP status
     * @param html        the page's text
     * @param enforcedCsp the values of its {@code Content-Security-Policy} headers (not report-only)
     */
    record Fetched(URI url, int status, String html, List<String> enforcedCsp) {

        public Fetched {
            html = html == null ? "" : html;
            enforcedCsp = List.copyOf(enforcedCsp);
        }
    }

    /** The address fetched, for the log and the stored check. */
    URI url();

    /** Fetches the page now. */
    Fetched fetch() throws IOException;
}
