package org.detainerlab.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.detainerlab.core.testing.MigratedDatabase;
import org.detainerlab.ingest.Ingest;
import org.detainerlab.ingest.load.IngestRequest;
import org.detainerlab.ingest.load.IngestResult;
import org.detainerlab.ingest.load.ProgressListener;
import org.detainerlab.ingest.load.SourceMetadata;
import org.detainerlab.ingest.read.ReadLimits;
import org.detainerlab.ingest.report.Thresholds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's summary and report file show every kind's rules, as the release's report in the database has them. */
class IngestSummaryTest {

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

    @Test
    void theSummaryOfA287gListShowsItsRulesAndItsReportFileIsTheReleasesReport() throws Exception {
        Path list = Files.writeString(dir.resolve("participating.csv"), "STATE,LAW ENFORCEMENT AGENCY,SUPPORT TYPE,"
                + "SIGNED,MOA\nTX,Harris County Sheriff's Office ,Warrant Service Office,2025-01-02,\n"
                + "FL,Leon County Sheriff's Office,Jail Enforcement Model,2025-02-30,\n");
        IngestResult result = ingest.file(list, new IngestRequest(SourceMetadata.titled("287g"), null,
                Thresholds.DEFAULT, "test"), ProgressListener.NONE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path reports = dir.resolve("reports");

        new IngestCommand(new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
                .summarise(result, list, 1.0, reports);

        String summary = out.toString(StandardCharsets.UTF_8);
        assertThat(summary).contains("Loaded participating.csv as release " + result.releaseId()
                + " (profile 287g-participating-2025-01)");
        assertThat(summary).containsPattern("model\\.corrected +1 +support type is a variant")
                .containsPattern("signed\\.unparseable +1 ")
                .containsPattern("whitespace\\.trimmed +1 ");
        JsonNode file = new ObjectMapper().readTree(reports.resolve("release-" + result.releaseId() + ".json")
                .toFile());
        JsonNode stored = new ObjectMapper().readTree(database.text("select report from data_release where id = "
                + result.releaseId()));
        assertThat(file).isEqualTo(stored);
        assertThat(file.get("layout").asText()).isEqualTo("287g-participating-2025-01");
        assertThat(file.get("rules").findValuesAsText("rule"))
                .contains("model.corrected", "signed.unparseable", "whitespace.trimmed");
    }

    @Test
    void theReportFileOfAnAreaListIsTheReleasesReport() throws Exception {
        Path areas = Files.writeString(dir.resolve("aor.csv"), "\"office_name\", \"state_name\", \"county_name\","
                + " \"notes\"\n\"Atlantis\", \"Atlantis\", \"\", \"\"\n");
        IngestResult result = ingest.file(areas, new IngestRequest(SourceMetadata.titled("aor"), null,
                Thresholds.DEFAULT, "test"), ProgressListener.NONE);
        Path reports = dir.resolve("reports");

        new IngestCommand(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err)
                .summarise(result, areas, 1.0, reports);

        JsonNode file = new ObjectMapper().readTree(reports.resolve("release-" + result.releaseId() + ".json")
                .toFile());
        assertThat(file.get("unresolvedStates").get(0).asText()).isEqualTo("Atlantis");
        assertThat(file).isEqualTo(new ObjectMapper().readTree(database.text("select report from data_release"
                + " where id = " + result.releaseId())));
    }
}
