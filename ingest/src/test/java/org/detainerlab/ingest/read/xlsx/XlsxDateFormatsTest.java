package org.detainerlab.ingest.read.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which number formats are dates, and how date serials map to calendar dates in both directions. */
class XlsxDateFormatsTest {

    @ParameterizedTest
    @ValueSource(strings = {"yyyy-mm-dd", "m/d/yy h:mm", "mm/dd/yyyy", "d-mmm-yy", "[$-409]mmmm d, yyyy;@",
        "h:mm AM/PM", "hh:mm:ss", "[Blue]dd/mm/yyyy", "yyyy\"年\"m\"月\"d\"日\"", "[h]:mm:ss dd", "DD.MM.YYYY"})
    void dateAndTimeCodesAreDates(String code) {
        assertThat(DateFormats.isDateCode(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"General", "0", "0.00", "#,##0", "[Red]0.00", "0.00E+00", "0%", "@",
        "\"days\" 0", "0 \"ms\"", "\\d0", "#,##0_);[Red](#,##0)", "[h]:mm:ss", "[mm]:ss", "[$€-2] #,##0.00",
        "_-* #,##0_-;-* #,##0_-;_-* \"-\"_-;_-@_-"})
    void numberTextAndElapsedTimeCodesAreNotDates(String code) {
        assertThat(DateFormats.isDateCode(code)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 36, 45, 46, 47, 50, 58})
    void builtInDateFormatsAreDates(int numFmtId) {
        assertThat(DateFormats.isBuiltInDate(numFmtId)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 23, 26, 37, 44, 48, 49, 59, 164})
    void builtInNumberFormatsAreNotDates(int numFmtId) {
        assertThat(DateFormats.isBuiltInDate(numFmtId)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "1, 1900-01-01", "59, 1900-02-28", "60, 1900-02-29", "61, 1900-03-01", "42035, 2015-01-31",
        "42035.25, 2015-01-31T06:00:00", "42035.999994, 2015-01-31T23:59:59", "42035.999995, 2015-02-01",
        "2958465, 9999-12-31"})
    void serialsOfThe1900System(double serial, String iso) {
        assertThat(ExcelDates.toIso(serial, false)).isEqualTo(iso);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1, 2958466, Double.NaN, Double.POSITIVE_INFINITY})
    void serialsExcelCannotShowAsDatesAreNotDates(double serial) {
        assertThat(ExcelDates.toIso(serial, false)).isNull();
    }

    @Test
    void serialsOfThe1904System() {
        assertThat(ExcelDates.toIso(0, true)).isEqualTo("1904-01-01");
        assertThat(ExcelDates.toIso(1, true)).isEqualTo("1904-01-02");
        assertThat(ExcelDates.toIso(40574, true)).isEqualTo(ExcelDates.toIso(42036, false));
    }

    @ParameterizedTest
    @CsvSource({"1900-01-01, 1", "1900-02-28, 59", "1900-03-01, 61", "2015-01-31, 42035", "9999-12-31, 2958465"})
    void writtenDatesUseThe1900SerialsExcelUses(LocalDate date, long serial) {
        assertThat(ExcelDates.serialOf(date)).isEqualTo(serial);
        assertThat(ExcelDates.toIso(serial, false)).isEqualTo(date.toString());
    }

    @Test
    void writtenDateTimesCarryTheTimeAsTheFractionOfTheDay() {
        assertThat(ExcelDates.serialOf(LocalDateTime.of(2015, 1, 31, 18, 0))).isEqualTo(42035.75);
        assertThat(ExcelDates.toIso(ExcelDates.serialOf(LocalDateTime.of(2015, 1, 31, 13, 45, 59)), false))
                .isEqualTo("2015-01-31T13:45:59");
        assertThatThrownBy(() -> ExcelDates.serialOf(LocalDate.of(1899, 12, 31)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
