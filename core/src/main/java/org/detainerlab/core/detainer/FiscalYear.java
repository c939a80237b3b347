package org.detainerlab.core.detainer;

import java.time.LocalDate;
import java.time.Month;

/** The U.S. federal fiscal year, which runs from October 1 to September 30 and is named by its end year. */
public final class FiscalYear {

    private FiscalYear() {
    }

    /** FY2015 is 2014-10-01 .. 2015-09-30. */
    public static int of(LocalDate date) {
        return date.getMonthValue() >= Month.OCTOBER.getValue() ? date.getYear() + 1 : date.getYear();
    }

    public static LocalDate firstDay(int fiscalYear) {
        return LocalDate.of(fiscalYear - 1, Month.OCTOBER, 1);
    }

    public static LocalDate lastDay(int fiscalYear) {
        return LocalDate.of(fiscalYear, Month.SEPTEMBER, 30);
    }
}
