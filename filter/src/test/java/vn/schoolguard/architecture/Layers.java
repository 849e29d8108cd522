package vn.schoolguard.architecture;

import java.util.List;

/** The internal packages of the filter by layer, bottom up, above the API package; the guard tests and docs/architecture.md describe the same picture. */
final class Layers {

    static final String ROOT = "vn.schoolguard";

    /** What a host programs against: the listener, its value type, the configuration error. Plain Java only. */
    static final String API = ROOT + ".api";

    /** Everything else: public for the JAR's own packages, not for hosts. */
    static final String INTERNAL = ROOT + ".internal";

    /** Foundations every layer may use: storage plumbing, configuration reading, logging, hashing, addresses. */
    static final List<String> FOUNDATION = List.of("db", "config", "log", "hash", "net", "housekeeping");

    /** Capability cores: plain Java, no servlet API, no JDBC. */
    static final List<String> CORES = List.of(
            "moderation", "spam", "sanitize", "iplog", "ratelimit", "account", "inject", "discovery", "incident", "site",
            "alert", "report");

    /** Adapters that implement the cores' ports: JDBC storage, the servlet side, alert delivery (SMTP, webhook). */
    static final List<String> ADAPTERS = List.of("store", "http", "delivery");

    /** The console and REST API, then the entry points. */
    static final List<String> TOP = List.of("web", "cli", "boot");

    private Layers() {
    }

    static String pkg(String name) {
        return INTERNAL + "." + name;
    }

    static String[] packages(List<String> names) {
        return names.stream().map(name -> pkg(name) + "..").toArray(String[]::new);
    }
}
