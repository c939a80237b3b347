package org.detainerlab.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import org.detainerlab.core.testing.MigratedDatabase;
import org.detainerlab.ingest.load.IngestException;
import org.detainerlab.ingest.load.IngestRequest;
import org.detainerlab.ingest.load.ProgressListener;
import org.detainerlab.ingest.load.ReleaseKind;
import org.detainerlab.ingest.load.SourceMetadata;
import org.detainerlab.ingest.load.UnknownLayoutException;
import org.detainerlab.ingest.map.Profiles;
import org.detainerlab.ingest.read.ReadLimits;
import org.detainerlab.ingest.read.Spreadsheets;
import org.detainerlab.ingest.read.xlsx.XlsxWriter;
import org.detainerlab.ingest.report.Thresholds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry of kinds: a file is opened once, its head read once, and it goes to the loader of the kind its
 * header names; a file of no kind is refused naming file, sheet and the kinds tried.
 */
class IngestTest {

    private static MigratedDatabase database;
    private static Ingest standard;

    private final AtomicInteger opens = new AtomicInteger();
    private Ingest ingest;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        database = MigratedDatabase.start();
        standard = new Ingest(database::connect, ReadLimits.DEFAULT, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    /** The standard kinds, with every opening of a file counted. */
    @BeforeEach
    void countOpens() {
        ingest = new Ingest(standard.kinds(), file -> {
            opens.incrementAndGet();
            return Spreadsheets.open(file, ReadLimits.DEFAULT);
        });
    }

    private static IngestRequest request(String title) {
        return new IngestRequest(SourceMetadata.titled(title), null, Thresholds.DEFAULT, "test");
    }

    private String kindOf(long release) throws Exception {
        return database.text("select kind || ' ' || profile from data_release where id = " + release);
    }

    @Test
    void theRegistryKnowsDetainersAgreementListsAndAreas() {
        assertThat(standard.kinds()).extracting(ReleaseKind::name)
                .containsExactly("detainers", "287(g) agreement list", "areas of responsibility");
    }

    @Test
    void aDetainerReleaseIsRecognisedFromItsHeaderAndOpenedOnce() throws Exception {
        Path detainers = Files.writeString(dir.resolve("d.csv"), "detainer_prepare_date,facility_state,"
                + "detention_facility,detainer_lift_reason\n2026-01-02,MINNESOTA,JAIL,Detainer Declined by LEA\n");

        long release = ingest.file(detainers, request("d"), ProgressListener.NONE).releaseId();

        assertThat(kindOf(release)).isEqualTo("DETAINERS ddp");
        assertThat(opens).hasValue(1);
    }

    @Test
    void anAgreementListIsRecognisedBelowItsTitleRowsAndOpenedOnce() throws Exception {
        Path agreements = dir.resolve("participating.xlsx");
        try (XlsxWriter xlsx = XlsxWriter.create(agreements)) {
            xlsx.startSheet("Participating");
            xlsx.writeRow("287(g) Participating Agencies");
            xlsx.writeRow("as of 2025-01-04");
            xlsx.writeRow("STATE", "LAW ENFORCEMENT AGENCY", "SUPPORT TYPE", "SIGNED", "MOA");
            xlsx.writeRow("TX", "Harris County Sheriff's Office", "Jail Enforcement Model", "2025-01-02", "");
        }

        long release = ingest.file(agreements, request("a"), ProgressListener.NONE).releaseId();

        assertThat(kindOf(release)).isEqualTo("AGREEMENTS_287G 287g-participating-2025-01");
        assertThat(database.count("select count(*) from agreement_287g where release_id = " + release)).isEqualTo(1);
        assertThat(opens).hasValue(1);
    }

    /** The list quotes every field after a comma and a space, which the csv reader refuses: its first line tells. */
    @Test
    void anAreaListIsRecognisedByItsFirstLineAndOpenedOnce() throws Exception {
        Path areas = Files.writeString(dir.resolve("aor.csv"), "\"office_name\", \"state_name\", \"county_name\","
                + " \"notes\"\n\"Atlanta\", \"Georgia\", \"\", \"\"\n");

        long release = ingest.file(areas, request("aor"), ProgressListener.NONE).releaseId();

        assertThat(kindOf(release)).isEqualTo("AREAS_OF_RESPONSIBILITY ice-areas-of-responsibility");
        assertThat(opens).hasValue(1);
    }

    @Test
    void aProfileInTheRequestNamesADetainerLayoutWithoutRecognition() throws Exception {
        Path detainers = Files.writeString(dir.resolve("p.csv"), "Detainer Prepare Date,Facility State,"
                + "Detainer Facility,Detainer Lift Reason,Detainer Type\n2026-01-03,TEXAS,JAIL,Detainer Declined by LEA,"
                + "I247A\n");

        long release = ingest.file(detainers, new IngestRequest(SourceMetadata.titled("p"), Profiles.ICE_MODERN,
                Thresholds.DEFAULT, "test"), ProgressListener.NONE).releaseId();

        assertThat(kindOf(release)).isEqualTo("DETAINERS ice-modern");
        assertThat(opens).hasValue(1);
    }

    @Test
    void aFileOfNoKindIsRefusedNamingFileSheetAndTheKindsTried() throws Exception {
        Path neither = Files.writeString(dir.resolve("n.csv"), "Date,Jail,Result\n2024-01-01,X,Y\n");

        assertThatThrownBy(() -> ingest.file(neither, request("n"), ProgressListener.NONE))
                .isInstanceOf(UnknownLayoutException.class)
                .hasMessageStartingWith("n.csv, sheet 'csv': no header row found in the first 10 rows for any kind"
                        + " of release. The widest row, row 1, has the headers [Date, Jail, Result]. Kinds tried:"
                        + " detainers (ice-modern needs ")
                .hasMessageContaining("; 287(g) agreement list (a header row with STATE, LAW ENFORCEMENT AGENCY,"
                        + " SUPPORT TYPE); areas of responsibility (the first line \"office_name\", \"state_name\","
                        + " \"county_name\", \"notes\")")
                .hasMessageContaining("--mapping FILE");
        assertThat(opens).hasValue(1);
    }

    @Test
    void aWorkbookOfNoKindNamesTheSheetOfItsWidestRowAndEverySheetRead() throws Exception {
        Path workbook = dir.resolve("summary.xlsx");
        try (XlsxWriter xlsx = XlsxWriter.create(workbook)) {
            xlsx.startSheet("Cover");
            xlsx.writeRow("Detainers by month");
            xlsx.startSheet("Table");
            xlsx.writeRow("Month", "Detainers", "Declined");
            xlsx.writeRow("2024-01", 10, 2);
        }

        assertThatThrownBy(() -> ingest.file(workbook, request("s"), ProgressListener.NONE))
                .isInstanceOf(UnknownLayoutException.class)
                .hasMessageStartingWith("summary.xlsx, sheet 'Table': no header row found in the first 10 rows of any"
                        + " of its sheets ('Cover', 'Table') for any kind of release. The widest row, row 1, has the"
                        + " headers [Month, Detainers, Declined]. Kinds tried: detainers (");
        assertThat(database.count("select count(*) from data_release where title = 's'")).isZero();
    }

    /** What stops the file from being read is its problem, whatever kind it might have been. */
    @Test
    void aFileThatCannotBeReadGetsTheReadersMessage() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        Path broken = Files.writeString(dir.resolve("broken.csv"), "a,\"b\"c\n");

        assertThatThrownBy(() -> ingest.file(empty, request("e"), ProgressListener.NONE))
                .isInstanceOf(IngestException.class).hasMessageStartingWith("empty.csv: is empty");
        assertThatThrownBy(() -> ingest.file(broken, request("b"), ProgressListener.NONE))
                .isInstanceOf(IngestException.class).isNotInstanceOf(UnknownLayoutException.class)
                .hasMessageStartingWith("broken.csv, sheet 'csv', row 1");
    }
}
