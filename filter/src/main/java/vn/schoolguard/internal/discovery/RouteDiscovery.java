package vn.schoolguard.internal.discovery;

import java.time.Duration;

import vn.schoolguard.internal.housekeeping.Housekeeping;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import vn.schoolguard.internal.log.Log;
import vn.schoolguard.internal.moderation.Route;

/**
 * Learning mode: notes the forms the application takes at paths no route guards, so that an administrator sees
 * where comments, questions or messages get in unmoderated (an internal URL of the same handler, a JSON API, a
 * forgotten form). For POST, PUT and PATCH requests outside every route that the application answered below 400,
 * it keeps the path pattern, the field names and counts, never a value; at most {@code discovery.max-patterns},
 * the least recently seen dropped first; saved to the database every half minute and at shutdown.
 *
 * <p>It reads only what the application read: the parameters if the application asked for them (already parsed
 * by then), or a copy of the body bytes the application took from the stream. A body the application did not
 * read is never read, so nothing the application needs is consumed, and nothing is looked at until the
 * application has answered.
 *
 * <p>Thread-safe.
 */
public final class RouteDiscovery implements AutoCloseable {

    private static final Log LOG = Log.get(RouteDiscovery.class);

    private final DiscoverySettings settings;
    private final List<Route> routes;
    private static final Duration SAVE_EVERY = Duration.ofSeconds(30);

    private final DiscoveredForms store;
    private final Clock clock;
    private final TextFields text;
    /** By key, least recently seen first. */
    private final LinkedHashMap<String, DiscoveredForm> forms = new LinkedHashMap<>(64, 0.75f, true);
    private final Set<String> dirty = new java.util.HashSet<>();
    private volatile Housekeeping.Task saver;

    private RouteDiscovery(DiscoverySettings settings, List<Route> routes, DiscoveredForms store, Clock clock) {
        this.settings = settings;
        this.routes = List.copyOf(routes);
        this.store = store;
        this.clock = clock;
        this.text = new TextFields(settings.minTextChars());
    }

    /** Starts discovery: loads what earlier runs found and saves new findings every 30 seconds. */
    public static RouteDiscovery start(DiscoverySettings settings, List<Route> routes, DiscoveredForms store,
                                       Clock clock, Housekeeping housekeeping) {
        RouteDiscovery discovery = new RouteDiscovery(settings, routes, store, clock);
        discovery.load();
        if (settings.enabled()) {
            discovery.saver = housekeeping.every("saving discovered forms", SAVE_EVERY, SAVE_EVERY, discovery::saveQuietly);
        }
        return discovery;
    }

    /** Discovery without the background saver ({@link #save()} by hand), for tests and tools. */
    static RouteDiscovery manual(DiscoverySettings settings, List<Route> routes, DiscoveredForms store, Clock clock) {
        RouteDiscovery discovery = new RouteDiscovery(settings, routes, store, clock);
        discovery.load();
        return discovery;
    }

    public DiscoverySettings settings() {
        return settings;
    }

    /**
     * Notes one request the application handled (a POST, PUT or PATCH no route guards, answered below 400): its
     * field names, when some look like user text.
     */
    public void note(String method, String path, Map<String, List<String>> fields, int status) {
        List<String> texts = new ArrayList<>();
        fields.forEach((name, values) -> {
            if (text.isText(name, values)) {
                texts.add(name);
            }
        });
        if (texts.isEmpty()) {
            return;
        }
        String pattern = PathShape.of(path);
        String key = method + " " + pattern;
        Instant now = clock.instant();
        synchronized (forms) {
            DiscoveredForm seen = forms.get(key);
            DiscoveredForm updated = seen == null
                    ? new DiscoveredForm(method, pattern, sorted(fields.keySet(), List.of()), sorted(texts, List.of()), 1, now, now, status)
                    : new DiscoveredForm(method, pattern, sorted(fields.keySet(), seen.fields()),
                    sorted(texts, seen.textFields()), seen.hits() + 1, seen.firstSeen(), now, status);
            forms.put(key, updated);
            dirty.add(key);
            while (forms.size() > settings.maxPatterns()) {
                String eldest = forms.keySet().iterator().next();
                forms.remove(eldest);
                dirty.remove(eldest);
            }
        }
    }

