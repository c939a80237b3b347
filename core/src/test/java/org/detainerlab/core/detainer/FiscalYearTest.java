package org.detainerlab.core.detainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FiscalYearTest {

    @ParameterizedTest
    @CsvSource({
            "2014-09-30, 2014",
            "2014-10-01, 2015",
            "2015-07-19, 2015",
            "2015-09-30, 2015",
            "2015-10-01, 2016",
            "2024-12-31, 2025",
            "2025-01-01, 2025"})
    void fiscalYearStartsInOctober(LocalDate date, int expected) {
        assertThat(FiscalYear.of(date)).isEqualTo(expected);
    }

    @Test
    void boundsOfAFiscalYear() {
        assertThat(FiscalYear.firstDay(2015)).isEqualTo(LocalDate.of(2014, 10, 1));
        assertThat(FiscalYear.lastDay(2015)).isEqualTo(LocalDate.of(2015, 9, 30));
        assertThat(FiscalYear.of(FiscalYear.firstDay(2026))).isEqualTo(2026);
        assertThat(FiscalYear.of(FiscalYear.lastDay(2026))).isEqualTo(2026);
    }
}
