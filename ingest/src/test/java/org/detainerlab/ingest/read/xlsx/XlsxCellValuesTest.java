package org.detainerlab.ingest.read.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.detainerlab.ingest.read.SourceRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cells as spreadsheet programs write them, built part by part: shared strings, rich text, every cell type,
 * number formats that make a number a date, both date systems, and cell references with gaps.
 */
class XlsxCellValuesTest {

    @TempDir
    Path dir;

    @Test
    void sharedStringsJoinRichTextRunsAndLeavePhoneticGuidesOut() throws Exception {
        Path file = new HandMadeXlsx()
                .sharedStrings("<t>plain</t>",
                        "<r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space=\"preserve\"> and plain</t></r>",
                        "<t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh><phoneticPr fontId=\"1\"/>",
                        "<t>line_x000D_\nbreak</t>",
                        "<t>a &amp; b &lt; c</t>")
                .sheet("Sheet1", "<row r=\"1\">" + shared("A1", 0) + shared("B1", 1) + shared("C1", 2)
                        + shared("D1", 3) + shared("E1", 4) + shared("F1", 0) + "</row>")
                .writeTo(dir.resolve("shared.xlsx"));

        assertThat(ReadBack.onlyRow(file))
                .containsExactly("plain", "Bold and plain", "東京", "line\r\nbreak", "a & b < c", "plain");
    }

    @Test
    void everyCellTypeIsRead() throws Exception {
        Path file = new HandMadeXlsx().sheet("Sheet1", "<row r=\"1\">"
                + "<c r=\"A1\" t=\"inlineStr\"><is><t>inline</t></is></c>"
                + "<c r=\"B1\" t=\"inlineStr\"><is><r><t>rich </t></r><r><rPr><i/></rPr><t>inline</t></r></is></c>"
                + "<c r=\"C1\" t=\"str\"><v>formula result kept as text</v></c>"
                + "<c r=\"D1\" t=\"b\"><v>1</v></c>"
                + "<c r=\"E1\" t=\"b\"><v>0</v></c>"
                + "<c r=\"F1\" t=\"e\"><v>#N/A</v></c>"
                + "<c r=\"G1\" t=\"d\"><v>2015-01-31T00:00:00</v></c>"
                + "<c r=\"H1\" t=\"d\"><v>2015-01-31T13:45:00.000</v></c>"
                + "<c r=\"I1\" t=\"n\"><v>1987</v></c>"
                + "<c r=\"J1\"><v>0.25</v></c>"
                + "</row>").writeTo(dir.resolve("types.xlsx"));

        assertThat(ReadBack.onlyRow(file)).containsExactly("inline", "rich inline", "formula result kept as text",
                "TRUE", "FALSE", "#N/A", "2015-01-31", "2015-01-31T13:45:00", "1987", "0.25");
    }

    @Test
    void numbersComeOutInPlainNotation() throws Exception {
        String[] stored = {"1987", "1987.0", "-12", "12.50", "1.5E-3", "1E+20", "-0", "0.30000000000000004",
            "1.1000000000000001", "123456789012345678", "0.1", "-0.0001"};
        StringBuilder cells = new StringBuilder("<row r=\"1\">");
        for (int i = 0; i < stored.length; i++) {
            cells.append("<c r=\"").append((char) ('A' + i)).append("1\"><v>").append(stored[i]).append("</v></c>");
        }
        Path file = new HandMadeXlsx().sheet("Sheet1", cells.append("</row>").toString())
                .writeTo(dir.resolve("numbers.xlsx"));

        assertThat(ReadBack.onlyRow(file)).containsExactly("1987", "1987", "-12", "12.5", "0.0015",
                "100000000000000000000", "0", "0.3", "1.1", "123456789012346000", "0.1", "-0.0001");
    }