    private static List<String> sorted(java.util.Collection<String> names, List<String> before) {
        TreeSet<String> all = new TreeSet<>(before);
        for (String name : names) {
            if (all.size() >= PostedFields.MAX_FIELDS) {
                break;
            }
            all.add(name);
        }
        return List.copyOf(all);
    }

    /** A form with what the console shows of it: the route whose fields it carries, if any, and settings to guard it. */
    public record Finding(DiscoveredForm form, Optional<Route> aliasOf, String settings) {
    }

    /** Forms still unguarded by the current routes: likely aliases of a guarded route first, then by hits. */
    public List<Finding> findings() {
        List<DiscoveredForm> all;
        synchronized (forms) {
            all = new ArrayList<>(forms.values());
        }
        return findings(all, routes);
    }

    /** The findings among saved forms for these routes (the command line reads them from the database). */
    public static List<Finding> findings(List<DiscoveredForm> forms, List<Route> routes) {
        List<Finding> findings = new ArrayList<>();
        for (DiscoveredForm form : forms) {
            if (!guarded(form, routes)) {
                Optional<Route> alias = aliasOf(form, routes);
                findings.add(new Finding(form, alias, RouteSuggestion.settings(form, alias, routes)));
            }
        }
        findings.sort(Comparator.comparing((Finding f) -> f.aliasOf().isEmpty())
                .thenComparing(f -> -f.form().hits()).thenComparing(f -> f.form().key()));
        return findings;
    }

    /** Forgets a form (the administrator has dealt with it); true when it was there. */
    public boolean forget(String method, String pattern) {
        boolean removed;
        synchronized (forms) {
            removed = forms.remove(method + " " + pattern) != null;
            dirty.remove(method + " " + pattern);
        }
        return store.remove(method, pattern) || removed;
    }

    /** The route whose listed fields all arrive at this other path: probably the same handler at another address. */
    static Optional<Route> aliasOf(DiscoveredForm form, List<Route> routes) {
        for (Route route : routes) {
            List<String> listed = route.fields().entrySet().stream()
                    .filter(e -> e.getValue() != vn.schoolguard.internal.moderation.FieldRole.IGNORE).map(Map.Entry::getKey).toList();
            if (!listed.isEmpty() && form.fields().containsAll(listed)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    /** Whether a route now guards the form (its pattern was added since it was noted). */
    private static boolean guarded(DiscoveredForm form, List<Route> routes) {
        String example = form.pattern().replace("**", "x").replace("*", "1");
        return routes.stream().anyMatch(r -> r.matches(form.method(), example));
    }

    /** Writes the forms noted since the last save. */
    public void save() {
        List<DiscoveredForm> changed = new ArrayList<>();
        synchronized (forms) {
            for (String key : dirty) {
                DiscoveredForm form = forms.get(key);
                if (form != null) {
                    changed.add(form);
                }
            }
            dirty.clear();
        }
        if (!changed.isEmpty()) {
            try {
                store.save(changed, settings.maxPatterns());
            } catch (RuntimeException e) {
                synchronized (forms) {
                    changed.forEach(f -> dirty.add(f.key()));
                }
                throw e;
            }
        }
    }

    private void saveQuietly() {
        try {
            save();
        } catch (RuntimeException e) {
            LOG.warn("Route discovery could not save its findings (kept for the next try): {}", e.getMessage());
        }
    }

    private void load() {
        try {
            List<DiscoveredForm> saved = new ArrayList<>(store.load(settings.maxPatterns()));
            saved.sort(Comparator.comparing(DiscoveredForm::lastSeen));
            synchronized (forms) {
                saved.forEach(f -> forms.put(f.key(), f));
            }
        } catch (RuntimeException e) {
            LOG.warn("Route discovery starts empty: its saved findings cannot be read: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        if (saver != null) {
            saver.cancel();
        }
        saveQuietly();
    }
}
