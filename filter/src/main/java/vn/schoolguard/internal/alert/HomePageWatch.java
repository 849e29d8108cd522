package vn.schoolguard.internal.alert;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import vn.schoolguard.internal.housekeeping.Housekeeping;
import vn.schoolguard.internal.incident.HomeCheck;
import vn.schoolguard.internal.incident.HomeChecks;
import vn.schoolguard.internal.incident.IncidentKind;
import vn.schoolguard.internal.inject.ImplantRules;
import vn.schoolguard.internal.inject.PageInspection;
import vn.schoolguard.internal.inject.PagePolicyCheck;
import vn.schoolguard.internal.log.Log;

/**
 * The scheduled self-check of a site's served home page with the {@code check} command's own inspection: a working
 * EMC tracker for the site's ID that the page's policies let run, the EMC label, the parent-portal link. Each result
 * is kept as the site's {@link HomeCheck}; an incident is raised only when a check turns from passing (or never
 * checked) to failing, not on every run. A page that cannot be fetched or answers an error keeps the last known
 * results, so an outage in between raises nothing twice.
 */
public final class HomePageWatch implements AutoCloseable {

    private static final Log LOG = Log.get("vn.schoolguard.alert");

    /**
     * What the page must carry.
     *
     * @param siteId        the EMC site ID the tracker must set; empty: any working tracker counts
     * @param trackerHost   the EMC tracker's host
     * @param portal        the parent portal to link to; empty: any link to another .gov.vn/.edu.vn site counts
     * @param fallbackLabel the static EMC label text, when one is configured
     */
    public record Expected(Optional<String> siteId, String trackerHost, Optional<URI> portal,
                           Optional<String> fallbackLabel) {
    }

    private final Alerts alerts;
    private final HomeChecks checks;
    private final HomePages pages;
    private final Expected expected;
    private final String siteKey;
    private final Pattern labelScript;
    private final Housekeeping.Task task;

    /** A watch every {@code every} on {@code housekeeping}, the first run a minute after start (or at once when null). */
    public HomePageWatch(Alerts alerts, HomeChecks checks, HomePages pages, Expected expected, String siteKey,
                         Duration every, Housekeeping housekeeping) {
        this.alerts = alerts;
        this.checks = checks;
        this.pages = pages;
        this.expected = expected;
        this.siteKey = siteKey;
        // The EMC script draws the label itself: the page loads it from the tracker host (inline or as src).
        this.labelScript = Pattern.compile("//" + Pattern.quote(expected.trackerHost()) + "/[^'\"\\s<>]*gov-tracking(?:\\.min)?\\.js",
                Pattern.CASE_INSENSITIVE);
        this.task = housekeeping == null ? null : housekeeping.every("home-page self-check",
                Duration.ofMinutes(1).compareTo(every) < 0 ? Duration.ofMinutes(1) : every, every, this::runOnce);
    }

    /**
     * Fetches and judges the page now, keeps the result and raises what turned to failing; answers the check kept, or
     * null when the page could not be looked at and no earlier check exists.
     */
    public HomeCheck runOnce() {
        Instant now = alerts.clock().instant();
        Optional<HomeCheck> previous = checks.latest(siteKey);
        HomePages.Fetched fetched;
        try {
            fetched = pages.fetch();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Home-page self-check of {} could not fetch the page: {}", pages.url(), e.toString());
            return keep(previous, now, pages.url().toString(), 0, "not fetched: " + e.getClass().getSimpleName());
        }
        if (fetched.status() < 200 || fetched.status() > 299) {
            LOG.warn("Home-page self-check of {} got status {}", fetched.url(), fetched.status());
            return keep(previous, now, fetched.url().toString(), fetched.status(), "status " + fetched.status());
        }
        Judged judged = judge(fetched);
        HomeCheck check = new HomeCheck(siteKey, now, fetched.url().toString(), fetched.status(), judged.tracker.isEmpty(),
                judged.label.isEmpty(), judged.portal.isEmpty(), String.join("\n", judged.all()));
        checks.save(check);
        String page = path(fetched.url());
        raiseIfTurned(previous.map(HomeCheck::tracker), check.tracker(), IncidentKind.TRACKER_MISSING, page, judged.tracker);
        raiseIfTurned(previous.map(HomeCheck::label), check.label(), IncidentKind.LABEL_MISSING, page, judged.label);
        raiseIfTurned(previous.map(HomeCheck::portal), check.portal(), IncidentKind.PORTAL_MISSING, page, judged.portal);
        return check;
    }

    /** What is wrong with each check; an empty text means it passed. */
    private record Judged(String tracker, String label, String portal) {
        List<String> all() {
            List<String> all = new ArrayList<>();
            for (String text : List.of(tracker, label, portal)) {
                if (!text.isEmpty()) {
                    all.add(text);
                }
            }
            return all;
        }
    }

    private Judged judge(HomePages.Fetched page) {
        PageInspection inspection = PageInspection.of(page.html(), page.url(), ImplantRules.builtIn(), List.of(),
                expected.trackerHost());
        String tracker = "";
        if (!inspection.trackerFound()) {
            tracker = "no working EMC tracker (https://" + expected.trackerHost() + ") on the page";
        } else if (expected.siteId().isPresent() && !inspection.siteIds().contains(expected.siteId().get())) {
            tracker = "EMC site ID " + expected.siteId().get() + " expected, the page sets " + inspection.siteIds();
        } else {
            List<String> blocked = PagePolicyCheck.of(page.html(), page.enforcedCsp(), page.url()).findings().stream()
                    .map(f -> f.source() + " " + f.directive() + " stops the " + f.blocked()).toList();
            tracker = blocked.isEmpty() ? "" : "the page's Content-Security-Policy stops the EMC tracker: " + blocked;
        }
        boolean label = labelScript.matcher(page.html()).find()
                || expected.fallbackLabel().filter(text -> page.html().contains(text)).isPresent();
        String portal = expected.portal().map(inspection::linksTo).orElse(!inspection.portalLinks().isEmpty()) ? ""
                : "no link to " + expected.portal().map(URI::toString).orElse("a .gov.vn or .edu.vn portal");
        return new Judged(tracker, label ? "" : "no EMC label: the EMC script that draws it is not loaded", portal);
    }

    private void raiseIfTurned(Optional<Boolean> before, boolean now, IncidentKind kind, String page, String detail) {
        if (!now && before.orElse(true)) {
            alerts.raise(siteKey, kind, page, detail);
        }
    }

    /** A check that saw nothing: the last known results stay, so that the next real look compares with them. */
    private HomeCheck keep(Optional<HomeCheck> previous, Instant now, String url, int status, String why) {
        HomeCheck check = previous.map(p -> new HomeCheck(siteKey, now, url, status, p.tracker(), p.label(), p.portal(), why))
                .orElse(null);
        if (check != null) {
            checks.save(check);
        }
        return check;
    }

    private static String path(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    @Override
    public void close() {
        if (task != null) {
            task.cancel();
        }
    }
}
