package vn.schoolguard.internal.spam;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A versioned set of rules: the pack shipped in the JAR, optionally extended by a site file.
 *
 * <p>Format (UTF-8, one rule per section; {@code #} starts a comment line):
 * <pre>
 * pack = schoolguard-vi-gambling
 * version = 2026.06.1
 *
 * [gambling.promo]
 * kind = phrase
 * weight = 6
 * cap = 14
 * label = Quảng cáo cờ bạc
 * - nhà cái uy tín
 * - nổ hũ đổi thưởng
 * </pre>
 * Keys: {@code kind} (required, see {@link RuleKind}), {@code weight}, {@code cap} (the most a rule adds),
 * {@code label}, {@code mode} ({@code on}, {@code log-only}, {@code off}), {@code threshold}, {@code window},
 * {@code limit}, {@code compact}: the shortest phrase (in letters) also matched inside run-together text, and
 * {@code needs} (pattern rules): comma-separated strings of which every match contains one; when none occurs in
 * the text (found in the same automaton scan as the phrases), the rule's expressions are not run at all, and
 * {@code reach} (pattern rules with needs): every match starts at most this many characters before one of its
 * needs, so the expressions are tried only there.
 * A site file section with an existing id adds entries and overrides the keys it names
 * ({@code mode = log-only} or {@code mode = off} switch a shipped rule).
 */
final class RulePack {

    static final String BUILT_IN = "/vn/schoolguard/internal/spam/rules-vi.pack";
    /** Run-together forms shorter than this would match inside ordinary words. */
    static final int MIN_COMPACT = 9;
    /** The largest reach of a pattern rule: its needs are near the start of what it matches. */
    static final int MAX_REACH = 64;

    private final String version;
    private final List<Rule> rules;

    private RulePack(String version, List<Rule> rules) {
        this.version = version;
        this.rules = List.copyOf(rules);
    }

    String version() {
        return version;
    }

    List<Rule> rules() {
        return rules;
    }

    /** The shipped pack, extended by a site file when given. */
    /** The built-in pack is read once per class loader and shared by every site; a site's own file is read anew. */
    private static volatile RulePack builtInPack;

    /** The pack for a site: the shared built-in one, or the built-in one with the site's file. */
    static RulePack shared(Optional<Path> siteFile) {
        if (siteFile.isPresent()) {
            return load(siteFile);
        }
        RulePack pack = builtInPack;
        if (pack == null) {
            pack = load(siteFile);
            builtInPack = pack;
        }
        return pack;
    }

    static RulePack load(Optional<Path> siteFile) {
        Sections sections = new Sections();
        try (InputStream in = RulePack.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException(SpamTexts.missingBuiltInPack(BUILT_IN));
            }
            sections.read(BUILT_IN, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(SpamTexts.missingBuiltInPack(BUILT_IN), e);
        }
        if (siteFile.isPresent()) {
            try (Reader reader = Files.newBufferedReader(siteFile.get(), StandardCharsets.UTF_8)) {
                sections.read(siteFile.get().toString(), reader);
            } catch (IOException e) {
                throw new RulePackException(SpamTexts.unreadableRuleFile(siteFile.get(), e));
            }
        }
        return sections.compile();
    }

    /** Thrown for a rule file that cannot be used; the message names the file, line and expectation. */
    static final class RulePackException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RulePackException(String message) {
            super(message);
        }
    }

    /** Raw sections in file order, merged by id. */
    private static final class Sections {
        private final Map<String, Section> byId = new LinkedHashMap<>();
        private final StringBuilder version = new StringBuilder();

        void read(String source, Reader reader) throws IOException {
            BufferedReader lines = new BufferedReader(reader);
            Section current = null;
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String where = source + ":" + number;
                if (text.startsWith("[") && text.endsWith("]")) {
                    String id = text.substring(1, text.length() - 1).trim();
                    if (!id.matches("[a-z0-9][a-z0-9.-]{0,60}")) {
                        throw new RulePackException(SpamTexts.badRuleLine(where, text, "a rule id of lower-case letters, digits, dots and dashes"));
                    }
                    current = byId.computeIfAbsent(id, key -> new Section(key, where));
                } else if (text.startsWith("- ")) {
                    if (current == null) {
                        throw new RulePackException(SpamTexts.badRuleLine(where, text, "an entry inside a [rule.id] section"));
                    }
                    current.entries.add(new String[] {text.substring(2).strip(), where});
                } else if (text.contains("=")) {
                    String key = text.substring(0, text.indexOf('=')).strip();
                    String value = text.substring(text.indexOf('=') + 1).strip();
                    if (current == null) {
                        if (key.equals("version")) {
                            version.append(version.length() == 0 ? "" : "+").append(value);
                        } else if (!key.equals("pack")) {
                            throw new RulePackException(SpamTexts.badRuleLine(where, text, "pack or version before the first section"));
                        }
                    } else {
                        current.keys.put(key, new String[] {value, where});
                    }
                } else {
                    throw new RulePackException(SpamTexts.badRuleLine(where, text, "[rule.id], key = value, - entry or # comment"));
                }
            }
        }

        RulePack compile() {
            List<Rule> rules = new ArrayList<>();
            for (Section section : byId.values()) {
                rules.add(section.compile());
            }
            return new RulePack(version.toString(), rules);
        }
    }

    /** One rule before compiling. */
    private static final class Section {
        private final String id;
        /** Where the section was first opened, for a problem of the section as a whole. */
        private final String where;
        private final Map<String, String[]> keys = new LinkedHashMap<>();
        private final List<String[]> entries = new ArrayList<>();

        Section(String id, String where) {
            this.id = id;
            this.where = where;
        }

        Rule compile() {
            String[] kindValue = keys.get("kind");
            if (kindValue == null) {
                throw new RulePackException(SpamTexts.badRuleKey(where + " [" + id + "]", "kind", "", "one of " + kinds()));
            }
            RuleKind kind = RuleKind.parse(kindValue[0]).orElseThrow(() ->
                    new RulePackException(SpamTexts.badRuleKey(kindValue[1], "kind", kindValue[0], "one of " + kinds())));
            double weight = number("weight", 0);
            double cap = number("cap", Math.abs(weight));
            String label = keys.containsKey("label") ? keys.get("label")[0] : id;
            String mode = keys.containsKey("mode") ? keys.get("mode")[0] : "on";
            if (!mode.matches("on|off|log-only")) {
                throw new RulePackException(SpamTexts.badRuleKey(keys.get("mode")[1], "mode", mode, "on, off or log-only"));
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (Map.Entry<String, String[]> key : keys.entrySet()) {
                switch (key.getKey()) {
                    case "kind", "weight", "cap", "label", "mode" -> { }
                    case "threshold", "limit", "compact" -> {
                        number(key.getKey(), 0);
                        params.put(key.getKey(), key.getValue()[0]);
                    }
                    case "needs" -> params.put("needs", key.getValue()[0]);
                    case "reach" -> params.put("reach", Integer.toString(reach(key.getValue())));
                    case "window" -> {
                        if (vn.schoolguard.internal.spam.SpamSettings.duration(key.getValue()[0]) == null) {
                            throw new RulePackException(SpamTexts.badRuleKey(key.getValue()[1], "window", key.getValue()[0], "a duration such as 30m, 24h or 7d"));
                        }
                        params.put("window", key.getValue()[0]);
                    }
                    default -> throw new RulePackException(SpamTexts.badRuleKey(key.getValue()[1], key.getKey(), key.getValue()[0],
                            "one of kind, weight, cap, label, mode, threshold, limit, window, compact, needs, reach"));
                }
            }
            int minCompact = (int) number("compact", MIN_COMPACT);
            List<Rule.Entry> compiled = new ArrayList<>();
            for (String[] entry : entries) {
                compiled.add(entry(kind, entry[0], entry[1], minCompact));
            }
            return new Rule(id, kind, weight, cap, label, mode, compiled, params);
        }

        private Rule.Entry entry(RuleKind kind, String source, String where, int minCompact) {
            try {
                boolean shipped = where.startsWith(BUILT_IN + ":");
                return switch (kind) {
                    case PATTERN -> new Rule.Entry(source, "", "", Pattern.compile(source), shipped);
                    case DOMAIN_BLOCK, DOMAIN_ALLOW -> source.startsWith("~")
                            ? new Rule.Entry(source, "", "", Pattern.compile(source.substring(1)), shipped)
                            : new Rule.Entry(source, source.toLowerCase(java.util.Locale.ROOT).replaceFirst("^\\*?\\.", ""), "", null, shipped);
                    default -> {
                        String folded = TextNormalizer.fold(source);
                        String words = TextNormalizer.words(folded);
                        String compact = TextNormalizer.compact(folded);
                        yield new Rule.Entry(source, words, compact.length() >= minCompact ? compact : "", null, shipped);
                    }
                };
            } catch (PatternSyntaxException e) {
                throw new RulePackException(SpamTexts.badRuleLine(where, source, "a valid regular expression (" + e.getDescription() + ")"));
            }
        }

        /** A pattern rule's reach: how many characters before one of its needs a match can start. */
        private static int reach(String[] value) {
            if (value[0].matches("\\d{1,2}") && Integer.parseInt(value[0]) <= MAX_REACH) {
                return Integer.parseInt(value[0]);
            }
            throw new RulePackException(SpamTexts.badRuleKey(value[1], "reach", value[0], "a whole number from 0 to " + MAX_REACH));
        }

        private double number(String key, double defaultValue) {
            String[] value = keys.get(key);
            if (value == null) {
                return defaultValue;
            }
            // A plain decimal only: Java also reads NaN, Infinity and hex, and a NaN weight would poison every score.
            if (value[0].matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?")) {
                double number = Double.parseDouble(value[0]);
                if (Double.isFinite(number)) {
                    return number;
                }
            }
            throw new RulePackException(SpamTexts.badRuleKey(value[1], key, value[0], "a number"));
        }

        private static String kinds() {
            StringBuilder all = new StringBuilder();
            for (RuleKind kind : RuleKind.values()) {
                all.append(all.length() == 0 ? "" : ", ").append(kind.key());
            }
            return all.toString();
        }
    }
}
