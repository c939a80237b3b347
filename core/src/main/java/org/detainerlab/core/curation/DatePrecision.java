package org.detainerlab.core.curation;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** How much of a curated date is known. The stored date is always the first day of the period. */
public enum DatePrecision {
    DAY, MONTH, YEAR;

    public LocalDate firstDay(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case MONTH -> date.withDayOfMonth(1);
            case YEAR -> date.withDayOfYear(1);
        };
    }

    public LocalDate lastDay(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case MONTH -> date.with(TemporalAdjusters.lastDayOfMonth());
            case YEAR -> date.with(TemporalAdjusters.lastDayOfYear());
        };
    }
}
