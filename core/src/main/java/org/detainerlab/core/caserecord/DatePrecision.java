package org.detainerlab.core.caserecord;

import java.time.LocalDate;

/** How much of a date the source states; the stored date is the first day of that period. */
public enum DatePrecision {
    DAY, MONTH, YEAR;

    public LocalDate firstDay(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case MONTH -> date.withDayOfMonth(1);
            case YEAR -> date.withDayOfYear(1);
        };
    }
}
