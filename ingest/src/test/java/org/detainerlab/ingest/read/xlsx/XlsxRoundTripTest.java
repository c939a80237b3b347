package org.detainerlab.ingest.read.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.detainerlab.ingest.read.RowIterator;
import org.detainerlab.ingest.read.SourceRow;
import org.detainerlab.ingest.read.xlsx.XlsxWriter.StringStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What {@link XlsxWriter} writes, {@link XlsxSource} reads back as the text the ingest pipeline expects, whether
 * text is stored in the cells or in the shared string table.
 */
class XlsxRoundTripTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StringStorage.class)
    void everyKindOfValueComesBackAsText(StringStorage strings) throws Exception {
        Path file = dir.resolve("values.xlsx");
        try (XlsxWriter xlsx = XlsxWriter.create(file, strings)) {
            xlsx.startSheet("Values");
            xlsx.writeRow("plain", "a & b < c > d \"q\" 'apos'", "Zürich – 東京 – 😀", 1987, 123_456_789_012L,
                    0.25, new BigDecimal("12.50"), -3.75, LocalDate.of(2015, 1, 31),
                    LocalDateTime.of(2015, 1, 31, 13, 45), LocalDateTime.of(1999, 12, 31, 0, 0), true, false,
                    1e20, 0.1 + 0.2);
        }

        assertThat(ReadBack.onlyRow(file)).containsExactly("plain", "a & b < c > d \"q\" 'apos'",
                "Zürich – 東京 – 😀", "1987", "123456789012", "0.25", "12.5", "-3.75", "2015-01-31",
                "2015-01-31T13:45:00", "1999-12-31", "TRUE", "FALSE", "100000000000000000000", "0.3");
    }

    @ParameterizedTest
    @EnumSource(StringStorage.class)
    void blanksInsideTheRowAreKeptAndTrailingBlanksDropped(StringStorage strings) throws Exception {
        Path file = dir.resolve("blanks.xlsx");
        try (XlsxWriter xlsx = XlsxWriter.create(file, strings)) {
            xlsx.startSheet("Blanks");
            xlsx.writeRow("a", null, "", "d", null, "", "   ");
            xlsx.writeRow(null, null, "c");
        }

        assertThat(ReadBack.cells(file, "Blanks")).containsExactly(List.of("a", "", "", "d"), List.of("", "", "c"));
    }

    @ParameterizedTest
    @EnumSource(StringStorage.class)
    void spacesAroundTextAreKept(StringStorage strings) throws Exception {
        Path file = dir.resolve("spaces.xlsx");
        try (XlsxWriter xlsx = XlsxWriter.create(file, strings)) {
            xlsx.startSheet("Spaces");
            xlsx.writeRow("County ", "  Jail Enforcement Model", " ", "x");
        }

        assertThat(ReadBack.onlyRow(file)).containsExactly("County ", "  Jail Enforcement Model", " ", "x");
    }

    @ParameterizedTest
    @EnumSource(StringStorage.class)
    void charactersXmlCannotCarryAreEscapedAsExcelDoesAndReadBack(StringStorage strings) throws Exception {
        String[] texts = {"line 1\r\nline 2\tcolumn", "bell\u0007 and nul\u0000", "_x0041_ is not A",
            "snake_case_x and _x_"};
        Path file = dir.resolve("escapes.xlsx");
        try (XlsxWriter xlsx = XlsxWriter.create(file, strings)) {
            xlsx.startSheet("Escapes");
            xlsx.writeRow((Object[]) texts);
        }

        assertThat(ReadBack.onlyRow(file)).containsExactly(texts);
    }

    @Test
    void sheetsComeInTheOrderWritten() throws Exception {
        Path file = dir.resolve("sheets.xlsx");
        try (XlsxWriter xlsx = XlsxWriter.create(file)) {
            for (String sheet : List.of("FY2024", "FY2023", "Notes & sources")) {
                xlsx.startSheet(sheet);
                xlsx.writeRow("first row of " + sheet);
            }
        }

        try (XlsxSource source = XlsxSource.open(file)) {
            assertThat(source.sheets()).containsExactly("FY2024", "FY2023", "Notes & sources");
            for (String sheet : source.sheets()) {
                assertThat(ReadBack.rows(source, sheet)).singleElement()
                        .satisfies(row -> assertThat(row.cells()).containsExactly("first row of " + sheet));
            }
        }
    }

    @Test
    void titleRowsAboveTheHeaderKeepTheirRowNumbers() throws Exception {
        Path file = dir.resolve("titles.xlsx");
        try (XlsxWriter xlsx = XlsxWriter.create(file)) {
            xlsx.startSheet("FY2024");
            xlsx.writeRow("U.S. Immigration and Customs Enforcement");
            xlsx.writeRow();
            xlsx.writeRow("Detainers FY2024");
            xlsx.writeRow(null, null);
            xlsx.writeRow("Source: FOIA 2024-ICFO-39357");
            xlsx.writeRow("", "");
            xlsx.writeRow("Detainer Prepare Date", "Facility State", "Detainer Lift Reason");
            xlsx.writeRow(LocalDate.of(2023, 10, 2), "TEXAS", "Booked into Detention");
            xlsx.writeRow(LocalDate.of(2023, 10, 3), "OHIO");
        }

        List<SourceRow> rows = ReadBack.rows(file, "FY2024");

        assertThat(rows).extracting(SourceRow::rowNumber).containsExactly(1, 3, 5, 7, 8, 9);
        assertThat(rows.get(3).cells()).containsExactly("Detainer Prepare Date", "Facility State",
                "Detainer Lift Reason");
        assertThat(rows.get(5).cells()).containsExactly("2023-10-03", "OHIO");
        assertThat(rows).allSatisfy(row -> assertThat(row.sheet()).isEqualTo("FY2024"));
    }

    @ParameterizedTest
    @EnumSource(StringStorage.class)
    void aLongSheetStreamsEveryRow(StringStorage strings) throws Exception {
        int count = 50_000;
        Path file = dir.resolve("long.xlsx");
        try (XlsxWriter xlsx = XlsxWriter.create(file, strings)) {
            xlsx.startSheet("Long");
            for (int i = 1; i <= count; i++) {
                xlsx.writeRow(i, "row " + i, LocalDate.of(2020, 1, 1).plusDays(i % 1000));
            }
        }

        try (XlsxSource source = XlsxSource.open(file); RowIterator rows = source.rows("Long")) {
            SourceRow last = null;
            int read = 0;
            for (SourceRow row = rows.next(); row != null; row = rows.next()) {
                read++;
                last = row;
            }
            assertThat(read).isEqualTo(count);
            assertThat(last.rowNumber()).isEqualTo(count);
            assertThat(last.cells()).containsExactly("50000", "row 50000", "2020-01-01");
            assertThat(rows.next()).isNull();
        }
    }
}
