package org.detainerlab.core.detainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The series rule on hand-made releases: rank order, scope, day boundaries, month exactness, gaps. */
class SeriesTest {

    static final long PA = 42;
    static final long NJ = 34;

    /** A national release of ten rows covering from..to; SqlWhereTest uses it too. */
    static ReleaseRef release(long id, String from, String to) {
        return new ReleaseRef(id, "release " + id, "f" + id + ".xlsx", "0".repeat(64), LocalDate.parse(from),
                LocalDate.parse(to), 10, null, false);
    }

    private static LocalDate day(String value) {
        return LocalDate.parse(value);
    }

    @Test
    void aHigherRankedStateReleaseTakesItsDaysAndTheNationalOneKeepsTheRest() {
        Series series = Series.of(List.of(
                new Series.Ranked(release(2, "2015-07-19", "2015-12-31"), List.of(PA)),
                new Series.Ranked(release(1, "2014-10-01", "2015-09-30"), null)), List.of(PA, NJ));

        List<Series.Part> pa = series.select(List.of(PA), List.of(new Series.Days(null, null)));
        assertThat(pa).containsExactly(
                new Series.Part(1, PA, day("2014-10-01"), day("2015-07-18"), false),
                new Series.Part(2, PA, day("2015-07-19"), day("2015-12-31"), true));
        assertThat(series.select(List.of(NJ), List.of(new Series.Days(null, null)))).containsExactly(
                new Series.Part(1, NJ, day("2014-10-01"), day("2015-09-30"), true));
        assertThat(series.parts()).anyMatch(p -> p.stateKey() == Series.NO_STATE && p.releaseId() == 1);
        assertThat(series.parts()).noneMatch(p -> p.stateKey() == Series.NO_STATE && p.releaseId() == 2);
    }

    @Test
    void aQuestionsDaysClipThePartsAndWholeMonthsStayExact() {
        Series series = Series.of(List.of(
                new Series.Ranked(release(2, "2015-07-19", "2015-12-31"), List.of(PA)),
                new Series.Ranked(release(1, "2014-10-01", "2015-09-30"), null)), List.of(PA, NJ));

        List<Series.Part> spring = series.select(List.of(PA), List.of(new Series.Days(day("2015-03-01"),
                day("2015-05-31"))));
        assertThat(spring).containsExactly(new Series.Part(1, PA, day("2015-03-01"), day("2015-05-31"), true));
        assertThat(series.select(List.of(PA), List.of(new Series.Days(day("2015-07-01"), day("2015-07-31")))))
                .extracting(Series.Part::monthExact).containsExactly(false, true);
    }

    @Test
    void gapsAreTheDaysNoReleaseCoversGroupedByDays() {
        Series series = Series.of(List.of(
                new Series.Ranked(release(2, "2016-01-01", "2016-06-30"), List.of(PA)),
                new Series.Ranked(release(1, "2015-01-01", "2015-06-30"), null)), List.of(PA, NJ));

        List<Series.Gap> gaps = series.gaps(List.of(), List.of(new Series.Days(day("2015-01-01"),
                day("2016-06-30"))), id -> id == PA ? "PA" : "NJ");
        assertThat(gaps).containsExactly(
                new Series.Gap(day("2015-07-01"), day("2015-12-31"), List.of("PA")),
                new Series.Gap(day("2015-07-01"), day("2016-06-30"), List.of("NJ")));
    }

    @Test
    void aWithdrawnReleaseServesNothing() {
        ReleaseRef withdrawn = new ReleaseRef(3, "withdrawn", "w.xlsx", "0".repeat(64), day("2015-01-01"),
                day("2015-12-31"), 10, null, true);
        Series series = Series.of(List.of(new Series.Ranked(withdrawn, null)), List.of(PA));
        assertThat(series.parts()).isEmpty();
    }
}
