package org.detainerlab.ingest.normalise;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the dates of one layout. Real Excel dates arrive from the reader as ISO text, so ISO is tried first
 * (without a formatter, as it is the common case); then the profile's text formats, strictly (no 2015-02-30).
 * Distinct texts are few, so results are remembered.
 */
final class DateParser {

    private static final int MEMO_LIMIT = 50_000;

    private final List<DateTimeFormatter> formats;
    private final Map<String, LocalDate> memo = new HashMap<>();

    DateParser(List<String> patterns) {
        this.formats = patterns.stream()
                .map(p -> DateTimeFormatter.ofPattern(p.replace("yyyy", "uuuu").replace("yy", "uu"), Locale.ROOT)
                        .withResolverStyle(ResolverStyle.STRICT))
                .toList();
    }

    /** The date, or null when the text is not a date in any accepted format. */
    LocalDate parse(String text) {
        LocalDate known = memo.get(text);
        if (known != null) {
            return known;
        }
        LocalDate parsed = iso(text);
        for (int i = 0; parsed == null && i < formats.size(); i++) {
            try {
                parsed = LocalDate.parse(text, formats.get(i));
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        if (parsed != null) {
            if (memo.size() >= MEMO_LIMIT) {
                memo.clear();
            }
            memo.put(text, parsed);
        }
        return parsed;
    }

    /** {@code yyyy-MM-dd}, optionally followed by a time ({@code T} or space), which is ignored. */
    private static LocalDate iso(String text) {
        if (text.length() < 10 || text.charAt(4) != '-' || text.charAt(7) != '-'
                || (text.length() > 10 && text.charAt(10) != 'T' && text.charAt(10) != ' ')) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
