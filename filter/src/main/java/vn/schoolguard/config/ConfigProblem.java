package vn.schoolguard.config;

/** One invalid setting: the key, the value given and what was expected. */
public record ConfigProblem(String key, String value, String expected) {

    /** The text shown to the administrator; part of the API, asserted in tests. */
    public String message() {
        if (value.isEmpty()) {
            return "setting '" + key + "' is missing: expected " + expected;
        }
        return "setting '" + key + "' has invalid value '" + value + "': expected " + expected;
    }
}
