package org.detainerlab.ingest.read.xlsx;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Numbers as xlsx stores them ({@code 1987}, {@code 0.30000000000000004}, {@code 1.5E-3}) turned into plain text. */
final class NumberText {

    /**
     * Excel keeps and shows 15 significant digits; the 16th and 17th digits some writers store are binary noise
     * ({@code 0.1+0.2} is stored as {@code 0.30000000000000004} and shown as {@code 0.3}).
     */
    private static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_UP);
    private static final int FAST_DIGITS = 15;
    /** Doubles, which is what spreadsheets store, reach 1.8E308 and go down to 4.9E-324. */
    private static final int MAX_DOUBLE_MAGNITUDE = 309;
    private static final int MIN_DOUBLE_MAGNITUDE = -323;
    private static final int MAX_WHOLE_DIGITS = 9;
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15};

    private NumberText() {
    }

    /**
     * Plain notation without exponent or trailing zeros ({@code 1987}, {@code 0.25}, {@code 0.0015}), or null when
     * the text is not a number a spreadsheet can hold.
     */
    static String plain(CharSequence value) {
        if (isFinal(value)) {
            return value.toString();
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value.toString());
        } catch (NumberFormatException notANumber) {
            return null;
        }
        // digits before the decimal point, negative for small fractions: judged without the slow doubleValue()
        int magnitude = number.precision() - number.scale();
        if (magnitude > MAX_DOUBLE_MAGNITUDE) {
            return null;
        }
        if (number.signum() == 0 || magnitude < MIN_DOUBLE_MAGNITUDE) {
            return "0";
        }
        if (number.precision() > FAST_DIGITS) {
            number = number.round(EXCEL_PRECISION);
        }
        return number.stripTrailingZeros().toPlainString();
    }

    /**
     * The value of a number as xlsx stores it. Date serials ({@code 42035}, {@code 42035.5423611111}) are parsed
     * by hand, digits past the 15th decimal (under a nanosecond of a day) ignored; other forms go to the JDK.
     *
     * @throws NumberFormatException when the text is not a number
     */
    static double value(CharSequence text) {
        int length = text.length();
        long whole = 0;
        int i = 0;
        for (; i < length && i <= MAX_WHOLE_DIGITS && isDigit(text.charAt(i)); i++) {
            whole = whole * 10 + (text.charAt(i) - '0');
        }
        if (i == 0 || i > MAX_WHOLE_DIGITS) {
            return Double.parseDouble(text.toString());
        }
        if (i == length) {
            return whole;
        }
        if (text.charAt(i) != '.') {
            return Double.parseDouble(text.toString());
        }
        long fraction = 0;
        int decimals = 0;
        for (i++; i < length; i++) {
            char ch = text.charAt(i);
            if (!isDigit(ch)) {
                return Double.parseDouble(text.toString());
            }
            if (decimals < POWERS_OF_TEN.length - 1) {
                fraction = fraction * 10 + (ch - '0');
                decimals++;
            }
        }
        return whole + fraction / POWERS_OF_TEN[decimals];
    }

    /**
     * Whether the text already is its own plain form: an optional minus, an integer part without leading zeros,
     * an optional fraction not ending in zero, and at most 15 digits ({@code 1987}, {@code -0.25}). Most numbers
     * in data releases are, and skip the BigDecimal.
     */
    private static boolean isFinal(CharSequence value) {
        int length = value.length();
        int i = length > 0 && value.charAt(0) == '-' ? 1 : 0;
        int integerStart = i;
        while (i < length && isDigit(value.charAt(i))) {
            i++;
        }
        int integerDigits = i - integerStart;
        if (integerDigits == 0 || integerDigits > 1 && value.charAt(integerStart) == '0') {
            return false;
        }
        if (i == length) {
            return integerDigits <= FAST_DIGITS && !(integerStart == 1 && value.charAt(1) == '0');
        }
        if (value.charAt(i) != '.' || i + 1 == length || value.charAt(length - 1) == '0'
                || length - integerStart - 1 > FAST_DIGITS) {
            return false;
        }
        for (i++; i < length; i++) {
            if (!isDigit(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }
}
