package org.detainerlab.core.curation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.detainerlab.core.common.FieldError;

/**
 * A date as curators know it: the first day of a day, month or year. Written {@code 2018-01-01},
 * {@code 2016-09} or {@code 2018}; a full date with a coarser precision must be the first day of its period.
 */
public record CuratedDate(LocalDate date, DatePrecision precision) {

    /** The earliest date a curated event may carry: the Declaration of Independence. */
    public static final LocalDate EARLIEST = LocalDate.of(1776, 7, 4);
    /** How far ahead a scheduled event (an effective or expiry date) may lie. */
    public static final int YEARS_AHEAD = 2;

    public LocalDate lastDay() {
        return precision.lastDay(date);
    }

    /** Parses and checks a date; adds what is wrong to {@code errors} and answers null then. */
    public static CuratedDate parse(String text, String precisionText, String field, LocalDate today,
                                    List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(field, "is required (YYYY-MM-DD, YYYY-MM or YYYY)", text));
            return null;
        }
        String value = text.trim();
        DatePrecision written = switch (value.length()) {
            case 4 -> DatePrecision.YEAR;
            case 7 -> DatePrecision.MONTH;
            default -> DatePrecision.DAY;
        };
        LocalDate date;
        try {
            date = LocalDate.parse(switch (written) {
                case YEAR -> value + "-01-01";
                case MONTH -> value + "-01";
                case DAY -> value;
            });
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", text));
            return null;
        }
        DatePrecision precision = written;
        if (precisionText != null && !precisionText.isBlank()) {
            precision = Enums.parse(DatePrecision.class, precisionText, precisionField(field), errors);
            if (precision == null) {
                return null;
            }
            if (precision.ordinal() < written.ordinal()) {
                errors.add(new FieldError(precisionField(field), "is finer than the date as written", precisionText));
                return null;
            }
            if (!precision.firstDay(date).equals(date)) {
                errors.add(new FieldError(field, "must be the first day of its " + precision.name().toLowerCase(Locale.ROOT)
                        + " when the precision is " + precision, text));
                return null;
            }
        }
        if (date.isBefore(EARLIEST) || date.isAfter(today.plusYears(YEARS_AHEAD))) {
            errors.add(new FieldError(field, "must lie between " + EARLIEST + " and " + YEARS_AHEAD
                    + " years from today (" + today.plusYears(YEARS_AHEAD) + ")", text));
            return null;
        }
        return new CuratedDate(date, precision);
    }

    private static String precisionField(String dateField) {
        int dot = dateField.lastIndexOf('.');
        return (dot < 0 ? "" : dateField.substring(0, dot + 1)) + "precision";
    }
}
