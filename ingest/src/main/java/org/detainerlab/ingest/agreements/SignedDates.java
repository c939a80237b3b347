package org.detainerlab.ingest.agreements;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * Reads the SIGNED column. Excel dates come from the reader as ISO text; the January 2025 list writes ISO text
 * itself; m/d/yyyy is how dates are typed in U.S. spreadsheets. Parsing is strict, so 2025-02-30 is not a date.
 * A date is plausible from the day 287(g) became law (IIRIRA, signed 1996-09-30) to the day of the load.
 */
final class SignedDates {

    static final LocalDate EARLIEST = LocalDate.of(1996, 9, 30);

    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/uuuu", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private SignedDates() {
    }

    /** The date a trimmed cell holds, or null when it holds none (or an impossible one). */
    static LocalDate parse(String text) {
        LocalDate iso = iso(text);
        if (iso != null) {
            return iso;
        }
        try {
            return LocalDate.parse(text, US);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static boolean plausible(LocalDate date, LocalDate today) {
        return !date.isBefore(EARLIEST) && !date.isAfter(today);
    }

    /** {@code yyyy-MM-dd}, optionally followed by a time, which the reader adds to dates with one. */
    private static LocalDate iso(String text) {
        if (text.length() < 10 || (text.length() > 10 && text.charAt(10) != 'T' && text.charAt(10) != ' ')) {
            return null;
        }
        String date = text.substring(0, 10);
        if (!date.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(date.substring(0, 4)), Integer.parseInt(date.substring(5, 7)),
                    Integer.parseInt(date.substring(8, 10)));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
