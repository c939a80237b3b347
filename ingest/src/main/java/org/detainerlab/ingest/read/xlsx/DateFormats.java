package org.detainerlab.ingest.read.xlsx;

/**
 * Decides whether a number format shows its number as a date or time. xlsx stores dates as plain numbers (days
 * since 1900 or 1904); only the cell's number format says a number is a date.
 */
final class DateFormats {

    private DateFormats() {
    }

    /** Built-in formats (ECMA-376 Part 1, 18.8.30) that show dates or times; their codes are not in the file. */
    static boolean isBuiltInDate(int numFmtId) {
        return numFmtId >= 14 && numFmtId <= 22
                || numFmtId >= 27 && numFmtId <= 36
                || numFmtId >= 45 && numFmtId <= 47
                || numFmtId >= 50 && numFmtId <= 58;
    }

    /**
     * Whether a custom format code shows a date or time: it has a d, m, y, h or s outside quoted text, escaped
     * characters and {@code [...]} sections (colours, locales, conditions). A format whose only clock part is an
     * elapsed-time section such as {@code [h]:mm} shows a duration, not a point in time, so it is not a date.
     */
    static boolean isDateCode(String code) {
        boolean dayOrYear = false;
        boolean clock = false;
        boolean elapsed = false;
        int length = code.length();
        for (int i = 0; i < length; i++) {
            char ch = code.charAt(i);
            switch (ch) {
                case '"' -> {
                    int close = code.indexOf('"', i + 1);
                    i = close < 0 ? length : close;
                }
                case '\\', '_', '*' -> i++;
                case '[' -> {
                    int close = code.indexOf(']', i + 1);
                    int end = close < 0 ? length : close;
                    elapsed |= isElapsedSection(code, i + 1, end);
                    i = end;
                }
                case 'd', 'D', 'y', 'Y' -> dayOrYear = true;
                case 'm', 'M', 'h', 'H', 's', 'S' -> clock = true;
            }
        }
        return dayOrYear || clock && !elapsed;
    }

    private static boolean isElapsedSection(String code, int from, int to) {
        if (from >= to) {
            return false;
        }
        char first = Character.toLowerCase(code.charAt(from));
        if (first != 'h' && first != 'm' && first != 's') {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            if (Character.toLowerCase(code.charAt(i)) != first) {
                return false;
            }
        }
        return true;
    }
}
