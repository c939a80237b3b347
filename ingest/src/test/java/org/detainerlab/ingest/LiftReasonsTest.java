package org.detainerlab.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.detainerlab.core.detainer.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LiftReasonsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Detainer Declined by LEA | DECLINED",
            "detainer declined by lea  | DECLINED",
            "Booked into Detention | ICE_CUSTODY",
            "Lifted - Lack of Funds | LIFTED",
            "Prosecutorial Discretion | LIFTED",
            "Noncitizen Not Amenable to Removal | LIFTED",
            "USC or Presumptive Claim to US Citizenship | LIFTED",
            "Case Closed | OTHER_CLOSED",
            "No longer in State, Local, or Federal Custody | OTHER_CLOSED",
            "Died | OTHER_CLOSED"})
    void mapsPublishedReasons(String raw, Outcome expected) {
        assertThat(LiftReasons.outcomeOf(raw)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void blankIsUnknownNotHonoured(String raw) {
        assertThat(LiftReasons.outcomeOf(raw)).contains(Outcome.UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Honored", "Declined by sheriff", "b(6), b(7)c"})
    void unlistedTextIsNotGuessed(String raw) {
        assertThat(LiftReasons.outcomeOf(raw)).isEmpty();
    }
}
