package vn.schoolguard.internal.alert;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import vn.schoolguard.internal.incident.Incident;
import vn.schoolguard.internal.incident.IncidentKind;
import vn.schoolguard.internal.incident.IncidentLog;
import vn.schoolguard.internal.log.Log;

/**
 * Where incidents are raised: each is recorded in the {@link IncidentLog}, logged at WARN on
 * {@code vn.schoolguard.alert}, and handed to {@link Deliveries} for mail and the webhook. The watches
 * ({@link ImplantIncidents}, {@link HomePageWatch}, {@link IpLogWatch}, {@link QueueAgeWatch}) decide when something
 * is an incident; this class only raises it. Thread-safe.
 */
public final class Alerts implements AutoCloseable {

    private static final Log LOG = Log.get("vn.schoolguard.alert");

    private final IncidentLog log;
    private final AlertTexts texts;
    private final Deliveries deliveries;
    private final Clock clock;

    /**
     * @param zone the time zone the mail shows times in ({@code site.zone})
     */
    public Alerts(IncidentLog log, AlertSettings settings, ZoneId zone, Deliveries deliveries, Clock clock) {
        this.log = log;
        this.texts = new AlertTexts(settings.language(), zone);
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** Records an incident found now on {@code siteKey} and sends it; a store failure is logged and it is still sent. */
    public Incident raise(String siteKey, IncidentKind kind, String page, String detail) {
        Incident incident = Incident.of(siteKey, kind, clock.instant(), page, detail);
        try {
            incident = log.record(incident);
        } catch (RuntimeException e) {
            LOG.warn("Incident {} on site {} could not be stored: {}", kind.key(), siteKey, e.toString());
        }
        // Page and detail come from what a page or an attacker wrote: one line each, so they cannot forge log lines.
        LOG.warn("Incident {} on site {} (id {}): {} {}", kind.key(), siteKey, incident.id(),
                AlertTexts.oneLine(incident.page(), 300), AlertTexts.oneLine(incident.detail(), 300));
        deliveries.submit(message(incident));
        return incident;
    }

    /** The incident as the channels send it. */
    AlertMessage message(Incident incident) {
        return new AlertMessage(incident, texts.subject(incident), texts.body(incident));
    }

    /** The site's incidents of one kind since {@code from}, newest first, to decide whether one is new. */
    List<Incident> since(String siteKey, IncidentKind kind, Instant from) {
        return log.between(siteKey, from, clock.instant().plusSeconds(1), 1000).stream()
                .filter(i -> i.kind() == kind).sorted((a, b) -> b.at().compareTo(a.at())).toList();
    }

    public IncidentLog log() {
        return log;
    }

    public Deliveries deliveries() {
        return deliveries;
    }

    Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        deliveries.close();
    }
}
