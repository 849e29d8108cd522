package vn.schoolguard.api;

/** One invalid setting: the key, the value given and what was expected. */
public record ConfigProblem(String key, String value, String expected) {

    /** The text shown to the administrator; part of the API, asserted in tests. */
    /** The problem of a key that no capability reads (a misspelling, or a key of another version). */
    public static ConfigProblem unknown(String key, String value) {
        return new ConfigProblem(key, value, UNKNOWN);
    }

    private static final String UNKNOWN = "a known setting; every key is listed in docs/en/configuration.md";

    public String message() {
        if (expected.equals(UNKNOWN)) {
            return "setting '" + key + "' is not known (value '" + value + "'): check its spelling; every key is listed in"
                    + " docs/en/configuration.md";
        }
        if (value.isEmpty()) {
            return "setting '" + key + "' is missing: expected " + expected;
        }
        return "setting '" + key + "' has invalid value '" + value + "': expected " + expected;
    }
}
