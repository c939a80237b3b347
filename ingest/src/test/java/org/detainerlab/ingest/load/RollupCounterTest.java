package org.detainerlab.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.detainerlab.core.testing.MigratedDatabase;
import org.detainerlab.ingest.generate.Layout;
import org.detainerlab.ingest.generate.SyntheticReleases;
import org.detainerlab.ingest.read.ReadLimits;
import org.detainerlab.ingest.report.Thresholds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rollup the loader counts while reading equals a GROUP BY over the rows it loaded. */
class RollupCounterTest {

    private static final String GROUPS = "release_id, month, state_id, facility_id, outcome, lift_reason_raw,"
            + " detainer_type, criminality, likely_duplicate";

    private static MigratedDatabase database;
    private static ReleaseLoader loader;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        database = MigratedDatabase.start();
        loader = new ReleaseLoader(database::connect, ReadLimits.DEFAULT,
                Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void theRollupOfALoadedReleaseEqualsAGroupByOverItsRows() throws Exception {
        Path file = dir.resolve("modern.csv");
        SyntheticReleases.write(Layout.ICE_MODERN_CSV, 20_000, 11, file);
        long id = loader.ingest(file, new IngestRequest(SourceMetadata.titled("rollup"),
                null, Thresholds.DEFAULT, "test"), (phase, rows) -> { }).releaseId();

        String fromRows = "select " + GROUPS.replace("month", "date_trunc('month', prepare_date)::date")
                + ", count(*) from detainer where release_id = " + id + " group by 1, 2, 3, 4, 5, 6, 7, 8, 9";
        String fromRollup = "select " + GROUPS + ", detainers from detainer_rollup where release_id = " + id;
        assertThat(database.count("select count(*) from detainer_rollup where release_id = " + id)).isGreaterThan(100);
        assertThat(database.count("select count(*) from ((" + fromRows + ") except all (" + fromRollup + ")) x"))
                .isZero();
        assertThat(database.count("select count(*) from ((" + fromRollup + ") except all (" + fromRows + ")) x"))
                .isZero();
        assertThat(database.count("select sum(detainers) from detainer_rollup where release_id = " + id))
                .isEqualTo(20_000);

        String byStateFromRows = "select release_id, date_trunc('month', prepare_date)::date, state_id, outcome, count(*)"
                + " from detainer where release_id = " + id + " group by 1, 2, 3, 4";
        String byState = "select release_id, month, state_id, outcome, detainers from detainer_rollup_state"
                + " where release_id = " + id;
        assertThat(database.count("select count(*) from ((" + byStateFromRows + ") except all (" + byState + ")) x"))
                .isZero();
        assertThat(database.count("select count(*) from ((" + byState + ") except all (" + byStateFromRows + ")) x"))
                .isZero();
    }
}
