package org.detainerlab.ingest.read.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.detainerlab.ingest.read.csv.CsvFiles.cells;
import static org.detainerlab.ingest.read.csv.CsvFiles.readAll;
import static org.detainerlab.ingest.read.csv.CsvFiles.rowNumbers;
import static org.detainerlab.ingest.read.csv.CsvFiles.utf8;
import static org.detainerlab.ingest.read.csv.CsvFiles.write;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.detainerlab.ingest.read.ReadLimits;
import org.detainerlab.ingest.read.RowIterator;
import org.detainerlab.ingest.read.SourceRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvSourceTest {

    @TempDir
    Path dir;

    @Test
    void readsPlainRecordsAsOneSheetNamedCsv() throws Exception {
        Path file = write(dir, "Prepare Date,State,City\n2015-01-31,TEXAS,HOUSTON\n2015-02-01,OHIO,AKRON\n");

        try (CsvSource source = CsvSource.open(file, ReadLimits.DEFAULT)) {
            assertThat(source.sheets()).containsExactly("csv");
        }
        List<SourceRow> rows = readAll(file);
        assertThat(cells(rows)).containsExactly(
                List.of("Prepare Date", "State", "City"),
                List.of("2015-01-31", "TEXAS", "HOUSTON"),
                List.of("2015-02-01", "OHIO", "AKRON"));
        assertThat(rowNumbers(rows)).containsExactly(1, 2, 3);
        assertThat(rows).allSatisfy(row -> assertThat(row.sheet()).isEqualTo("csv"));
    }

    @Test
    void columnsNotAskedForComeBackAsNotReadButBlankCellsStayBlank() throws Exception {
        Path file = write(dir, "date,remark,state,extra\n"
                + "2015-01-31,hello,TEXAS,more\n"
                + ",  ,,\n"
                + ",,,only this\n"
                + ",\"quoted\",OHIO\n");

        List<SourceRow> rows = new ArrayList<>();
        try (CsvSource source = CsvSource.open(file, ReadLimits.DEFAULT); RowIterator it = source.rows("csv")) {
            rows.add(it.next());
            it.readOnly(new boolean[] {true, false, true});
            for (SourceRow row = it.next(); row != null; row = it.next()) {
                rows.add(row);
            }
        }

        assertThat(cells(rows)).containsExactly(
                List.of("date", "remark", "state", "extra"),
                List.of("2015-01-31", SourceRow.NOT_READ, "TEXAS", SourceRow.NOT_READ),
                List.of("", "", "", SourceRow.NOT_READ),
                List.of("", SourceRow.NOT_READ, "OHIO"));
        assertThat(rowNumbers(rows)).containsExactly(1, 2, 4, 5);
    }

    @Test
    void quotedFieldsMayHoldSeparatorsAndDoubledQuotes() throws Exception {
        Path file = write(dir, "facility,note,empty,quote\n"
                + "\"MINN.C.F.,ST.CLOUD\",\"said \"\"no\"\" twice\",\"\",\"\"\"\"\n");

        assertThat(readAll(file).get(1).cells())
                .containsExactly("MINN.C.F.,ST.CLOUD", "said \"no\" twice", "", "\"");
    }

    @Test
    void lineBreaksInsideQuotesStayInTheCellAndTheRecordCountsOnce() throws Exception {
        Path file = write(dir, "id,remark\r\n1,\"first\r\nsecond\"\r\n2,\"a\nb\nc\"\r\n3,\"lone\rcr\"\r\n4,last\r\n");

        List<SourceRow> rows = readAll(file);

        assertThat(cells(rows)).containsExactly(
                List.of("id", "remark"),
                List.of("1", "first\r\nsecond"),
                List.of("2", "a\nb\nc"),
                List.of("3", "lone\rcr"),
                List.of("4", "last"));
        assertThat(rowNumbers(rows)).containsExactly(1, 2, 3, 4, 5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\n", "\r"})
    void anyLineEndingWithOrWithoutAFinalOne(String eol) throws Exception {
        List<List<String>> expected = List.of(List.of("a", "b"), List.of("1", "2"), List.of("3", "\"4\""));
        String body = "a,b" + eol + "1,2" + eol + "3,\"\"\"4\"\"\"";

        assertThat(cells(readAll(write(dir, body + eol)))).isEqualTo(expected);
        assertThat(cells(readAll(write(dir, body)))).isEqualTo(expected);
    }

    @Test
    void utf8ByteOrderMarkIsNotPartOfTheFirstHeader() throws Exception {
        Path file = write(dir, CsvFiles.UTF8_BOM, utf8("Prepare Date,State\n2015-01-31,TEXAS\n"));

        assertThat(readAll(file).get(0).cells()).containsExactly("Prepare Date", "State");
    }

    @Test
    void blankRecordsAreSkippedButKeepTheirNumbers() throws Exception {
        Path file = write(dir, "h1,h2\n\nx,y\r\n\r\n,,\n \t, \n\"\",\"\"\nlast,row");

        List<SourceRow> rows = readAll(file);

        assertThat(cells(rows)).containsExactly(List.of("h1", "h2"), List.of("x", "y"), List.of("last", "row"));
        assertThat(rowNumbers(rows)).containsExactly(1, 3, 8);
    }

    @Test
    void trailingBlankCellsAreDroppedAndInnerOnesKeptVerbatim() throws Exception {
        Path file = write(dir, "a,,b,,\n,  padded  ,\"\", ,c, ,\"\"\n");

        List<SourceRow> rows = readAll(file);

        assertThat(rows.get(0).cells()).containsExactly("a", "", "b");
        assertThat(rows.get(1).cells()).containsExactly("", "  padded  ", "", " ", "c");
    }

    @Test
    void unicodeRoundTrips() throws Exception {
        Path file = write(dir, "name,place,note\nJosé Muñoz,中文,\"😀 in quotes, with a comma\"\n");

        assertThat(readAll(file).get(1).cells()).containsExactly("José Muñoz", "中文", "😀 in quotes, with a comma");
    }

    @Test
    void readsTheRWriteCsvLayoutOfTheDeportationDataProject() throws Exception {
        Path file = write(dir, """
                "","detainer_prepare_date","detention_facility","birth_year","detainer_lift_reason","duplicate_likely"
                "1",2026-02-11,"MINN.C.F.,ST.CLOUD",1996,"Detainer Declined by LEA",FALSE
                "2",2026-02-11,"MINN.C.F.,ST.CLOUD",NA,NA,FALSE
                "3",NA,NA,NA,NA,NA
                """);

        List<SourceRow> rows = readAll(file);

        assertThat(rows.get(0).cells()).startsWith("", "detainer_prepare_date", "detention_facility");
        assertThat(cells(rows.subList(1, 4))).containsExactly(
                List.of("1", "2026-02-11", "MINN.C.F.,ST.CLOUD", "1996", "Detainer Declined by LEA", "FALSE"),
                List.of("2", "2026-02-11", "MINN.C.F.,ST.CLOUD", "NA", "NA", "FALSE"),
                List.of("3", "NA", "NA", "NA", "NA", "NA"));
        assertThat(rowNumbers(rows)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void theEndStaysTheEnd() throws Exception {
        try (CsvSource source = CsvSource.open(write(dir, "only,header\n"), ReadLimits.DEFAULT);
             RowIterator rows = source.rows("csv")) {
            assertThat(rows.next().cells()).containsExactly("only", "header");
            assertThat(rows.next()).isNull();
            assertThat(rows.next()).isNull();
        }
    }

    @Test
    void anEmptyFileHasNoRows() throws Exception {
        assertThat(readAll(write(dir, ""))).isEmpty();
        assertThat(readAll(write(dir, CsvFiles.UTF8_BOM))).isEmpty();
    }

    @Test
    void eachCallToRowsStartsAgainFromTheHeader() throws Exception {
        try (CsvSource source = CsvSource.open(write(dir, "h\n1\n2\n"), ReadLimits.DEFAULT)) {
            RowIterator first = source.rows("csv");
            first.next();
            first.next();
            assertThat(source.rows("csv").next().cells()).containsExactly("h");
        }
    }

    @Test
    void aCsvFileHasNoOtherSheet() throws Exception {
        try (CsvSource source = CsvSource.open(write(dir, "h\n"), ReadLimits.DEFAULT)) {
            assertThatThrownBy(() -> source.rows("Sheet1")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("only sheet is 'csv'");
        }
    }

    /**
     * The reader decodes and scans 64 Ki chars at a time; every construct must survive being cut at a chunk
     * boundary at any point: doubled quotes, closing quotes, CR LF inside and outside quotes, surrogate pairs and
     * multi-byte UTF-8 sequences.
     */
    @Test
    void constructsCutAtAChunkBoundaryReadTheSame() throws Exception {
        ReadLimits roomy = new ReadLimits(200_000, ReadLimits.DEFAULT.maxEntryBytes(),
                ReadLimits.DEFAULT.maxInflateRatio(), ReadLimits.DEFAULT.ratioCheckAfterBytes());
        String tail = "\"a\"\"b\",\"x\r\ny\",é😀中,\"\"\r\nnext,\"q\"\r\n\"\",z";
        for (int shift = 0; shift <= tail.length() + 2; shift++) {
            String padding = "p".repeat(64 * 1024 - 2 - shift);
            Path file = write(dir, padding + "\r\n" + tail);

            List<SourceRow> rows = readAll(file, roomy);

            assertThat(cells(rows)).as("shift %d", shift).containsExactly(
                    List.of(padding),
                    List.of("a\"b", "x\r\ny", "é😀中"),
                    List.of("next", "q"),
                    List.of("", "z"));
            assertThat(rowNumbers(rows)).containsExactly(1, 2, 3, 4);
        }
    }

    @Test
    void manyRecordsAcrossManyChunksKeepTheirNumbers() throws Exception {
        StringBuilder text = new StringBuilder("id,name,remark\n");
        int records = 20_000;
        for (int i = 1; i <= records; i++) {
            text.append(i).append(",\"Muñoz, ").append(i).append("\",\"line\nbreak \"\"").append(i).append("\"\"\"\n");
        }
        List<SourceRow> rows = readAll(write(dir, text.toString()));

        assertThat(rows).hasSize(records + 1);
        for (int i = 1; i <= records; i++) {
            SourceRow row = rows.get(i);
            assertThat(row.rowNumber()).isEqualTo(i + 1);
            assertThat(row.cells()).containsExactly(String.valueOf(i), "Muñoz, " + i, "line\nbreak \"" + i + "\"");
        }
    }

    /** A bare CR inside quotes is part of the field (old Mac line ends in a pasted note), not the end of the record. */
    @Test
    void aBareCarriageReturnInsideQuotesIsKept() throws Exception {
        Path file = write(dir, "a,b\r\n\"one\rtwo\",z\r\n\"end\r\",y\r\n3,4\r\n");

        List<SourceRow> rows = CsvFiles.readAll(file);

        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).cells()).containsExactly("one\rtwo", "z");
        assertThat(rows.get(2).cells()).containsExactly("end\r", "y");
        assertThat(rows.get(3).cells()).containsExactly("3", "4");
        assertThat(rows.get(3).rowNumber()).isEqualTo(4);
    }
}
