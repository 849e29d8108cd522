package vn.schoolguard.internal.spam;

import java.text.Normalizer;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Disguised copies of legitimate training texts (zero-width characters, emoji, mixed case, tone marks left out),
 * made the way campaigns disguise spam. Spam in the corpus comes with such variants and legitimate texts mostly
 * do not, so without these copies the model would learn the disguise itself as a sign of spam and hold a
 * parent who types without tone marks or with emoji. Deterministic: the same text and seed give the same copy.
 */
final class TrainingVariants {

    private static final String[] EMOJI = {"😊", "👍", "🙏", "❤️", "🔥", "🎉", "💰", "🎁", "✅"};
    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    private TrainingVariants() {
    }

    /** One disguised copy of {@code text}; {@code seed} picks the disguises. */
    static String of(String text, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int roll = random.nextInt(100);
            if (roll < 2 && Character.isLetter(c)) {
                out.append(c).append('\u200b');
            } else if (roll < 5 && c == ' ') {
                out.append(' ').append(EMOJI[random.nextInt(EMOJI.length)]).append(' ');
            } else if (roll < 15 && Character.isLetter(c)) {
                out.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        if (random.nextInt(3) != 0) {
            return out.toString();
        }
        String toneless = MARKS.matcher(Normalizer.normalize(out, Normalizer.Form.NFD)).replaceAll("");
        return toneless.replace('đ', 'd').replace('Đ', 'D');
    }
}
