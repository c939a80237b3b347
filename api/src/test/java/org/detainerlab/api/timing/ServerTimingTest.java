package org.detainerlab.api.timing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The header keeps the form benchmarks parse (milliseconds with three decimals) without a formatter per request. */
class ServerTimingTest {

    @ParameterizedTest(name = "{0} ns")
    @CsvSource({
            "0, app;dur=0.000",
            "999, app;dur=0.000",
            "7000, app;dur=0.007",
            "65000, app;dur=0.065",
            "650000, app;dur=0.650",
            "3190999, app;dur=3.190",
            "1068500000, app;dur=1068.500",
            "-5, app;dur=0.000"})
    void millisecondsWithThreeDecimals(long nanos, String expected) {
        assertThat(ServerTiming.header(nanos)).isEqualTo(expected);
    }
}
