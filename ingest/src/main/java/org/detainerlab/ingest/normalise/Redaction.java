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
        // Cheap test first: every marker names exemption 6 and is short.
        return text.length() <= 40 && text.indexOf('6') >= 0 && MARKER.matcher(text.strip()).matches();
    }
}
