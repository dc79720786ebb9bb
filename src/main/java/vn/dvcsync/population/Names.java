package vn.dvcsync.population;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Name forms: the comparison key of the gateway's rules, and the population service's unaccented form. */
public final class Names {

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Names() {}

    /** Unicode NFC, case folded, white space collapsed and trimmed; diacritics kept. Null stays null. */
    public static String comparable(String name) {
        if (name == null) {
            return null;
        }
        String folded = Normalizer.normalize(name, Normalizer.Form.NFC)
                .toUpperCase(Locale.ROOT)
                .toLowerCase(Locale.ROOT);
        return collapse(Normalizer.normalize(folded, Normalizer.Form.NFC));
    }

    /** Upper case without diacritics ({@code đ}/{@code Đ} become {@code D}), white space collapsed. */
    static String unaccentedUpper(String name) {
        if (name == null) {
            return "";
        }
        String bare = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD))
                .replaceAll("")
                .replace('đ', 'd')
                .replace('Đ', 'D');
        return collapse(bare.toUpperCase(Locale.ROOT));
    }

    /** White space runs (Unicode white space included) as one space, trimmed. */
    static String collapse(String text) {
        return WHITE_SPACE.matcher(text).replaceAll(" ").trim();
    }
}
