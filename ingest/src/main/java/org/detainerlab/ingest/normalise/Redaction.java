package org.detainerlab.ingest.normalise;

import java.util.regex.Pattern;

/**
 * Recognises FOIA redaction markers, which ICE writes into withheld cells: {@code b(6), b(7)c},
 * {@code b(6), b(7)C}, {@code (b)(6), (b)(7)(C)}, {@code b6,b7c} and similar.
 */
final class Redaction {

    private static final Pattern MARKER = Pattern.compile(
            "\\(?b\\)?\\s*\\(?\\s*6\\s*\\)?\\s*[,;/&]?\\s*(and\\s*)?\\(?b\\)?\\s*\\(?\\s*7\\s*\\)?\\s*\\(?\\s*c\\s*\\)?",
            Pattern.CASE_INSENSITIVE);

    private Redaction() {
    }

    static boolean isMarker(String text) {
        // Cheap tests first, the cheapest first: a marker is short and starts with "b" or "(b" (most cells are told
        // apart by their first character, which leaves out the hexadecimal identifiers that hold b, 6 and 7 often),
        // and names exemptions 6 and 7 (dates, identifiers and birth years hold a 6 often enough that testing for the
        // 6 alone sent a regular expression through most rows).
        return text.length() <= 40 && startsAsMarker(text) && text.indexOf('6') >= 0 && text.indexOf('7') >= 0
                && MARKER.matcher(text.strip()).matches();
    }

    private static boolean startsAsMarker(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == 'b' || c == 'B' || c == '(';
            }
        }
        return false;
    }
}
