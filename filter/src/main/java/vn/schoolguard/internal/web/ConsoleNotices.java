package vn.schoolguard.internal.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import vn.schoolguard.internal.account.ConsoleUser;
import vn.schoolguard.internal.log.Log;

/**
 * Notices shown above the content of every console page for signed-in staff, gathered from any number of
 * {@link Source}s (the site's recent incidents; later, reminders such as the monthly report). A source that fails
 * is left out of that page rather than failing it. Thread-safe when its sources are.
 */
public final class ConsoleNotices {

    private static final Log LOG = Log.get(ConsoleNotices.class);

    /**
     * One notice; every text is shown HTML-escaped.
     *
     * @param kind   a stable key for styling and tests, such as {@code incident-implant}
     * @param title  what it is, in the page's language
     * @param at     when it happened, or null
     * @param page   the page or address concerned, or empty
     * @param detail more, or empty
     */
    public record Notice(String kind, String title, Instant at, String page, String detail) {
    }

    /** Gives the notices one signed-in user should see, in the language of {@code messages}. */
    @FunctionalInterface
    public interface Source {
        List<Notice> notices(ConsoleUser user, Messages messages);
    }

    private final List<Source> sources;

    public ConsoleNotices(List<Source> sources) {
        this.sources = List.copyOf(sources);
    }

    /** No notices at all. */
    public static ConsoleNotices none() {
        return new ConsoleNotices(List.of());
    }

    /** The notices for {@code user}, in the sources' order; none for a visitor who is not staff. */
    public List<Notice> forUser(ConsoleUser user, Messages messages) {
        if (user == null || !user.isStaff()) {
            return List.of();
        }
        List<Notice> all = new ArrayList<>();
        for (Source source : sources) {
            try {
                all.addAll(source.notices(user, messages));
            } catch (RuntimeException e) {
                LOG.warn("Console notices left out of a page: {}", e.toString());
            }
        }
        return all;
    }
}
