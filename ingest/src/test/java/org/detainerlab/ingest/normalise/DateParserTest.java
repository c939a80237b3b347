package org.detainerlab.ingest.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParserTest {

    private final DateParser parser = new DateParser(List.of("yyyy-MM-dd", "M/d/yyyy", "M/d/yy"));

    @ParameterizedTest
    @CsvSource({"2015-01-31, 2015-01-31", "2015-01-31T13:45:00, 2015-01-31", "2015-01-31 00:00:00, 2015-01-31",
            "1/31/2015, 2015-01-31", "12/1/2014, 2014-12-01", "1/31/15, 2015-01-31"})
    void acceptsExcelIsoAndTextDates(String text, LocalDate expected) {
        assertThat(parser.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2015-02-30", "2015-13-01", "31/01/2015", "not a date", "2015/01/31", "42005", "2015-1-3"})
    void refusesWhatIsNotADate(String text) {
        assertThat(parser.parse(text)).isNull();
    }
}
