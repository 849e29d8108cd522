package vn.schoolguard.internal.spam;

import java.text.Normalizer;
import java.util.Map;
import java.util.Set;

/**
 * The model's view of one evaluated text: rule hits and their entries, cue wording, structure (promotion
 * targets, links, digits, length), word pairs of the folded text, and hashed character 2–5-grams of the folded
 * run-together text and of the toned text. Long texts contribute n-grams and words from their first
 * {@value #HEAD} and last {@value #TAIL} characters only (rules and structure still see the whole text), which
 * keeps scoring time flat.
 */
final class Features {

    static final int HEAD = 1500;
    static final int TAIL = 500;
    private static final int MIN_GRAM = 2;
    private static final int MAX_GRAM = 5;
    private static final int MAX_WORDS = 400;
    /** Room for the named features (rules, entries, cues, structure) before the vector grows. */
    private static final int NAMED = 256;
    private static final int COMPACT_SEED = 0x1b873593;
    private static final int TONED_SEED = 0x5bd1e995;
    private static final Set<RuleKind> HIT_KINDS = Set.of(RuleKind.PHRASE, RuleKind.PATTERN, RuleKind.AWARENESS,
            RuleKind.DOMAIN_BLOCK, RuleKind.SPELLED_DOMAIN, RuleKind.LINKS, RuleKind.HIDDEN_LINK);

    private Features() {
    }

    static FeatureVector of(Evaluation ev, Structure structure, Map<String, RuleKind> kinds, double ruleScore) {
        String compact = cut(ev.text.compact);
        String toned = toned(cut(ev.text.visible));
        // Sized for the n-grams of both views and the words up front: growing it copied the arrays a dozen times.
        int grams = FeatureVector.gramCount(compact.length(), MIN_GRAM, MAX_GRAM) + FeatureVector.gramCount(toned.length(), MIN_GRAM, MAX_GRAM);
        FeatureVector v = new FeatureVector(NAMED + 2 * MAX_WORDS, NAMED + 2 * MAX_WORDS + grams);
        v.add("bias", 1);
        // Site rules the model never saw still count through the total rule weight.
        v.add("s:rule-weight", (float) (Math.min(ruleScore, 40) / 10));
        rules(ev, kinds, v);
        cues(ev, v);
        structure(ev, structure, v);
        plain(ev, structure, v);
        words(ev.text.joined, v);
        grams(v, v.view("c:", compact), compact, COMPACT_SEED);
        grams(v, v.view("t:", toned), toned, TONED_SEED);
        return v;
    }

    private static void rules(Evaluation ev, Map<String, RuleKind> kinds, FeatureVector v) {
        for (Reason reason : ev.reasons) {
            RuleKind kind = kinds.get(reason.rule());
            if (kind == null || !HIT_KINDS.contains(kind)) {
                continue;
            }
            Set<String> matched = ev.matches.get(reason.rule());
            v.add("r:" + reason.rule(), (float) Math.log1p(matched == null ? 1 : matched.size()));
            if (matched != null) {
                for (String entry : matched) {
                    v.add("e:" + reason.rule() + ":" + TextNormalizer.fold(entry).strip(), 1);
                }
            }
        }
        // Awareness wording counts even where there was no phrase weight to offset.
        Set<String> awareness = ev.matches.get("awareness");
        if (awareness != null) {
            v.add("r:awareness-words", (float) Math.log1p(awareness.size()));
        }
    }

    private static void cues(Evaluation ev, FeatureVector v) {
        for (Cue cue : Cue.values()) {
            int count = ev.index.cueCount(cue, ev.phrases);
            if (count > 0) {
                v.add("q:" + cue, (float) Math.log1p(count));
                // Which bank a text names, or which words frame it, says nothing of spam: only that it does (the
                // count above). Weighed one by one, "BIDV" and "chia sẻ" learnt the spam corpus's habits.
                if (cue != Cue.BANK && !cue.frames()) {
                    ev.index.cueHits(cue, ev.phrases, phrase -> v.add("q:" + cue + ":" + phrase, 1));
                }
            }
        }
    }

    private static void structure(Evaluation ev, Structure s, FeatureVector v) {
        if (s.hasTarget()) {
            v.add("s:target", 1);
            for (Structure.Target target : s.targets) {
                v.add("s:t:" + target, 1);
            }
            for (Cue cue : new Cue[] {Cue.WARNING, Cue.LEGAL, Cue.EXAM, Cue.REPORTED, Cue.DISCUSSION}) {
                if (ev.index.cueCount(cue, ev.phrases) > 0) {
                    v.add("s:target&" + cue, 1);
                }
            }
        } else {
            v.add("s:no-target", 1);
        }
        // Counts as small numbers, not one-hot buckets: buckets let the model learn the corpus's habits.
        if (s.links > 0) {
            v.add("s:links", Math.min(s.links, 3) / 3f);
        }
        if (s.longestDigitRun >= 8) {
            v.add("s:long-number", 1);
        }
    }

