package org.detainerlab.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.detainerlab.core.testing.MigratedDatabase;
import org.detainerlab.ingest.load.IngestRequest;
import org.detainerlab.ingest.load.ProgressListener;
import org.detainerlab.ingest.load.SourceMetadata;
import org.detainerlab.ingest.load.UnknownLayoutException;
import org.detainerlab.ingest.read.ReadLimits;
import org.detainerlab.ingest.report.Thresholds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files go to the loader their header calls for. */
class IngestTest {

    private static MigratedDatabase database;
    private static Ingest ingest;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        database = MigratedDatabase.start();
        ingest = new Ingest(database::connect, ReadLimits.DEFAULT, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    private static IngestRequest request(String title) {
        return new IngestRequest(SourceMetadata.titled(title), null, Thresholds.DEFAULT, "test");
    }

    @Test
    void detainersAndAgreementListsGoToTheirLoaders() throws Exception {
        Path detainers = Files.writeString(dir.resolve("d.csv"), "detainer_prepare_date,facility_state,detention_facility,"
                + "detainer_lift_reason\n2026-01-02,MINNESOTA,JAIL,Detainer Declined by LEA\n");
        Path agreements = Files.writeString(dir.resolve("a.csv"), "STATE,LAW ENFORCEMENT AGENCY,SUPPORT TYPE,SIGNED,MOA\n"
                + "TX,Harris County Sheriff's Office,Jail Enforcement Model,2025-01-02,\n");
        long d = ingest.file(detainers, request("d"), ProgressListener.NONE).releaseId();
        long a = ingest.file(agreements, request("a"), ProgressListener.NONE).releaseId();
        assertThat(database.text("select kind from data_release where id = " + d)).isEqualTo("DETAINERS");
        assertThat(database.text("select kind from data_release where id = " + a)).isEqualTo("AGREEMENTS_287G");
        assertThat(database.count("select count(*) from agreement_287g where release_id = " + a)).isEqualTo(1);
    }

    @Test
    void aFileOfNeitherKindGetsTheDetainerLoadersExplanation() throws Exception {
        Path neither = Files.writeString(dir.resolve("n.csv"), "Date,Jail,Result\n2024-01-01,X,Y\n");
        assertThatThrownBy(() -> ingest.file(neither, request("n"), ProgressListener.NONE))
                .isInstanceOf(UnknownLayoutException.class)
                .hasMessageContaining("[Date, Jail, Result]").hasMessageContaining("--mapping FILE");
    }
}
