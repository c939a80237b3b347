package org.detainerlab.ingest.read.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/** The package {@link XlsxWriter} writes follows the minimal OOXML structure spreadsheet programs expect. */
class XlsxWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesTheMinimalPackageWithWellFormedParts() throws Exception {
        Path file = dir.resolve("minimal.xlsx");
        try (XlsxWriter xlsx = XlsxWriter.create(file)) {
            xlsx.startSheet("One");
            xlsx.writeRow("a");
            xlsx.startSheet("Two");
            xlsx.writeRow(1);
        }

        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(Collections.list(zip.entries())).extracting(ZipEntry::getName).containsExactlyInAnyOrder(
                    "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                    "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml");
            DocumentBuilderFactory dom = DocumentBuilderFactory.newInstance();
            dom.setNamespaceAware(true);
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    Document part = dom.newDocumentBuilder().parse(in);
                    assertThat(part.getDocumentElement()).as(entry.getName()).isNotNull();
                }
            }
            assertThat(text(zip, "[Content_Types].xml"))
                    .contains("PartName=\"/xl/workbook.xml\"", "PartName=\"/xl/worksheets/sheet2.xml\"",
                            "PartName=\"/xl/styles.xml\"");
            assertThat(text(zip, "xl/workbook.xml")).contains("<sheet name=\"One\" sheetId=\"1\" r:id=\"rId1\"/>",
                    "<sheet name=\"Two\" sheetId=\"2\" r:id=\"rId2\"/>");
        }
    }

    @Test
    void everyRowAndCellCarriesItsReference() throws Exception {
        Path file = dir.resolve("refs.xlsx");
        try (XlsxWriter xlsx = XlsxWriter.create(file)) {
            xlsx.startSheet("Refs");
            xlsx.writeRow("title");
            xlsx.writeRow();
            xlsx.writeRow(null, "b", null, 4, LocalDate.of(2015, 1, 31), LocalDateTime.of(2015, 1, 31, 12, 0), true);
            Object[] wide = new Object[30];
            wide[27] = "AB";
            xlsx.writeRow(wide);
        }

        try (ZipFile zip = new ZipFile(file.toFile())) {
            String sheet = text(zip, "xl/worksheets/sheet1.xml");
            assertThat(references(sheet, "<row ")).containsExactly("1", "3", "4");
            assertThat(references(sheet, "<c ")).containsExactly("A1", "B3", "D3", "E3", "F3", "G3", "AB4");
            assertThat(sheet).contains("<c r=\"B3\" t=\"inlineStr\"><is><t>b</t></is></c>",
                    "<c r=\"D3\"><v>4</v></c>", "<c r=\"E3\" s=\"1\"><v>42035</v></c>",
                    "<c r=\"F3\" s=\"2\"><v>42035.5</v></c>", "<c r=\"G3\" t=\"b\"><v>1</v></c>");
            assertThat(text(zip, "xl/styles.xml")).contains("<xf numFmtId=\"14\"", "<xf numFmtId=\"164\"");
        }
    }

    @Test
    void aWorkbookWithoutSheetsGetsAnEmptyOne() throws Exception {
        Path file = dir.resolve("empty.xlsx");
        XlsxWriter.create(file).close();

        try (XlsxSource source = XlsxSource.open(file)) {
            assertThat(source.sheets()).containsExactly("Sheet1");
            assertThat(ReadBack.rows(source, "Sheet1")).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a name longer than thirty-one chars", "Q1/Q2", "[draft]", "what?", "'quoted'",
        "History"})
    void refusesSheetNamesExcelRefuses(String name) throws Exception {
        try (XlsxWriter xlsx = XlsxWriter.create(dir.resolve("names.xlsx"))) {
            assertThatThrownBy(() -> xlsx.startSheet(name)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void refusesTheSameSheetNameTwiceIgnoringCase() throws Exception {
        try (XlsxWriter xlsx = XlsxWriter.create(dir.resolve("twice.xlsx"))) {
            xlsx.startSheet("FY2024");
            assertThatThrownBy(() -> xlsx.startSheet("fy2024")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("FY2024");
        }
    }

    @Test
    void refusesValuesAWorkbookCannotHoldAndKeepsTheFileWhole() throws Exception {
        Path file = dir.resolve("refused.xlsx");
        try (XlsxWriter xlsx = XlsxWriter.create(file)) {
            assertThatThrownBy(() -> xlsx.writeRow("too early")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("startSheet");
            xlsx.startSheet("Data");
            assertThatThrownBy(() -> xlsx.writeRow("ok", new Object())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cell B1").hasMessageContaining("java.lang.Object");
            assertThatThrownBy(() -> xlsx.writeRow(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("NaN");
            assertThatThrownBy(() -> xlsx.writeRow(LocalDate.of(1899, 12, 31)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1900-01-01");
            assertThatThrownBy(() -> xlsx.writeRow("broken \uD800 surrogate"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+D800");
            xlsx.writeRow("after");
        }

        assertThat(ReadBack.rows(file, "Data")).singleElement().satisfies(row -> {
            assertThat(row.rowNumber()).isEqualTo(1);
            assertThat(row.cells()).containsExactly("after");
        });
    }

    @Test
    void sharedStringsAreWrittenOnceEachAsExcelWritesThem() throws Exception {
        Path file = dir.resolve("shared.xlsx");
        try (XlsxWriter xlsx = XlsxWriter.create(file, XlsxWriter.StringStorage.SHARED)) {
            xlsx.startSheet("One");
            xlsx.writeRow("TEXAS", "OHIO", " spaced ", 7);
            xlsx.startSheet("Two");
            xlsx.writeRow("OHIO", "a & b", "TEXAS");
        }

        try (ZipFile zip = new ZipFile(file.toFile())) {
            DocumentBuilderFactory dom = DocumentBuilderFactory.newInstance();
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    assertThat(dom.newDocumentBuilder().parse(in).getDocumentElement()).as(entry.getName()).isNotNull();
                }
            }
            assertThat(text(zip, "xl/sharedStrings.xml")).endsWith("<sst xmlns=\"" + HandMadeXlsx.MAIN_NS + "\""
                    + " count=\"6\" uniqueCount=\"4\"><si><t>TEXAS</t></si><si><t>OHIO</t></si>"
                    + "<si><t xml:space=\"preserve\"> spaced </t></si><si><t>a &amp; b</t></si></sst>");
            assertThat(text(zip, "xl/worksheets/sheet2.xml")).contains("<c r=\"A1\" t=\"s\"><v>1</v></c>",
                    "<c r=\"C1\" t=\"s\"><v>0</v></c>");
            assertThat(text(zip, "[Content_Types].xml")).contains("PartName=\"/xl/sharedStrings.xml\"");
            assertThat(text(zip, "xl/_rels/workbook.xml.rels"))
                    .contains("/sharedStrings\" Target=\"sharedStrings.xml\"");
        }
        assertThat(ReadBack.cells(file, "One")).containsExactly(List.of("TEXAS", "OHIO", " spaced ", "7"));
        assertThat(ReadBack.cells(file, "Two")).containsExactly(List.of("OHIO", "a & b", "TEXAS"));
    }

    @Test
    void aRefusedRowLeavesNoSharedStringBehind() throws Exception {
        Path file = dir.resolve("refused-shared.xlsx");
        try (XlsxWriter xlsx = XlsxWriter.create(file, XlsxWriter.StringStorage.SHARED)) {
            xlsx.startSheet("Data");
            xlsx.writeRow("kept");
            assertThatThrownBy(() -> xlsx.writeRow("kept", "new", "broken \uD800 surrogate"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cell C2");
            xlsx.writeRow("after", "kept");
        }

        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(text(zip, "xl/sharedStrings.xml")).contains("count=\"3\" uniqueCount=\"2\">"
                    + "<si><t>kept</t></si><si><t>after</t></si></sst>");
        }
        assertThat(ReadBack.cells(file, "Data")).containsExactly(List.of("kept"), List.of("after", "kept"));
    }

    @Test
    void aWorkbookWithoutTextHasNoSharedStringsPart() throws Exception {
        Path file = dir.resolve("numbers.xlsx");
        try (XlsxWriter xlsx = XlsxWriter.create(file, XlsxWriter.StringStorage.SHARED)) {
            xlsx.startSheet("Numbers");
            xlsx.writeRow(1, 2.5);
        }

        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.getEntry("xl/sharedStrings.xml")).isNull();
            assertThat(text(zip, "xl/_rels/workbook.xml.rels")).doesNotContain("sharedStrings");
        }
        assertThat(ReadBack.cells(file, "Numbers")).containsExactly(List.of("1", "2.5"));
    }

    private static String text(ZipFile zip, String part) throws Exception {
        try (InputStream in = zip.getInputStream(zip.getEntry(part))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> references(String xml, String elementStart) {
        Matcher matcher = Pattern.compile(Pattern.quote(elementStart) + "(r=\"([A-Z0-9]+)\")?").matcher(xml);
        return matcher.results().map(match -> match.group(2) == null ? "(none)" : match.group(2)).toList();
    }
}
