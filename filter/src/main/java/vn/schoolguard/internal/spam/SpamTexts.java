package vn.schoolguard.internal.spam;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;

/** Every message and reason detail of the spam package, in one place so that tests can assert on them. */
final class SpamTexts {

    private SpamTexts() {
    }

    static String missingBuiltInPack(String resource) {
        return "The built-in rule pack " + resource + " is missing from the SchoolGuard JAR";
    }

    static String missingBuiltInModel(String resource) {
        return "The built-in spam model " + resource + " is missing from the SchoolGuard JAR";
    }

    static String notAModel() {
        return "not a SchoolGuard spam model (expected SGLR version 1 with " + FeatureVector.DIMENSION + " weights)";
    }

    static String modelScore(double p, double spam, double suspect, String targets) {
        return String.format(java.util.Locale.ROOT, "spam probability %.3f (spam at %.3f with a promotion target, suspect at %.3f); %s",
                p, spam, suspect, targets.isEmpty() ? "no promotion target" : "promotion target " + targets);
    }

    static String tailRead(int start, int length) {
        return "the text read from character " + start + " of " + length + " on its own: an ad after an ordinary comment";
    }

    static String notACorpus(Path directory) {
        return "corpus " + directory + " is not a directory (expected legit/ and spam/ with *.jsonl files)";
    }

    static String badCorpusLine(String where, String expected) {
        return where + ": expected " + expected;
    }

    static String nearDuplicate(String label, double similarity) {
        return String.format(java.util.Locale.ROOT, "%s: similarity %.2f to a text marked as spam", label, similarity);
    }

    static String siteShadow(String verdict) {
        return "this site's learned model would say " + verdict + " (spam.site-learning=shadow)";
    }

    static String unreadableRuleFile(Path file, IOException e) {
        return "Rule file " + file + " cannot be read: " + e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    static String notFullyAnalysedInTime(Duration budget) {
        return "not fully analysed: scoring took longer than spam.time-budget (" + budget.toMillis() + " ms); held for a moderator";
    }

    static String notFullyAnalysedLength(int analysed, int length) {
        return "not fully analysed: only the first " + analysed + " of " + length + " characters (spam.max-analysed-chars)";
    }

    static String badRuleLine(String where, String line, String expected) {
        return where + ": '" + line + "' is not valid; expected " + expected;
    }

    static String badRuleKey(String where, String key, String value, String expected) {
        return where + ": " + key + " = '" + value + "' is not valid; expected " + expected;
    }

    static String matched(String label, Collection<String> entries) {
        StringBuilder out = new StringBuilder(label).append(": ");
        int n = 0;
        for (String entry : entries) {
            out.append(n++ == 0 ? "" : ", ").append('"').append(entry).append('"');
        }
        return out.toString();
    }

    static String awareness(String label, Collection<String> entries, double offset) {
        return matched(label, entries) + " (offsets " + number(offset) + " of phrase weight)";
    }

    static String links(String label, int count, int threshold) {
        return label + ": " + count + " links (threshold " + threshold + ")";
    }

    static String hiddenLinks(String label, int count) {
        return label + ": " + count + " hidden " + (count == 1 ? "link" : "links");
    }

    static String repeated(String label, int count, Duration window) {
        return label + ": " + count + " identical posts in the last " + window.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    static String honeypot(String label, String field) {
        return label + ": field '" + field + "' was filled in";
    }

    static String tooFast(String label, Duration taken, Duration minimum) {
        return label + ": sent " + taken.toMillis() + " ms after the form was shown (minimum " + minimum.toMillis() + " ms)";
    }

    static String marked(String label, String what) {
        return label + ": " + what;
    }

    static String tooLarge(String label, long length, long limit) {
        return label + ": " + length + " characters, only the first " + limit + " analysed; the full text is kept";
    }

    static String badEncoding(String label, int count) {
        return label + ": " + count + " undecodable " + (count == 1 ? "character" : "characters");
    }

    static String logOnly(String detail, double weight) {
        return detail + " [log-only, would add " + number(weight) + "]";
    }

    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
