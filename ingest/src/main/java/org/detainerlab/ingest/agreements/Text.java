package org.detainerlab.ingest.agreements;

import java.util.Locale;

/**
 * How cell text is compared and trimmed. Spreadsheets exported from web pages carry non-breaking spaces, which
 * {@link String#strip()} keeps, so every kind of space counts here.
 */
final class Text {

    private Text() {
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** The text without leading and trailing spaces of any kind. */
    static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    static boolean isBlank(String text) {
        return trim(text).isEmpty();
    }

    /** How headers are matched: without any spaces, in upper case ({@code Support  type} is {@code SUPPORTTYPE}). */
    static String headerKey(String header) {
        StringBuilder key = new StringBuilder(header.length());
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (!isSpace(c)) {
                key.append(c);
            }
        }
        return key.toString().toUpperCase(Locale.ROOT);
    }
}