    /**
     * The rule hits and targets of a text that neither warns, cites the law, asks an exam or discussion question nor
     * reports what others said, as features of their own: a linear model cannot weigh "nhà cái" one way in an ad and
     * the other way in a warning quoting it, but it can weigh "nhà cái in plain speech" on its own.
     */
    private static void plain(Evaluation ev, Structure s, FeatureVector v) {
        if (s.framed) {
            return;
        }
        v.add("x:plain", 1);
        for (Reason reason : ev.reasons) {
            if (ev.matches.containsKey(reason.rule())) {
                v.add("x:plain&r:" + reason.rule(), 1);
            }
        }
        for (Structure.Target target : s.targets) {
            v.add("x:plain&t:" + target, 1);
        }
    }

    /** Single words and pairs of the joined word view, scaled so that long texts do not outweigh short ones. */
    private static void words(String joined, FeatureVector v) {
        int from = v.size();
        int count = 0;
        int start = 1;
        int previousStart = -1;
        String text = cut(joined);
        int view = v.view("", text);
        for (int i = 1; i < text.length() && count < MAX_WORDS; i++) {
            if (text.charAt(i) != ' ') {
                continue;
            }
            if (i > start) {
                v.addGram(FeatureVector.hash(text, start, i, 0x77), 1, view, start, i - start);
                if (previousStart >= 0) {
                    v.addGram(FeatureVector.hash(text, previousStart, i, 0x78), 1, view, previousStart, i - previousStart);
                }
                previousStart = start;
                count++;
            }
            start = i + 1;
        }
        if (v.size() > from) {
            v.scaleFrom(from, (float) (1 / Math.sqrt(v.size() - from)));
        }
    }

    /**
     * Character n-grams of one view, hashed with the family's seed and length-normalized. Their number is known
     * up front, so each is added with its normalized value (1 times the factor is the factor, exactly).
     */
    private static void grams(FeatureVector v, int view, String text, int seed) {
        int count = FeatureVector.gramCount(text.length(), MIN_GRAM, MAX_GRAM);
        if (count == 0) {
            return;
        }
        v.addGrams(view, text, seed, MIN_GRAM, MAX_GRAM, (float) (1 / Math.sqrt(count)));
    }

    /** Lower case with tone marks kept (NFC), letters and digits only, single spaces; invisible characters dropped. */
    static String toned(String visible) {
        String nfc = Normalizer.normalize(visible, Normalizer.Form.NFC);
        // Each character gives at most one (the char form of toLowerCase), so the array never grows.
        char[] out = new char[nfc.length() + 1];
        int size = 0;
        out[size++] = ' ';
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            if (c < 0x80) {
                // ASCII has no format characters or marks, and its letters and digits are A-Z, a-z and 0-9.
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                    out[size++] = c;
                } else if (c >= 'A' && c <= 'Z') {
                    out[size++] = (char) (c + ('a' - 'A'));
                } else if (out[size - 1] != ' ') {
                    out[size++] = ' ';
                }
                continue;
            }
            int type = Character.getType(c);
            if (type == Character.FORMAT || type == Character.NON_SPACING_MARK) {
                continue;
            }
            if ((LETTER_OR_DIGIT >> type & 1) != 0) {
                out[size++] = Character.toLowerCase(c);
            } else if (out[size - 1] != ' ') {
                out[size++] = ' ';
            }
        }
        return new String(out, 0, size);
    }

    /** The general categories {@link Character#isLetterOrDigit(char)} accepts, as its own definition lists them. */
    private static final int LETTER_OR_DIGIT = (1 << Character.UPPERCASE_LETTER) | (1 << Character.LOWERCASE_LETTER)
            | (1 << Character.TITLECASE_LETTER) | (1 << Character.MODIFIER_LETTER) | (1 << Character.OTHER_LETTER)
            | (1 << Character.DECIMAL_DIGIT_NUMBER);

    private static String cut(String text) {
        return text.length() <= HEAD + TAIL ? text : text.substring(0, HEAD) + " " + text.substring(text.length() - TAIL);
    }

    private static int bucket(int n) {
        return n == 0 ? 0 : 32 - Integer.numberOfLeadingZeros(n);
    }
}