    @Test
    void dateFormatsMakeNumbersDatesAndNumberFormatsDoNot() throws Exception {
        Map<Integer, String> custom = new LinkedHashMap<>();
        custom.put(164, "0.00");
        custom.put(165, "yyyy-mm-dd");
        custom.put(166, "m/d/yy h:mm");
        custom.put(167, "[Red]0.00");
        custom.put(168, "[h]:mm:ss");
        custom.put(169, "\"day\" 0");
        custom.put(170, "[$-409]d-mmm-yy;@");
        int[] styles = {0, 14, 22, 164, 165, 166, 167, 168, 169, 170, 4, 49};
        StringBuilder cells = new StringBuilder("<row r=\"1\">");
        for (int style = 0; style < styles.length; style++) {
            cells.append("<c r=\"").append((char) ('A' + style)).append("1\" s=\"").append(style)
                    .append("\"><v>42035.5</v></c>");
        }
        Path file = new HandMadeXlsx().styles(custom, styles).sheet("Sheet1", cells.append("</row>").toString())
                .writeTo(dir.resolve("formats.xlsx"));

        assertThat(ReadBack.onlyRow(file)).containsExactly(
                "42035.5", "2015-01-31T12:00:00", "2015-01-31T12:00:00", "42035.5", "2015-01-31T12:00:00",
                "2015-01-31T12:00:00", "42035.5", "42035.5", "42035.5", "2015-01-31T12:00:00", "42035.5", "42035.5");
    }

    @Test
    void the1900SystemKeepsExcelsLeapYearBug() throws Exception {
        Path file = new HandMadeXlsx().styles(Map.of(), 0, 14).sheet("Sheet1", "<row r=\"1\">"
                + date("A1", "1") + date("B1", "59") + date("C1", "60") + date("D1", "61") + date("E1", "42035")
                + date("F1", "42035.0000115741") + date("G1", "42035.9999999") + date("H1", "2958465")
                + date("I1", "-1") + "</row>").writeTo(dir.resolve("leap.xlsx"));

        assertThat(ReadBack.onlyRow(file)).containsExactly("1900-01-01", "1900-02-28", "1900-02-29",
                "1900-03-01", "2015-01-31", "2015-01-31T00:00:01", "2015-02-01", "9999-12-31", "-1");
    }

    @Test
    void the1904SystemCountsFrom1904() throws Exception {
        Path file = new HandMadeXlsx().date1904().styles(Map.of(), 0, 14).sheet("Sheet1", "<row r=\"1\">"
                + date("A1", "0") + date("B1", "41000") + date("C1", "41000.25") + "</row>")
                .writeTo(dir.resolve("mac.xlsx"));

        assertThat(ReadBack.onlyRow(file)).containsExactly("1904-01-01", "2016-04-02", "2016-04-02T06:00:00");
    }

    @Test
    void cellsArePlacedByTheirReferenceAndRowsKeepTheirNumbers() throws Exception {
        Path file = new HandMadeXlsx().sheet("Sheet1",
                "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"C2\"><v>3</v></c><c r=\"F2\"><v>6</v></c></row>"
                        + "<row r=\"5\"><c r=\"AA5\"><v>27</v></c></row>"
                        + "<row><c><v>1</v></c><c><v>2</v></c><c r=\"E6\"><v>5</v></c><c><v>6</v></c></row>")
                .writeTo(dir.resolve("refs.xlsx"));

        List<SourceRow> rows = ReadBack.rows(file, "Sheet1");

        assertThat(rows).extracting(SourceRow::rowNumber).containsExactly(2, 5, 6);
        assertThat(rows.get(0).cells()).containsExactly("1", "", "3", "", "", "6");
        assertThat(rows.get(1).cells()).hasSize(27).endsWith("27");
        assertThat(rows.get(2).cells()).containsExactly("1", "2", "", "", "5", "6");
    }

    @Test
    void rowsWithoutValuesAreSkipped() throws Exception {
        Path file = new HandMadeXlsx().styles(Map.of(), 0, 14).sheet("Sheet1",
                "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>header</t></is></c></row>"
                        + "<row r=\"2\" s=\"1\" customFormat=\"1\"><c r=\"A2\" s=\"1\"/><c r=\"B2\" s=\"1\"/></row>"
                        + "<row r=\"3\"/>"
                        + "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>  </t></is></c><c r=\"B4\"><v></v></c>"
                        + "<c r=\"C4\" t=\"s\"/></row>"
                        + "<row r=\"5\"><c r=\"B5\" s=\"1\"><v>42035</v></c><c r=\"C5\" s=\"1\"/></row>")
                .writeTo(dir.resolve("empty-rows.xlsx"));

        List<SourceRow> rows = ReadBack.rows(file, "Sheet1");

        assertThat(rows).extracting(SourceRow::rowNumber).containsExactly(1, 5);
        assertThat(rows.get(1).cells()).containsExactly("", "2015-01-31");
    }

