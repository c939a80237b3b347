package org.detainerlab.ingest.read.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.detainerlab.core.testing.RealData;
import org.detainerlab.ingest.read.SourceRow;
import org.junit.jupiter.api.Test;

/** Reads the real Deportation Data Project extract from the shared data folder, when it is there (on CI it must be). */
class CsvRealDataTest {

    @Test
    void readsTheStCloudDeclinedDetainers() throws Exception {
        Path file = RealData.file("ddp-modern-sample/st_cloud_denied.csv");

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
}
