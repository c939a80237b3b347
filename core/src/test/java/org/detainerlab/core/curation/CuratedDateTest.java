package org.detainerlab.core.curation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.detainerlab.core.common.FieldError;
import org.junit.jupiter.api.Test;

class CuratedDateTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    private static CuratedDate parse(String text, String precision, List<FieldError> errors) {
        return CuratedDate.parse(text, precision, "events[0].date", TODAY, errors);
    }

    @Test
    void theShapeOfTheDateGivesItsPrecision() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(parse("2016-09", null, errors)).isEqualTo(new CuratedDate(LocalDate.of(2016, 9, 1), DatePrecision.MONTH));
        assertThat(parse("2018", null, errors)).isEqualTo(new CuratedDate(LocalDate.of(2018, 1, 1), DatePrecision.YEAR));
        assertThat(parse("2016-09-01", "month", errors).precision()).isEqualTo(DatePrecision.MONTH);
        assertThat(parse("2018", null, errors).lastDay()).isEqualTo(LocalDate.of(2018, 12, 31));
        assertThat(errors).isEmpty();
    }

    @Test
    void datesOutsideTheSanityLimitsNameTheLimits() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(parse("1776-07-03", null, errors)).isNull();
        assertThat(parse("2028-11-22", null, errors)).isNull();
        assertThat(parse("1776-07-04", null, errors)).isNotNull();
        assertThat(parse("2028-11-21", null, errors)).isNotNull();
        assertThat(errors).extracting(FieldError::message).allSatisfy(m -> assertThat(m).contains("1776-07-04")
                .contains("2028-11-21"));
        assertThat(errors).hasSize(2);
    }

    @Test
    void malformedDatesAndPrecisionsAreFieldErrors() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(parse("2018-02-30", null, errors)).isNull();
        assertThat(parse("2018", "DAY", errors)).isNull();
        assertThat(parse("2018-01-01", "WEEK", errors)).isNull();
        assertThat(parse("2018-03-15", "YEAR", errors)).isNull();
        assertThat(errors).extracting(FieldError::field).containsExactly("events[0].date", "events[0].precision",
                "events[0].precision", "events[0].date");
    }
}
