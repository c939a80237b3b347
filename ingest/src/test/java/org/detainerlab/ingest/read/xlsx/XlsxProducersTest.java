package org.detainerlab.ingest.read.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.detainerlab.ingest.read.FormulaCells;
import org.detainerlab.ingest.read.RowIterator;
import org.detainerlab.ingest.read.SourceFormatException;
import org.detainerlab.ingest.read.SourceRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workbooks as other programs save them, not as the project's own {@link XlsxWriter} does: formula cells with their
 * stored results, shared formulas, inline strings, and parts found through the package's relationships rather than
 * by their usual names. LibreOffice is not installed where the tests run, so the LibreOffice and Excel files are
 * built here part by part from XML written the way those programs write it (each fixture says which); the library
 * files are written by Apache POI itself.
 */
class XlsxProducersTest {

    private static final String MAIN = HandMadeXlsx.MAIN_NS;
    private static final String REL = HandMadeXlsx.REL_NS;
    private static final String PACKAGE = HandMadeXlsx.PACKAGE_NS;
    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    @TempDir
    Path dir;

    /**
     * LibreOffice Calc's structure (7.x, "Excel 2007-365" filter): {@code _rels/.rels} lists core and app properties
     * before the workbook (rId3); the workbook's relationships put styles first (rId1), then the sheets, then the
     * shared strings; every formula is written in full with {@code aca="false"}, text results as {@code t="str"},
     * numbers with an explicit {@code t="n"}, and a formula's result always stored in {@code <v>}.
     */
    @Test
    void aWorkbookAsLibreOfficeSavesItGivesEachFormulasStoredResult() throws Exception {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", contentTypes("/xl/workbook.xml", "/xl/worksheets/sheet1.xml",
                "/xl/worksheets/sheet2.xml"));
        parts.put("_rels/.rels", relationships(
                relationship("rId1", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                        + "core-properties", "docProps/core.xml"),
                relationship("rId2", REL + "/extended-properties", "docProps/app.xml"),
                relationship("rId3", REL + "/officeDocument", "xl/workbook.xml")));
        parts.put("docProps/app.xml", "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "extended-properties\"><Application>LibreOffice/7.4.7.2$Linux_X86_64</Application></Properties>");
        parts.put("xl/_rels/workbook.xml.rels", relationships(
                relationship("rId1", REL + "/styles", "styles.xml"),
                relationship("rId2", REL + "/worksheet", "worksheets/sheet1.xml"),
                relationship("rId3", REL + "/worksheet", "worksheets/sheet2.xml"),
                relationship("rId4", REL + "/sharedStrings", "sharedStrings.xml")));
        parts.put("xl/workbook.xml", DECLARATION + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\">"
                + "<fileVersion appName=\"Calc\"/><workbookPr backupFile=\"false\" showObjects=\"all\""
                + " date1904=\"false\"/><workbookProtection/><bookViews><workbookView showHorizontalScroll=\"true\""
                + " activeTab=\"0\"/></bookViews><sheets>"
                + "<sheet name=\"Detainers\" sheetId=\"1\" state=\"visible\" r:id=\"rId2\"/>"
                + "<sheet name=\"Notes\" sheetId=\"2\" state=\"visible\" r:id=\"rId3\"/>"
                + "</sheets><calcPr iterateCount=\"100\" refMode=\"A1\" iterate=\"false\" iterateDelta=\"0.001\"/>"
                + "</workbook>");
        parts.put("xl/styles.xml", DECLARATION + "<styleSheet xmlns=\"" + MAIN + "\"><numFmts count=\"1\">"
                + "<numFmt numFmtId=\"164\" formatCode=\"YYYY\\-MM\\-DD\"/></numFmts><cellXfs count=\"2\">"
                + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
                + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"true\"/>"
                + "</cellXfs></styleSheet>");
        parts.put("xl/sharedStrings.xml", DECLARATION + "<sst xmlns=\"" + MAIN + "\" count=\"5\" uniqueCount=\"5\">"
                + "<si><t xml:space=\"preserve\">Facility</t></si><si><t xml:space=\"preserve\">Count</t></si>"
                + "<si><t xml:space=\"preserve\">Label</t></si><si><t xml:space=\"preserve\">HARRIS</t></si>"
                + "<si><t xml:space=\"preserve\">Prepared</t></si></sst>");
        parts.put("xl/worksheets/sheet1.xml", DECLARATION + "<worksheet xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL
                + "\"><sheetPr filterMode=\"false\"><pageSetUpPr fitToPage=\"false\"/></sheetPr>"
                + "<dimension ref=\"A1:D2\"/><sheetData>"
                + "<row r=\"1\" customFormat=\"false\" ht=\"12.8\" hidden=\"false\" customHeight=\"false\""
                + " outlineLevel=\"0\" collapsed=\"false\">"
                + "<c r=\"A1\" s=\"0\" t=\"s\"><v>0</v></c><c r=\"B1\" s=\"0\" t=\"s\"><v>1</v></c>"
                + "<c r=\"C1\" s=\"0\" t=\"s\"><v>2</v></c><c r=\"D1\" s=\"0\" t=\"s\"><v>4</v></c></row>"
                + "<row r=\"2\" customFormat=\"false\" ht=\"12.8\" hidden=\"false\" customHeight=\"false\""
                + " outlineLevel=\"0\" collapsed=\"false\">"
                + "<c r=\"A2\" s=\"0\" t=\"s\"><v>3</v></c>"
                + "<c r=\"B2\" s=\"0\" t=\"n\"><f aca=\"false\">2*21</f><v>42</v></c>"
                + "<c r=\"C2\" s=\"0\" t=\"str\"><f aca=\"false\">A2&amp;\" JAIL\"</f><v>HARRIS JAIL</v></c>"
                + "<c r=\"D2\" s=\"1\" t=\"n\"><f aca=\"false\">DATE(2024;1;2)</f><v>45293</v></c>"
                + "</row></sheetData></worksheet>");
        parts.put("xl/worksheets/sheet2.xml", DECLARATION + "<worksheet xmlns=\"" + MAIN + "\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" s=\"0\" t=\"str\"><f aca=\"false\">\"\"</f><v></v></c>"
                + "<c r=\"B1\" s=\"0\" t=\"s\"><v>2</v></c></row></sheetData></worksheet>");
        Path file = zip("libreoffice.xlsx", parts);

        try (XlsxSource source = XlsxSource.open(file)) {
            assertThat(source.sheets()).containsExactly("Detainers", "Notes");
            Read detainers = read(source, "Detainers");
            assertThat(detainers.cells()).containsExactly(List.of("Facility", "Count", "Label", "Prepared"),
                    List.of("HARRIS", "42", "HARRIS JAIL", "2024-01-02"));
            assertThat(detainers.formulas().count()).isEqualTo(3);
            assertThat(detainers.formulas().first()).containsExactly(
                    new FormulaCells.Cell("Detainers", 2, "B", "=2*21"),
                    new FormulaCells.Cell("Detainers", 2, "C", "=A2&\" JAIL\""),
                    new FormulaCells.Cell("Detainers", 2, "D", "=DATE(2024;1;2)"));
            Read notes = read(source, "Notes");
            assertThat(notes.cells()).containsExactly(List.of("", "Label"));
            assertThat(notes.formulas().count()).isEqualTo(1);
        }
    }

    /**
     * Excel's shared formulas: a formula filled down is written once on the first cell of its range
     * ({@code t="shared" ref="B2:B4" si="0"}) and the other cells carry only {@code <f t="shared" si="0"/>} and their
     * own stored result.
     */
    @Test
    void sharedFormulasAsExcelWritesThemGiveEachCellsOwnResult() throws Exception {
        Path file = new HandMadeXlsx().sheet("Data", "<row r=\"1\"><c r=\"A1\"><v>1</v></c>"
                + "<c r=\"B1\" t=\"str\"><f t=\"shared\" ref=\"B1:B3\" si=\"0\">\"row \"&amp;A1</f><v>row 1</v></c></row>"
                + "<row r=\"2\"><c r=\"A2\"><v>2</v></c><c r=\"B2\" t=\"str\"><f t=\"shared\" si=\"0\"/><v>row 2</v></c></row>"
                + "<row r=\"3\"><c r=\"A3\"><v>3</v></c><c r=\"B3\" t=\"str\"><f t=\"shared\" si=\"0\"/><v>row 3</v></c></row>")
                .writeTo(dir.resolve("shared-formulas.xlsx"));

        try (XlsxSource source = XlsxSource.open(file)) {
            Read data = read(source, "Data");
            assertThat(data.cells()).containsExactly(List.of("1", "row 1"), List.of("2", "row 2"),
                    List.of("3", "row 3"));
            assertThat(data.formulas().count()).isEqualTo(3);
            assertThat(data.formulas().first()).extracting(FormulaCells.Cell::formula)
                    .containsExactly("=\"row \"&A1", "(shared formula)", "(shared formula)");
        }
    }

    /**
     * The Open Packaging Conventions name parts only through relationships: here the workbook is
     * {@code xl/workbook2.xml} (with its relationships in {@code xl/_rels/workbook2.xml.rels}), its shared strings
     * and styles have other names too, and the sheets' file names run against their order (sheet "First" is
     * {@code sheet2.xml}, reached by rId5, "Second" is {@code sheet1.xml} by rId4). The parts are LibreOffice's,
     * renamed: no program we know writes these names, but a package tool may, and a reader that guesses names
     * would read the wrong sheet or none.
     */
    @Test
    void partsAreFoundThroughThePackagesRelationshipsWhateverTheirNames() throws Exception {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", contentTypes("/xl/workbook2.xml", "/xl/worksheets/sheet1.xml",
                "/xl/worksheets/sheet2.xml"));
        parts.put("_rels/.rels", relationships(relationship("rId1", REL + "/officeDocument", "/xl/workbook2.xml")));
        parts.put("xl/_rels/workbook2.xml.rels", relationships(
                relationship("rId1", REL + "/styles", "book-styles.xml"),
                relationship("rId2", REL + "/sharedStrings", "strings/table.xml"),
                relationship("rId4", REL + "/worksheet", "worksheets/sheet1.xml"),
                relationship("rId5", REL + "/worksheet", "worksheets/sheet2.xml")));
        parts.put("xl/workbook2.xml", DECLARATION + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\">"
                + "<sheets><sheet name=\"First\" sheetId=\"1\" r:id=\"rId5\"/>"
                + "<sheet name=\"Second\" sheetId=\"2\" r:id=\"rId4\"/></sheets></workbook>");
        parts.put("xl/book-styles.xml", DECLARATION + "<styleSheet xmlns=\"" + MAIN + "\"><cellXfs count=\"2\">"
                + "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>");
        parts.put("xl/strings/table.xml", DECLARATION + "<sst xmlns=\"" + MAIN + "\"><si><t>in the first sheet</t>"
                + "</si><si><t>in the second sheet</t></si></sst>");
        parts.put("xl/worksheets/sheet2.xml", DECLARATION + "<worksheet xmlns=\"" + MAIN + "\"><sheetData><row r=\"1\">"
                + "<c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" s=\"1\"><v>45293</v></c></row></sheetData></worksheet>");
        parts.put("xl/worksheets/sheet1.xml", DECLARATION + "<worksheet xmlns=\"" + MAIN + "\"><sheetData><row r=\"1\">"
                + "<c r=\"A1\" t=\"s\"><v>1</v></c></row></sheetData></worksheet>");
        Path file = zip("renamed-parts.xlsx", parts);

        try (XlsxSource source = XlsxSource.open(file)) {
            assertThat(source.sheets()).containsExactly("First", "Second");
            assertThat(read(source, "First").cells()).containsExactly(List.of("in the first sheet", "2024-01-02"));
            assertThat(read(source, "Second").cells()).containsExactly(List.of("in the second sheet"));
        }
    }

    /** Apache POI's XSSF writer, with its formulas calculated before saving as a spreadsheet program would. */
    @Test
    void aWorkbookWrittenByApachePoiWithCalculatedFormulas() throws Exception {
        Path file = dir.resolve("poi.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet sheet = workbook.createSheet("Releases");
            row(sheet, 0, "Facility", "Count", "Label", "Prepared");
            Row data = sheet.createRow(1);
            data.createCell(0).setCellValue("HARRIS");
            data.createCell(1).setCellFormula("2*21");
            data.createCell(2).setCellFormula("A2&\" JAIL\"");
            Cell prepared = data.createCell(3);
            prepared.setCellFormula("DATE(2024,1,2)");
            prepared.setCellStyle(date);
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }

        try (XlsxSource source = XlsxSource.open(file)) {
            Read releases = read(source, "Releases");
            assertThat(releases.cells()).containsExactly(List.of("Facility", "Count", "Label", "Prepared"),
                    List.of("HARRIS", "42", "HARRIS JAIL", "2024-01-02"));
            assertThat(releases.formulas().count()).isEqualTo(3);
            assertThat(releases.formulas().first()).extracting(FormulaCells.Cell::formula)
                    .containsExactly("=2*21", "=A2&\" JAIL\"", "=DATE(2024,1,2)");
        }
    }

    /**
     * Apache POI's streaming writer (SXSSF), which writes every text cell as an inline string and a formula with
     * the result its caller stored for it.
     */
    @Test
    void aWorkbookStreamedByApachePoiWithInlineStringsAndStoredResults() throws Exception {
        Path file = dir.resolve("poi-streamed.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet("Streamed");
            row(sheet, 0, "Facility", "State", "Label");
            for (int i = 1; i <= 300; i++) {
                row(sheet, i, "JAIL " + i, "TX");
                Cell label = sheet.getRow(i).createCell(2);
                label.setCellFormula("A" + (i + 1) + "&\", \"&B" + (i + 1));
                label.setCellValue("JAIL " + i + ", TX");
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        assertThat(partText(file, "xl/worksheets/sheet1.xml")).contains("t=\"inlineStr\"", "<f>");

        try (XlsxSource source = XlsxSource.open(file)) {
            Read streamed = read(source, "Streamed");
            assertThat(streamed.cells()).hasSize(301);
            assertThat(streamed.cells().get(0)).containsExactly("Facility", "State", "Label");
            assertThat(streamed.cells().get(300)).containsExactly("JAIL 300", "TX", "JAIL 300, TX");
            assertThat(streamed.formulas().count()).isEqualTo(300);
            assertThat(streamed.formulas().first()).hasSize(FormulaCells.EXAMPLES)
                    .first().isEqualTo(new FormulaCells.Cell("Streamed", 2, "C", "=A2&\", \"&B2"));
        }
    }

    /**
     * A library that never calculates (Apache POI without an evaluator, openpyxl, fastexcel) stores the formula
     * alone: there is no result to load, and the cell is named.
     */
    @Test
    void aFormulaALibraryNeverCalculatedIsRefusedNamingTheCell() throws Exception {
        Path file = dir.resolve("uncalculated.xlsx");
        try (Workbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Data");
            row(sheet, 0, "Facility", "Count");
            Row data = sheet.createRow(1);
            data.createCell(0).setCellValue("HARRIS");
            data.createCell(1).setCellFormula("2*21");
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }

        try (XlsxSource source = XlsxSource.open(file)) {
            assertThatThrownBy(() -> read(source, "Data")).isInstanceOf(SourceFormatException.class)
                    .hasMessageStartingWith("uncalculated.xlsx, sheet 'Data', row 2, column B: the cell holds the"
                            + " formula =2*21 but no stored result");
        }
    }

    private record Read(List<List<String>> cells, FormulaCells formulas) {
    }

    /** The sheet's rows, and its formula cells once every row has been read. */
    private static Read read(XlsxSource source, String sheet) throws Exception {
        List<List<String>> cells = new ArrayList<>();
        try (RowIterator rows = source.rows(sheet)) {
            for (SourceRow row = rows.next(); row != null; row = rows.next()) {
                cells.add(Arrays.asList(row.cells()));
            }
            return new Read(cells, rows.formulaCells());
        }
    }

    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }

    private static String partText(Path file, String part) throws Exception {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            return new String(zip.getInputStream(zip.getEntry(part)).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String contentTypes(String workbook, String... sheets) {
        StringBuilder xml = new StringBuilder(DECLARATION).append("<Types xmlns=\"http://schemas.openxmlformats.org/"
                + "package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/"
                + "vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\""
                + "application/xml\"/><Override PartName=\"").append(workbook).append("\" ContentType=\"application/"
                + "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
        for (String sheet : sheets) {
            xml.append("<Override PartName=\"").append(sheet).append("\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }
        return xml.append("</Types>").toString();
    }

    private static String relationships(String... relationships) {
        return DECLARATION + "<Relationships xmlns=\"" + PACKAGE + "\">" + String.join("", relationships)
                + "</Relationships>";
    }

    private static String relationship(String id, String type, String target) {
        return "<Relationship Id=\"" + id + "\" Type=\"" + type + "\" Target=\"" + target + "\"/>";
    }

    private Path zip(String name, Map<String, String> parts) throws Exception {
        Path file = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }
}
