package vn.schoolguard.internal.inject;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A short built-in list of gambling brands and phrases, until the spam rule pack is wired in. */
final class BuiltInImplantRules implements ImplantRules {

    static final BuiltInImplantRules INSTANCE = new BuiltInImplantRules();

    // Brands rotate numbered domains (fb88a.com, kubet77.net), so a brand anywhere in a label counts.
    private static final Pattern HOST = Pattern.compile(
            "(fb88|w88|m88|188bet|bet365|12bet|kubet|jun88|789bet|new88|shbet|hi88|f8bet|8xbet|okvip|sv388|win79|go88"
                    + "|sunwin|hitclub|b52club|rikvip|debet|mb66|bk8|v9bet|fun88|nhacai|nha-cai|keonhacai|nohu|no-hu"
                    + "|taixiu|tai-xiu|soicau|casino|baccarat|cado|gamebai|danhbai|xocdia)"
                    + "|(^|[.-])bet\\d*[.-]|\\d+bet([.-]|$)");

    // Multi-word phrases only: single words such as "đề" also mean "exam" and "problem".
    private static final Pattern PHRASE = Pattern.compile(
            "\\b(nha cai( uy tin)?|no hu|tai xiu|ca cuoc( bong da)?|ca do( bong da)?|keo nha cai|soi cau|casino( truc tuyen| online)?"
                    + "|game bai doi thuong|danh bai( doi thuong| online)|ban ca doi thuong|xoc dia|baccarat"
                    + "|lo de online|dang ky nhan \\d+k|fb88|w88|188bet|kubet|jun88|789bet|new88|8xbet|sunwin|hitclub)\\b");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u200b]+");

    private BuiltInImplantRules() {
    }

    @Override
    public boolean isGamblingHost(String host) {
        return host != null && HOST.matcher(host.toLowerCase(Locale.ROOT)).find();
    }

    @Override
    public List<String> gamblingPhrases(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = PHRASE.matcher(fold(text));
        while (m.find()) {
            if (!found.contains(m.group())) {
                found.add(m.group());
            }
        }
        return found;
    }

    /** Lower case without tone marks, đ as d, runs of white space as one space. */
    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String plain = Normalizer.isNormalized(lower, Normalizer.Form.NFD) ? lower
                : MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(plain.replace('đ', 'd')).replaceAll(" ");
    }
}