    @Test
    void partsAreFoundByAbsoluteTargetsAndPrefixedElementsAreRead() throws Exception {
        String ns = HandMadeXlsx.MAIN_NS;
        Path file = new HandMadeXlsx().absoluteTargets().sheet("Sheet1", "")
                .sharedStrings("<t>shared</t>")
                .part("xl/worksheets/sheet1.xml", "<x:worksheet xmlns:x=\"" + ns + "\"><x:sheetData>"
                        + "<x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>prefixed</x:t></x:is></x:c>"
                        + "<x:c r=\"B1\" t=\"s\"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>")
                .writeTo(dir.resolve("absolute.xlsx"));

        assertThat(ReadBack.onlyRow(file)).containsExactly("prefixed", "shared");
    }

    @Test
    void sheetsLaidOutAsAnyXmlWriterMayAreReadAlike() throws Exception {
        String ns = HandMadeXlsx.MAIN_NS;
        Path file = new HandMadeXlsx().sharedStrings("<t>shared</t>").sheet("Sheet1", "")
                .part("xl/worksheets/sheet1.xml", "<?xml version='1.0' encoding='utf-8'?>\r\n"
                        + "<!-- written by hand -->\r\n<worksheet xmlns='" + ns + "'>\r\n  <sheetData>\r\n"
                        + "    <row r = '1' >\r\n"
                        + "      <c r='A1' t='&#115;'><v>0</v></c> <!-- a comment between cells -->\r\n"
                        + "      <c r='B1' t=\"inlineStr\"><is><t>line one\r\nline two &amp; <?pi data?>more</t>"
                        + "</is></c>\r\n"
                        + "      <c r='C1'><v><![CDATA[12.50]]></v></c>\r\n"
                        + "      <c r='D1' t='str'><v>&#x1F600; &lt;tag&gt; &#65;</v></c>\r\n"
                        + "      <c t='inlineStr' r='E1' ><is ><t >spaced markup</t ></is ></c >\r\n"
                        + "    </row>\r\n  </sheetData>\r\n</worksheet>\r\n")
                .writeTo(dir.resolve("by-hand.xlsx"));

        assertThat(ReadBack.onlyRow(file)).containsExactly("shared", "line one\nline two & more", "12.5",
                "\uD83D\uDE00 <tag> A", "spaced markup");
    }

    @Test
    void sheetsInUtf16OrADeclaredEncodingAreRead() throws Exception {
        String rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Zürich – 東京</t></is></c></row>";
        String utf16 = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><worksheet xmlns=\"" + HandMadeXlsx.MAIN_NS
                + "\"><sheetData>" + rows + "</sheetData></worksheet>";
        String latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><worksheet xmlns=\"" + HandMadeXlsx.MAIN_NS
                + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Zürich</t></is></c></row>"
                + "</sheetData></worksheet>";
        Path file = new HandMadeXlsx().sheet("UTF-16", "").sheet("Latin-1", "")
                .part("xl/worksheets/sheet1.xml", utf16.getBytes(StandardCharsets.UTF_16))
                .part("xl/worksheets/sheet2.xml", latin1.getBytes(StandardCharsets.ISO_8859_1))
                .writeTo(dir.resolve("encodings.xlsx"));

        assertThat(ReadBack.cells(file, "UTF-16")).containsExactly(List.of("Zürich – 東京"));
        assertThat(ReadBack.cells(file, "Latin-1")).containsExactly(List.of("Zürich"));
    }

    private static String shared(String reference, int index) {
        return "<c r=\"" + reference + "\" t=\"s\"><v>" + index + "</v></c>";
    }

    private static String date(String reference, String serial) {
        return "<c r=\"" + reference + "\" s=\"1\"><v>" + serial + "</v></c>";
    }
}
