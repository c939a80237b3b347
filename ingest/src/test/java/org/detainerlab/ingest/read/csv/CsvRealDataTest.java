package org.detainerlab.ingest.read.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.detainerlab.ingest.read.SourceRow;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Reads the real Deportation Data Project extract from the shared data folder, when it is there. */
class CsvRealDataTest {

    @Test
    void readsTheStCloudDeclinedDetainers() throws Exception {
        Path data = dataFolder();
        Assumptions.assumeTrue(Files.isDirectory(data), "real data folder absent (set DETAINERLAB_DATA_DIR): " + data
                + " does not exist, so the real St. Cloud csv is not read");
        Path file = data.resolve("ddp-modern-sample/st_cloud_denied.csv");

        List<SourceRow> rows = CsvFiles.readAll(file);

        List<String> header = List.of(rows.get(0).cells());
        assertThat(header.get(0)).isEmpty();
        assertThat(header).contains("detainer_prepare_date", "detention_facility", "detainer_lift_reason",
                "unique_identifier");
        List<SourceRow> records = rows.subList(1, rows.size());
        assertThat(records).hasSize(22);
        int facility = header.indexOf("detention_facility");
        int liftReason = header.indexOf("detainer_lift_reason");
        for (int i = 0; i < records.size(); i++) {
            SourceRow record = records.get(i);
            assertThat(record.rowNumber()).isEqualTo(i + 2);
            assertThat(record.cell(0)).isEqualTo(String.valueOf(i + 1));
            assertThat(record.cell(facility)).isEqualTo("MINN.C.F.,ST.CLOUD");
            assertThat(record.cell(liftReason)).isEqualTo("Detainer Declined by LEA");
        }
    }

    /** {@code DETAINERLAB_DATA_DIR} when set, otherwise {@code ../shared/data} beside the project. */
    private static Path dataFolder() {
        String configured = System.getenv("DETAINERLAB_DATA_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path root = Path.of(System.getProperty("detainerlab.project.root", ".."));
        return root.toAbsolutePath().normalize().resolve("../shared/data").normalize();
    }
}
