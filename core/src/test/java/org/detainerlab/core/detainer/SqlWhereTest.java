package org.detainerlab.core.detainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.detainerlab.core.detainer.SeriesTest.NJ;
import static org.detainerlab.core.detainer.SeriesTest.PA;
import static org.detainerlab.core.detainer.SeriesTest.release;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The series condition's SQL: parts of one release on the same days become one release-and-days test, with a
 * state list only where they do not serve every state asked about; a series cut into very many groups is matched
 * as arrays. The counts each form gives are checked against the rows by ReleaseSeriesTest.
 */
class SqlWhereTest {

    private static DetainerFilter onSeries(Series series, List<Series.Part> parts) {
        return new DetainerFilter(List.copyOf(series.releases().values()), List.of(), List.of(), List.of(), List.of(),
                Set.of(), List.of(), List.of(), Subject.NONE, null, null, List.of(), false, parts,
                Set.copyOf(series.stateKeys()));
    }

    @Test
    void aNationalReleaseIsTestedByReleaseAndDaysAndAStateReleaseAlsoByItsStates() {
        Series series = Series.of(List.of(
                new Series.Ranked(release(2, "2015-07-19", "2015-12-31"), List.of(PA)),
                new Series.Ranked(release(1, "2014-10-01", "2015-09-30"), null)), List.of(PA, NJ));
        List<Series.Part> parts = series.select(List.of(), List.of(new Series.Days(null, null)));

        String sql = SqlWhere.of(onSeries(series, parts), SqlWhere.Source.ROWS).sql();

        assertThat(sql).doesNotContain("unnest");
        // release 2 takes Pennsylvania from 2015-07-19, so no group of parts serves every state: each names its own
        assertThat(sql).containsPattern("\\(d\\.release_id = \\? and d\\.prepare_date between \\? and \\?"
                + " and coalesce\\(d\\.state_id, 0\\) = any\\(\\?\\)\\)");
        Series national = Series.of(List.of(new Series.Ranked(release(1, "2014-10-01", "2015-09-30"), null)),
                List.of(PA, NJ));
        String whole = SqlWhere.of(onSeries(national, national.parts()), SqlWhere.Source.ROWS).sql();
        assertThat(whole).contains("(d.release_id = ? and d.prepare_date between ? and ?)")
                .doesNotContain("coalesce(d.state_id");
    }

    @Test
    void aSeriesOfVeryManyGroupsIsMatchedAsArrays() {
        List<Series.Ranked> ranked = new ArrayList<>();
        LocalDate day = LocalDate.parse("2015-01-01");
        for (int i = 0; i < 70; i++) {
            ranked.add(new Series.Ranked(release(i + 1, day.plusDays(i).toString(), day.plusDays(i).toString()), null));
        }
        Series series = Series.of(ranked, List.of(PA));

        String sql = SqlWhere.of(onSeries(series, series.parts()), SqlWhere.Source.ROWS).sql();

        assertThat(sql).contains("exists (select 1 from unnest(?, ?, ?, ?)").doesNotContain(" or ");
    }
}
