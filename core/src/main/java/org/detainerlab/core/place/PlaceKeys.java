package org.detainerlab.core.place;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The two forms of a published name. The key ({@link #key}) is how a place is stored and found again: upper case,
 * trimmed, inner white space collapsed; migration 0050 computes the same key in SQL. The words ({@link #words}) are
 * how names are compared with the gazetteer and county names: letters and digits only, SAINT as ST, FORT as FT,
 * MOUNT as MT, so that {@code FT. BEND}, {@code Fort Bend} and {@code FORT  BEND} meet.
 */
public final class PlaceKeys {

    // compiled once: words() runs for every place resolved and every gazetteer entry loaded
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_WORD = Pattern.compile("[^A-Z0-9]+");

    private PlaceKeys() {
    }

    /** Upper case, trimmed, inner white space (also no-break spaces) collapsed; "" for null or blank. */
    public static String key(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        boolean space = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }

    /** Letters and digits as space-separated upper-case words, accents dropped, SAINT/FORT/MOUNT abbreviated. */
    public static String words(String raw) {
        if (raw == null) {
            return "";
        }
        String text = NOT_WORD.matcher(MARKS.matcher(Normalizer.normalize(raw, Normalizer.Form.NFD)).replaceAll("")
                .toUpperCase(Locale.ROOT).replace("'", "")).replaceAll(" ").trim();
        return (" " + text + " ").replace(" SAINT ", " ST ").replace(" FORT ", " FT ").replace(" MOUNT ", " MT ")
                .trim();
    }
}
