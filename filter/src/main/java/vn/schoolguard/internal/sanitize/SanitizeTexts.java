package vn.schoolguard.internal.sanitize;

import java.util.Set;
import java.util.TreeSet;

/** Every message of the sanitize package, in one place so that tests can assert on them. */
final class SanitizeTexts {

    private SanitizeTexts() {
    }

    static String unknownPolicy(String policy, Set<String> names) {
        return "Unknown HTML policy '" + policy + "'; expected one of " + String.join(", ", new TreeSet<>(names));
    }

    static String truncated(int length, int kept) {
        return "input cut from " + length + " to " + kept + " characters";
    }

    static String removal(String what, int count) {
        return count == 1 ? what : what + " ×" + count;
    }
}
