package org.detainerlab.ingest.read.xlsx;

/**
 * The escape xlsx uses for characters XML 1.0 cannot carry (ECMA-376 Part 1, 22.9.2.19, ST_Xstring): Excel
 * writes a carriage return as {@code _x000D_}, and a literal {@code _x0041_} in the text as {@code _x005F_x0041_}.
 */
final class XString {

    private XString() {
    }

    /** The text with every {@code _xHHHH_} escape replaced by its character. */
    static String decode(String text) {
        int at = text.indexOf("_x");
        if (at < 0) {
            return text;
        }
        StringBuilder decoded = new StringBuilder(text.length());
        int copied = 0;
        for (; at >= 0; at = text.indexOf("_x", at)) {
            if (isEscapeAt(text, at)) {
                decoded.append(text, copied, at).append((char) Integer.parseInt(text, at + 2, at + 6, 16));
                at += 7;
                copied = at;
            } else {
                at++;
            }
        }
        return decoded.append(text, copied, text.length()).toString();
    }

    /** Whether {@code _xHHHH_} starts at the index, so that a literal occurrence must itself be escaped. */
    static boolean isEscapeAt(CharSequence text, int at) {
        if (at + 7 > text.length() || text.charAt(at) != '_' || text.charAt(at + 1) != 'x'
                || text.charAt(at + 6) != '_') {
            return false;
        }
        for (int i = at + 2; i < at + 6; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
