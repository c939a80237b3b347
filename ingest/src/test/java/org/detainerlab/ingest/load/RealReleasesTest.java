package org.detainerlab.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;

import org.detainerlab.core.testing.MigratedDatabase;
import org.detainerlab.core.testing.RealData;
import org.detainerlab.ingest.read.ReadLimits;
import org.detainerlab.ingest.report.Thresholds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real releases in ../shared/data load with exactly the counts documented in its README. Skipped, saying so,
 * when the folder is absent.
 */
class RealReleasesTest {

    private static MigratedDatabase database;
    private static ReleaseLoader loader;

    @BeforeAll
    static void start() {
        database = MigratedDatabase.start();
        loader = new ReleaseLoader(database::connect, ReadLimits.DEFAULT, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    private static IngestResult ingest(Path file) throws IngestException {
        return loader.ingest(file, new IngestRequest(SourceMetadata.titled(file.getFileName().toString()), null,
                Thresholds.DEFAULT, "test"), ProgressListener.NONE);
    }

    @Test
    void iceFy2015LoadsEveryRowWithTheDocumentedCounts() throws Exception {
        Path file = RealData.file("ice-detainers-fy2015/rif-FOIA_15-87693_07262015_LESA-STU_FINAL_FY15YTD.xlsx");
        IngestResult result = ingest(file);
        long id = result.releaseId();
        String release = " from detainer where release_id = " + id;

        assertThat(result.profile()).isEqualTo("ice-2015");
        assertThat(result.rowsRead()).isEqualTo(79_053);
        assertThat(result.rowsLoaded()).isEqualTo(79_053);
        assertThat(result.coverageFrom()).hasToString("2014-10-01");
        assertThat(result.coverageTo()).hasToString("2015-07-19");
        assertThat(database.count("select count(*)" + release)).isEqualTo(79_053);
        assertThat(database.count("select count(*)" + release + " and outcome = 'DECLINED'")).isEqualTo(5_501);
        assertThat(database.count("select count(*)" + release + " and outcome = 'UNKNOWN'")).isEqualTo(52_263);
        assertThat(database.count("select count(*)" + release + " and outcome = 'ICE_CUSTODY'")).isEqualTo(15_877);
        assertThat(database.count("select count(*) from detainer d join jurisdiction s on s.id = d.state_id"
                + " where release_id = " + id + " and outcome = 'DECLINED' and s.code = 'CA'")).isEqualTo(2_134);
        assertThat(database.count("select count(*)" + release + " and outcome = 'DECLINED' and state_raw is null"))
                .isEqualTo(1_272);
        assertThat(database.count("select count(*)" + release + " and state_raw is null")).isEqualTo(9_020);
        assertThat(database.count("select count(*)" + release + " and state_raw is not null and state_id is null"))
                .as("every state name resolves").isZero();
        assertThat(database.text("select string_agg(n::text, ',' order by m) from (select date_trunc('month', prepare_date)"
                + " m, count(*) n" + release + " group by 1) t"))
                .isEqualTo("11437,9657,8306,7140,7079,8081,8139,7638,7590,3986");
        assertThat(database.count("select count(*)" + release
                + " and prepare_date between '2015-01-01' and '2015-07-19'")).isEqualTo(49_653);
        assertThat(database.count("select count(*)" + release
                + " and prepare_date between '2015-01-01' and '2015-07-19' and outcome = 'DECLINED'")).isEqualTo(2_785);
    }

    @Test
    void deportationDataProjectSampleLoadsAllRowsDeclinedAtStCloud() throws Exception {
        IngestResult result = ingest(RealData.file("ddp-modern-sample/st_cloud_denied.csv"));
        String release = " from detainer where release_id = " + result.releaseId();
        assertThat(result.profile()).isEqualTo("ddp");
        assertThat(result.rowsLoaded()).isEqualTo(22);
        assertThat(database.count("select count(*)" + release + " and outcome = 'DECLINED'"
                + " and facility_raw = 'MINN.C.F.,ST.CLOUD' and lift_reason_code = 'A'")).isEqualTo(22);
        assertThat(database.count("select count(*)" + release + " and anonymized_id ~ '^[0-9a-f]{40}$'")).isEqualTo(22);
        assertThat(database.text("select distinct s.code from detainer d join jurisdiction s on s.id = d.state_id"
                + " where release_id = " + result.releaseId())).isEqualTo("MN");
    }
}
