package org.detainerlab.ingest.areas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.detainerlab.ingest.load.IngestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AreaListTest {

    private static final String HEADER = "\"office_name\", \"state_name\", \"county_name\", \"notes\"\n";

    @TempDir
    Path dir;

    @Test
    void readsQuotedFieldsAfterACommaAndASpace() throws Exception {
        Path file = Files.writeString(dir.resolve("aor.csv"), HEADER
                + "\"Buffalo\", \"New York\", \"Albany\", \"Upstate, not \"\"NYC\"\"\"\n\n"
                + "\"Atlanta\",\"Georgia\",\"\",\"\"");
        assertThat(AreaList.isHeader(HEADER.strip())).isTrue();
        assertThat(AreaList.isHeader("\uFEFF" + HEADER.strip())).as("after a byte-order mark").isTrue();
        assertThat(AreaList.rows(file)).containsExactly(
                new AreaList.Row(2, "Buffalo", "New York", "Albany", "Upstate, not \"NYC\""),
                new AreaList.Row(4, "Atlanta", "Georgia", "", ""));
    }

    @Test
    void otherFirstLinesAreNotTakenForTheList() {
        assertThat(AreaList.isHeader("office_name,state_name,county_name,notes"))
                .as("unquoted: a CSV for the general reader").isFalse();
        assertThat(AreaList.isHeader("\"STATE\", \"COUNTY\"")).isFalse();
        assertThat(AreaList.isHeader("PK\u0003\u0004")).isFalse();
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsOrAnOpenQuoteNamesItsLine() throws Exception {
        Path short_ = Files.writeString(dir.resolve("short.csv"), HEADER + "\"Atlanta\", \"Georgia\"\n");
        assertThatThrownBy(() -> AreaList.rows(short_)).isInstanceOf(IngestException.class)
                .hasMessageContaining("line 2").hasMessageContaining("2 fields, expected 4");
        Path open = Files.writeString(dir.resolve("open.csv"), HEADER + "\"Atlanta\", \"Georgia, \"\", \"\"\n");
        assertThatThrownBy(() -> AreaList.rows(open)).isInstanceOf(IngestException.class).hasMessageContaining("line 2");
    }
}
