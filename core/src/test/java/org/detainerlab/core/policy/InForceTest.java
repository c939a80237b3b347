package org.detainerlab.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.detainerlab.core.curation.DatePrecision;
import org.detainerlab.core.curation.VerificationStatus;
import org.detainerlab.core.curation.VerificationView;
import org.junit.jupiter.api.Test;

class InForceTest {

    private static PolicyEventView event(PolicyEventType type, String date) {
        return event(type, date, DatePrecision.DAY);
    }

    private static PolicyEventView event(PolicyEventType type, String date, DatePrecision precision) {
        return new PolicyEventView(type, LocalDate.parse(date), precision, null, List.of(),
                new VerificationView(VerificationStatus.UNVERIFIED, null, null, null));
    }

    private static PolicyEventType basis(List<PolicyEventView> events, String at) {
        return InForce.since(events, LocalDate.parse(at)).map(PolicyEventView::type).orElse(null);
    }

    @Test
    void inForceFromTheEffectiveDateNotFromSigning() {
        List<PolicyEventView> sb54 = List.of(event(PolicyEventType.SIGNED, "2017-10-05"),
                event(PolicyEventType.EFFECTIVE, "2018-01-01"));
        assertThat(basis(sb54, "2017-12-31")).isNull();
        assertThat(basis(sb54, "2018-01-01")).isEqualTo(PolicyEventType.EFFECTIVE);
    }

    @Test
    void anInjunctionSuspendsUntilUpheldAndARepealEnds() {
        List<PolicyEventView> events = List.of(event(PolicyEventType.EFFECTIVE, "2015-01-01"),
                event(PolicyEventType.ENJOINED, "2015-06-01"), event(PolicyEventType.UPHELD, "2016-01-01"),
                event(PolicyEventType.REPEALED, "2019-01-01"));
        assertThat(basis(events, "2015-05-31")).isEqualTo(PolicyEventType.EFFECTIVE);
        assertThat(basis(events, "2015-06-01")).isNull();
        assertThat(InForce.since(events, LocalDate.parse("2017-01-01")).orElseThrow().date())
                .isEqualTo(LocalDate.parse("2016-01-01"));
        assertThat(basis(events, "2019-01-01")).isNull();
    }

    @Test
    void anUpheldWithoutAnEffectiveDateDoesNotPutAPolicyInForce() {
        assertThat(basis(List.of(event(PolicyEventType.SIGNED, "2015-01-01"),
                event(PolicyEventType.UPHELD, "2016-01-01")), "2017-01-01")).isNull();
    }

    @Test
    void aRepealedPolicyStaysOutEvenWhenLaterUpheld() {
        assertThat(basis(List.of(event(PolicyEventType.EFFECTIVE, "2015-01-01"),
                event(PolicyEventType.REPEALED, "2016-01-01"), event(PolicyEventType.UPHELD, "2016-06-01")),
                "2017-01-01")).isNull();
    }

    @Test
    void aMonthPrecisionDateCountsFromTheFirstDayOfTheMonth() {
        List<PolicyEventView> events = List.of(event(PolicyEventType.EFFECTIVE, "2011-10-01", DatePrecision.MONTH));
        assertThat(basis(events, "2011-09-30")).isNull();
        assertThat(InForce.since(events, LocalDate.parse("2011-10-01")).orElseThrow().precision())
                .isEqualTo(DatePrecision.MONTH);
    }

    @Test
    void spansAreTheStretchesOfDaysInForceWithAnOpenEnd() {
        List<PolicyEventView> events = List.of(event(PolicyEventType.SIGNED, "2017-05-07"),
                event(PolicyEventType.ENJOINED, "2017-08-30"), event(PolicyEventType.EFFECTIVE, "2017-09-01"),
                event(PolicyEventType.UPHELD, "2017-09-25"), event(PolicyEventType.STRUCK_DOWN, "2019-02-10"),
                event(PolicyEventType.UPHELD, "2019-06-01"), event(PolicyEventType.REPEALED, "2021-01-01"),
                event(PolicyEventType.EFFECTIVE, "2022-03-15"));
        assertThat(InForce.spans(events)).containsExactly(
                new InForce.Span(LocalDate.parse("2017-09-25"), LocalDate.parse("2019-02-09")),
                new InForce.Span(LocalDate.parse("2019-06-01"), LocalDate.parse("2020-12-31")),
                new InForce.Span(LocalDate.parse("2022-03-15"), null));
        assertThat(InForce.spans(List.of(event(PolicyEventType.SIGNED, "2020-01-01")))).isEmpty();
    }
}
