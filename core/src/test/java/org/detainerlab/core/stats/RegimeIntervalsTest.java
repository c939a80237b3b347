package org.detainerlab.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.detainerlab.core.policy.PolicyRef;
import org.detainerlab.core.policy.Provision;
import org.junit.jupiter.api.Test;

/**
 * The columnar copy joins a row to at most one interval per kind and key, so overlapping or adjacent spans must
 * become one interval and separate ones stay apart; a county's span also counts for its state (COUNTY_IN_STATE) and
 * every span for ANY.
 */
class RegimeIntervalsTest {

    private static final PolicyRef POLICY = new PolicyRef(1, "p", "P", 1, List.of(), List.of());

    private static PolicyRegimes.Span span(long jurisdiction, PolicyRegimes.Level level, Long state, String from,
                                           String to) {
        return new PolicyRegimes.Span(POLICY, jurisdiction, level, state, LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to));
    }

    @Test
    void overlappingAndAdjacentSpansMergeAndSeparateOnesStayApart() {
        PolicyRegimes.Regime regime = new PolicyRegimes.Regime(Provision.DECLINES_DETAINER_HOLDS, List.of(
                span(6, PolicyRegimes.Level.STATE, 6L, "2014-01-01", "2015-06-30"),
                span(6, PolicyRegimes.Level.STATE, 6L, "2015-07-01", "2016-12-31"),
                span(6, PolicyRegimes.Level.STATE, 6L, "2016-06-01", "2017-03-31"),
                span(6, PolicyRegimes.Level.STATE, 6L, "2019-01-01", null),
                span(6037, PolicyRegimes.Level.COUNTY, 6L, "2013-05-01", "2013-05-31"),
                span(0, PolicyRegimes.Level.NATION, null, "2020-01-01", "2020-12-31")), List.of());
        assertThat(regime.intervals()).containsExactlyInAnyOrder(
                interval("ANY", 0, "2013-05-01", "2013-05-31"),
                interval("ANY", 0, "2014-01-01", "2017-03-31"),
                interval("ANY", 0, "2019-01-01", "9999-12-31"),
                interval("COUNTY", 6037, "2013-05-01", "2013-05-31"),
                interval("COUNTY_IN_STATE", 6, "2013-05-01", "2013-05-31"),
                interval("NATION", 0, "2020-01-01", "2020-12-31"),
                interval("STATE", 6, "2014-01-01", "2017-03-31"),
                interval("STATE", 6, "2019-01-01", "9999-12-31"));
    }

    private static PolicyRegimes.Interval interval(String kind, long key, String from, String to) {
        return new PolicyRegimes.Interval(kind, key, LocalDate.parse(from), LocalDate.parse(to));
    }
}
