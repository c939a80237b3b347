package org.detainerlab.ingest.read.xlsx;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Excel date serials: days since an epoch, the fraction being the time of day. The 1900 system counts from
 * 1900-01-01 as day 1 and, copying a Lotus 1-2-3 bug, has a day 60 for the non-existent 1900-02-29, so every
 * later serial is one day ahead of a plain count; the 1904 system (old Mac workbooks) counts from 1904-01-01 as
 * day 0 without the bug.
 */
final class ExcelDates {

    private static final long DAY_0_OF_1900 = LocalDate.of(1899, 12, 31).toEpochDay();
    private static final long DAY_0_AFTER_LEAP_BUG = DAY_0_OF_1900 - 1;
    private static final long DAY_0_OF_1904 = LocalDate.of(1904, 1, 1).toEpochDay();
    private static final long FIRST_DAY = LocalDate.of(1900, 1, 1).toEpochDay();
    private static final long FIRST_DAY_AFTER_LEAP_BUG = LocalDate.of(1900, 3, 1).toEpochDay();
    private static final long LAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();
    private static final int FICTIONAL_LEAP_DAY = 60;
    private static final int SECONDS_PER_DAY = 86_400;

    private ExcelDates() {
    }

    /**
     * The serial as ISO text, {@code yyyy-MM-dd} when it has no time of day (after rounding to the nearest second)
     * and {@code yyyy-MM-dd'T'HH:mm:ss} otherwise; null when Excel cannot show it as a date (negative, or past
     * 9999-12-31). Serial 60 of the 1900 system comes out as the {@code 1900-02-29} Excel shows.
     */
    static String toIso(double serial, boolean date1904) {
        if (!(serial >= 0)) {
            return null;
        }
        long seconds = Math.round(serial * SECONDS_PER_DAY);
        long days = seconds / SECONDS_PER_DAY;
        int secondOfDay = (int) (seconds % SECONDS_PER_DAY);
        char[] text = new char[secondOfDay == 0 ? 10 : 19];
        if (!date1904 && days == FICTIONAL_LEAP_DAY) {
            writeDate(text, 1900, 2, 29);
        } else {
            long epochDay = date1904 ? DAY_0_OF_1904 + days
                    : days < FICTIONAL_LEAP_DAY ? DAY_0_OF_1900 + days : DAY_0_AFTER_LEAP_BUG + days;
            if (epochDay > LAST_DAY) {
                return null;
            }
            LocalDate date = LocalDate.ofEpochDay(epochDay);
            writeDate(text, date.getYear(), date.getMonthValue(), date.getDayOfMonth());
        }
        if (secondOfDay != 0) {
            text[10] = 'T';
            writeTwo(text, 11, secondOfDay / 3600);
            text[13] = ':';
            writeTwo(text, 14, secondOfDay / 60 % 60);
            text[16] = ':';
            writeTwo(text, 17, secondOfDay % 60);
        }
        return new String(text);
    }

    /** The 1900-system serial of a date; Excel holds no date before 1900-01-01 or after 9999-12-31. */
    static long serialOf(LocalDate date) {
        long epochDay = date.toEpochDay();
        if (epochDay < FIRST_DAY || epochDay > LAST_DAY) {
            throw new IllegalArgumentException(
                    "Excel holds dates from 1900-01-01 to 9999-12-31, not " + date + "; write it as text");
        }
        return epochDay < FIRST_DAY_AFTER_LEAP_BUG ? epochDay - DAY_0_OF_1900 : epochDay - DAY_0_AFTER_LEAP_BUG;
    }

    /** The 1900-system serial of a date and time, the time being the fraction of the day. */
    static double serialOf(LocalDateTime dateTime) {
        double secondOfDay = dateTime.toLocalTime().toSecondOfDay() + dateTime.getNano() / 1e9;
        return serialOf(dateTime.toLocalDate()) + secondOfDay / SECONDS_PER_DAY;
    }

    private static void writeDate(char[] text, int year, int month, int day) {
        writeTwo(text, 0, year / 100);
        writeTwo(text, 2, year % 100);
        text[4] = '-';
        writeTwo(text, 5, month);
        text[7] = '-';
        writeTwo(text, 8, day);
    }

    private static void writeTwo(char[] text, int at, int value) {
        text[at] = (char) ('0' + value / 10);
        text[at + 1] = (char) ('0' + value % 10);
    }
}
