package org.detainerlab.ingest.read.xlsx;

import java.util.Locale;

/** Sizes and counts written the way a person reads them in an error message. */
final class Sizes {

    private static final long KIB = 1L << 10;
    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;

    private Sizes() {
    }

    /** {@code 4 GiB}, {@code 50 MiB}, or {@code 1,000 bytes} when the size is not a whole number of units. */
    static String bytes(long size) {
        if (size >= GIB && size % GIB == 0) {
            return size / GIB + " GiB";
        }
        if (size >= MIB && size % MIB == 0) {
            return size / MIB + " MiB";
        }
        if (size >= KIB && size % KIB == 0) {
            return size / KIB + " KiB";
        }
        return count(size) + " bytes";
    }

    /** {@code 256 MiB}, rounded to the nearest whole MiB. */
    static String mebibytes(long size) {
        return count(Math.round((double) size / MIB)) + " MiB";
    }

    /** {@code 1,048,576}. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** {@code 200} rather than {@code 200.0}. */
    static String number(double value) {
        boolean whole = value == Math.rint(value) && Math.abs(value) < 1e15;
        return whole ? Long.toString((long) value) : Double.toString(value);
    }
}
