package org.detainerlab.ingest.read.xlsx;

/** A1-style cell references as xlsx parts use them ({@code C5}: column C, row 5). */
final class CellReference {

    /** Excel's column limit (XFD); a reference beyond it is refused rather than allocated for. */
    static final int MAX_COLUMNS = 16_384;

    /** Excel's row limit. */
    static final int MAX_ROWS = 1_048_576;

    private CellReference() {
    }

    /**
     * The 0-based column of a reference such as {@code C5} (2), given as ASCII bytes, or -1 when it does not start
     * with column letters or names a column past XFD.
     */
    static int columnOf(byte[] reference, int from, int to) {
        int column = 0;
        int i = from;
        for (; i < to; i++) {
            int ch = reference[i];
            if (ch >= 'A' && ch <= 'Z') {
                column = column * 26 + (ch - 'A' + 1);
            } else if (ch >= 'a' && ch <= 'z') {
                column = column * 26 + (ch - 'a' + 1);
            } else {
                break;
            }
            if (column > MAX_COLUMNS) {
                return -1;
            }
        }
        return i == from ? -1 : column - 1;
    }

    /**
     * A non-negative decimal integer that fits an int, or -1 (also for null); parsed by hand because it runs for
     * every cell.
     */
    static int parseIndex(CharSequence text) {
        if (text == null) {
            return -1;
        }
        int length = text.length();
        if (length == 0 || length > 10) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            char ch = text.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            value = value * 10 + (ch - '0');
        }
        return value > Integer.MAX_VALUE ? -1 : (int) value;
    }

    /** {@link #parseIndex(CharSequence)} of ASCII bytes, as attribute values are read in place. */
    static int parseIndex(byte[] text, int from, int to) {
        int length = to - from;
        if (length == 0 || length > 10) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int ch = text[i];
            if (ch < '0' || ch > '9') {
                return -1;
            }
            value = value * 10 + (ch - '0');
        }
        return value > Integer.MAX_VALUE ? -1 : (int) value;
    }
}
