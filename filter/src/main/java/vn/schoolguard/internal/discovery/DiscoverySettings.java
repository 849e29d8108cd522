package vn.schoolguard.internal.discovery;

import vn.schoolguard.internal.config.ConfigReader;

/**
 * Route discovery: which posted forms that no route guards are noted for the console.
 *
 * @param enabled      whether unguarded forms are noted ({@code discovery.enabled})
 * @param maxPatterns  most path patterns kept; the least recently seen go first ({@code discovery.max-patterns})
 * @param minTextChars a field value counts as user text from this many characters, with letters and spaces
 *                     ({@code discovery.min-text-chars})
 */
public record DiscoverySettings(boolean enabled, int maxPatterns, int minTextChars) {

    public static DiscoverySettings read(ConfigReader reader) {
        return new DiscoverySettings(
                reader.bool("discovery.enabled", true),
                reader.integer("discovery.max-patterns", 500, 10, 10_000),
                reader.integer("discovery.min-text-chars", 20, 5, 1000));
    }
}
