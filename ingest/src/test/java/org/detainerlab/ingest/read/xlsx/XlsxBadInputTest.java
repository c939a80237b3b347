package org.detainerlab.ingest.read.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.detainerlab.ingest.read.ReadLimits;
import org.detainerlab.ingest.read.RowIterator;
import org.detainerlab.ingest.read.SourceFormatException;
import org.detainerlab.ingest.read.SourceRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files that are not xlsx workbooks, are damaged, or are built to harm the reader: each one is refused with a
 * {@link SourceFormatException} that names the file (and sheet, row and column where they apply) and says what
 * to do, never with a raw zip or XML exception.
 */
class XlsxBadInputTest {

    private static final byte[] OLE2_SIGNATURE = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private static final int CENTRAL_HEADER_SIGNATURE = 0x02014b50;
    private static final int CENTRAL_HEADER_SIZE = 46;

    @TempDir
    Path dir;

    @Test
    void anEmptyFile() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.xlsx"));

        assertRefused(file).hasMessageStartingWith("empty.xlsx: ")
                .hasMessageContaining("is not an xlsx workbook").hasMessageContaining("0 bytes");
    }

    @Test
    void randomBytes() throws Exception {
        byte[] noise = new byte[10_000];
        new SplittableRandom(7).nextBytes(noise);
        noise[0] = 'x';
        Path file = Files.write(dir.resolve("noise.xlsx"), noise);

        assertRefused(file).hasMessageContaining("noise.xlsx")
                .hasMessageContaining("is not an xlsx workbook (not a zip file)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"State,City\nTEXAS,HOUSTON\n", "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n"})
    void textCsvAndPdfFiles(String content) throws Exception {
        Path file = Files.writeString(dir.resolve("export.xlsx"), content, StandardCharsets.ISO_8859_1);

        assertRefused(file).hasMessageContaining("export.xlsx").hasMessageContaining("not an xlsx workbook");
    }

    @Test
    void aLegacyXlsWorkbook() throws Exception {
        byte[] xls = Arrays.copyOf(OLE2_SIGNATURE, 4096);
        Path file = Files.write(dir.resolve("detainers.xlsx"), xls);

        assertRefused(file).hasMessageContaining("detainers.xlsx")
                .hasMessageContaining("is a legacy .xls workbook; save it as .xlsx");
    }

    @Test
    void aZipWithoutAWorkbook() throws Exception {
        Path file = dir.resolve("archive.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<document/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        assertRefused(file).hasMessageContaining("archive.xlsx")
                .hasMessageContaining("is a zip file but not an xlsx workbook (no _rels/.rels, which names the"
                        + " workbook's part)");
    }

    @Test
    void aTruncatedWorkbook() throws Exception {
        byte[] whole = Files.readAllBytes(workbookWithRows(dir.resolve("whole.xlsx"), 2_000));
        Path file = Files.write(dir.resolve("truncated.xlsx"), Arrays.copyOf(whole, whole.length * 6 / 10));

        assertRefused(file).hasMessageContaining("truncated.xlsx").hasMessageContaining("is truncated or damaged: ")
                .hasMessageContaining("download or export it again");
    }

    @Test
    void damagedCompressedData() throws Exception {
        byte[] bytes = Files.readAllBytes(workbookWithRows(dir.resolve("whole.xlsx"), 2_000));
        scramble(bytes, bytes.length / 4, 200);
        Path file = Files.write(dir.resolve("damaged.xlsx"), bytes);

        assertRefused(file).hasMessageContaining("damaged.xlsx").hasMessageContaining("sheet 'Data'")
                .message().containsAnyOf("is truncated or damaged", "is not well-formed XML");
    }

    @Test
    void malformedSheetXmlNamesTheSheetAndRow() throws Exception {
        Path file = new HandMadeXlsx().sheet("Data", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
                + "<row r=\"2\"><c r=\"A2\"><v>2</v></row>").writeTo(dir.resolve("malformed.xlsx"));

        try (XlsxSource source = XlsxSource.open(file); RowIterator rows = source.rows("Data")) {
            assertThat(rows.next().cells()).containsExactly("1");
            assertThatThrownBy(rows::next).isInstanceOf(SourceFormatException.class)
                    .hasMessageStartingWith("malformed.xlsx, sheet 'Data', row 2: ")
                    .hasMessageContaining("part xl/worksheets/sheet1.xml is not well-formed XML at line")
                    .hasMessageContaining("must be terminated by the matching end-tag");
        }
    }

    @Test
    void aFailureIsThrownAgainOnEveryLaterCall() throws Exception {
        Path file = new HandMadeXlsx().sheet("Data", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
                + "<row r=\"2\"><c r=\"A2\"><v>2</v></c><c r=\"B2\"><v>3</v></row><row r=\"3\"/>")
                .writeTo(dir.resolve("again.xlsx"));

        try (XlsxSource source = XlsxSource.open(file); RowIterator rows = source.rows("Data")) {
            assertThat(rows.next().rowNumber()).isEqualTo(1);
            SourceFormatException first = catchThrowableOfType(rows::next, SourceFormatException.class);
            assertThat(first).hasMessageStartingWith("again.xlsx, sheet 'Data', row 2: ")
                    .hasMessageContaining("at line 2, column ");
            assertThat(catchThrowableOfType(rows::next, SourceFormatException.class)).isSameAs(first);
        }
    }

    @Test
    void textThatIsNotUtf8NamesTheSheetAndRow() throws Exception {
        byte[] head = ("<worksheet xmlns=\"" + HandMadeXlsx.MAIN_NS + "\"><sheetData><row r=\"1\"><c r=\"A1\""
                + " t=\"inlineStr\"><is><t>ok</t></is></c></row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = "</t></is></c></row></sheetData></worksheet>".getBytes(StandardCharsets.UTF_8);
        byte[] sheet = Arrays.copyOf(head, head.length + 2 + tail.length);
        sheet[head.length] = 'Z';
        sheet[head.length + 1] = (byte) 0xFC;
        System.arraycopy(tail, 0, sheet, head.length + 2, tail.length);
        Path file = new HandMadeXlsx().sheet("Data", "").part("xl/worksheets/sheet1.xml", sheet)
                .writeTo(dir.resolve("latin1.xlsx"));

        assertRefused(file).hasMessageStartingWith("latin1.xlsx, sheet 'Data', row 2: ")
                .hasMessageContaining("part xl/worksheets/sheet1.xml is not valid text in its declared encoding");
    }

    @Test
    void closingASheetPartWayStopsItsReadingThread() throws Exception {
        Path file = workbookWithRows(dir.resolve("long.xlsx"), 20_000);

        try (XlsxSource source = XlsxSource.open(file)) {
            try (RowIterator rows = source.rows("Data")) {
                assertThat(rows.next().cells()).startsWith("0");
            }
            assertThat(readingThreads()).isEmpty();
            RowIterator leftOpen = source.rows("Data");
            assertThat(leftOpen.next().cells()).startsWith("0");
        }
        assertThat(readingThreads()).isEmpty();
    }

    @Test
    void aFormulaWithoutAStoredResultNamesSheetRowColumnAndFormula() throws Exception {
        Path file = new HandMadeXlsx().sheet("Data", "<row r=\"5\"><c r=\"A5\"><v>1</v></c>"
                + "<c r=\"C5\"><f>SUM(A1:A3)</f></c></row>").writeTo(dir.resolve("formula.xlsx"));

        assertRefused(file).hasMessage("formula.xlsx, sheet 'Data', row 5, column C: the cell holds the formula"
                        + " =SUM(A1:A3) but no stored result, so the program that wrote the file never calculated it;"
                        + " open and save the file in a spreadsheet program (which stores every formula's result), or"
                        + " save the sheet with values only")
                .satisfies(e -> {
                    SourceFormatException failure = (SourceFormatException) e;
                    assertThat(failure.sheet()).isEqualTo("Data");
                    assertThat(failure.row()).isEqualTo(5);
                    assertThat(failure.column()).isEqualTo("C");
                });
    }

    @Test
    void aMainDocumentThatIsNoWorkbook() throws Exception {
        Path file = new HandMadeXlsx().sheet("Data", "").part("_rels/.rels", "<Relationships xmlns=\""
                + HandMadeXlsx.PACKAGE_NS + "\"><Relationship Id=\"rId1\" Type=\"" + HandMadeXlsx.REL_NS
                + "/officeDocument\" Target=\"word/document.xml\"/></Relationships>")
                .part("word/document.xml", "<document xmlns=\"urn:x\"/>").writeTo(dir.resolve("letter.xlsx"));

        assertRefused(file).hasMessageContaining("letter.xlsx").hasMessageContaining("not an xlsx workbook (its main"
                + " part word/document.xml is a <document>, not a <workbook>)");
    }

    @Test
    void aMainDocumentTheFileDoesNotHold() throws Exception {
        Path file = new HandMadeXlsx().sheet("Data", "").part("_rels/.rels", "<Relationships xmlns=\""
                + HandMadeXlsx.PACKAGE_NS + "\"><Relationship Id=\"rId1\" Type=\"" + HandMadeXlsx.REL_NS
                + "/officeDocument\" Target=\"xl/book.xml\"/></Relationships>").writeTo(dir.resolve("moved.xlsx"));

        assertRefused(file).hasMessageContaining("the file is damaged: _rels/.rels names xl/book.xml as the workbook,"
                + " but the file holds no such part");
    }

    @Test
    void aMegabyteCellWrittenInline() throws Exception {
        Path file = dir.resolve("long-inline.xlsx");
        try (XlsxWriter xlsx = XlsxWriter.create(file)) {
            xlsx.startSheet("Data");
            xlsx.writeRow("header");
            xlsx.writeRow("short");
            xlsx.writeRow("ok", "x".repeat(1_048_576));
        }

        assertRefused(file).hasMessageStartingWith("long-inline.xlsx, sheet 'Data', row 3, column B: ")
                .hasMessageContaining("cell is 1,048,576 characters long; at most 32,767 are accepted");
    }

    @Test
    void aMegabyteSharedString() throws Exception {
        Path file = new HandMadeXlsx().sharedStrings("<t>ok</t>", "<t>" + "x".repeat(1_048_576) + "</t>")
                .sheet("Data", "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>0</v></c><c r=\"D4\" t=\"s\"><v>1</v></c></row>")
                .writeTo(dir.resolve("long-shared.xlsx"));

        assertRefused(file).hasMessageStartingWith("long-shared.xlsx, sheet 'Data', row 4, column D: ")
                .hasMessageContaining("cell is 1,048,576 characters long; at most 32,767 are accepted");
    }

    @Test
    void aZipBombSheetFailsEarlyOnTheRatio() throws Exception {
        Path file = new HandMadeXlsx().sheet("Data", "")
                .repetitivePart("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"" + HandMadeXlsx.MAIN_NS
                        + "\"><sheetData>", "<row/>", 200L << 20, "</sheetData></worksheet>")
                .writeTo(dir.resolve("bomb.xlsx"));
        assertThat(Files.size(file)).isLessThan(1 << 20);

        assertRefused(file).hasMessageStartingWith("bomb.xlsx, sheet 'Data': the file ")
                .hasMessageContaining("looks like a zip bomb: part xl/worksheets/sheet1.xml inflates more than 200"
                        + " times its compressed size");
    }

    @Test
    void aZipBombSharedStringsTableFailsEarlyOnTheRatio() throws Exception {
        Path file = new HandMadeXlsx().sheet("Data", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>")
                .repetitivePart("xl/sharedStrings.xml", "<sst xmlns=\"" + HandMadeXlsx.MAIN_NS
                        + "\"><si><t>a</t></si>", "    ", 200L << 20, "</sst>")
                .writeTo(dir.resolve("bomb.xlsx"));
        assertThat(Files.size(file)).isLessThan(1 << 20);

        assertRefused(file).hasMessageContaining("looks like a zip bomb: part xl/sharedStrings.xml inflates");
    }

    @Test
    void aPartLargerThanTheLimitIsRefusedWhateverItsDirectorySays() throws Exception {
        byte[] bytes = Files.readAllBytes(workbookWithRows(dir.resolve("whole.xlsx"), 1_000));
        declareUncompressedSize(bytes, "xl/worksheets/sheet1.xml", 100);
        Path file = Files.write(dir.resolve("large.xlsx"), bytes);
        ReadLimits small = new ReadLimits(32_767, 10_000, 200, 50L << 20);

        assertThatThrownBy(() -> readAll(file, small)).isInstanceOf(SourceFormatException.class)
                .hasMessageStartingWith("large.xlsx, sheet 'Data'")
                .hasMessageContaining("part xl/worksheets/sheet1.xml is larger than 10,000 bytes uncompressed");
    }

    @Test
    void sharedStringsAreBoundedByTheSameLimit() throws Exception {
        String[] strings = new String[2_000];
        Arrays.setAll(strings, i -> "<t>string number " + i + "</t>");
        Path file = new HandMadeXlsx().sharedStrings(strings)
                .sheet("Data", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>").writeTo(dir.resolve("sst.xlsx"));
        ReadLimits small = new ReadLimits(32_767, 10_000, 200, 50L << 20);

        assertThatThrownBy(() -> readAll(file, small)).isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("part xl/sharedStrings.xml is larger than 10,000 bytes uncompressed");
    }

    @Test
    void sharedStringsBeyondTheMemoryBudgetAreRefused() throws Exception {
        String[] strings = new String[1_000];
        Arrays.setAll(strings, i -> "<t>string number " + i + "</t>");
        Path file = new HandMadeXlsx().sharedStrings(strings).sheet("Data", "").writeTo(dir.resolve("sst.xlsx"));

        try (ZipPackage zip = ZipPackage.open(file, ReadLimits.DEFAULT)) {
            assertThatThrownBy(() -> SharedStrings.read(zip, "xl/sharedStrings.xml", 32_767, 10_000))
                    .isInstanceOf(SourceFormatException.class)
                    .hasMessageContaining("shared strings (xl/sharedStrings.xml) need more than");
            assertThat(SharedStrings.read(zip, "xl/sharedStrings.xml", 32_767, 1 << 20).size()).isEqualTo(1_000);
        }
    }

    /** The budget is the reader's limit, not a share of the heap: an application with a large heap refuses it too. */
    @Test
    void theSharedStringsBudgetComesFromTheReadLimits() throws Exception {
        String[] strings = new String[1_000];
        Arrays.setAll(strings, i -> "<t>string number " + i + "</t>");
        Path file = new HandMadeXlsx().sharedStrings(strings)
                .sheet("Data", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>").writeTo(dir.resolve("sst.xlsx"));
        ReadLimits tight = new ReadLimits(32_767, 4L << 30, 200, 50L << 20, 10_000);

        assertThatThrownBy(() -> readAll(file, tight)).isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("shared strings (xl/sharedStrings.xml) need more than");
        assertThat(ReadLimits.DEFAULT.maxSharedStringsBytes()).isEqualTo(256L << 20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xl/sharedStrings.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/styles.xml"})
    void anExternalEntityIsNeverResolved(String part) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-42");
        String doctype = "<?xml version=\"1.0\"?><!DOCTYPE root [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>";
        HandMadeXlsx xlsx = new HandMadeXlsx().sharedStrings("<t>safe</t>").styles(Map.of(), 0)
                .sheet("Data", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>");
        String hostile = switch (part) {
            case "xl/sharedStrings.xml" -> "<sst xmlns=\"" + HandMadeXlsx.MAIN_NS + "\"><si><t>&xxe;</t></si></sst>";
            case "xl/workbook.xml" -> "<workbook xmlns=\"" + HandMadeXlsx.MAIN_NS + "\" xmlns:r=\"http://schemas"
                    + ".openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"&xxe;\""
                    + " sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
            case "xl/styles.xml" -> "<styleSheet xmlns=\"" + HandMadeXlsx.MAIN_NS + "\"><numFmts><numFmt"
                    + " numFmtId=\"164\" formatCode=\"&xxe;\"/></numFmts></styleSheet>";
            default -> "<worksheet xmlns=\"" + HandMadeXlsx.MAIN_NS + "\"><sheetData><row r=\"1\"><c r=\"A1\""
                    + " t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>";
        };
        Path file = xlsx.part(part, doctype + hostile).writeTo(dir.resolve("xxe.xlsx"));

        assertRefused(file).hasMessageContaining("part " + part + " declares a DOCTYPE")
                .message().doesNotContain("TOP-SECRET-42");
    }

    @Test
    void entityExpansionIsRefusedToo() throws Exception {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;\">]><sst xmlns=\"" + HandMadeXlsx.MAIN_NS
                + "\"><si><t>&c;</t></si></sst>";
        Path file = new HandMadeXlsx().part("xl/sharedStrings.xml", laughs)
                .sheet("Data", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>")
                .writeTo(dir.resolve("laughs.xlsx"));

        assertRefused(file).hasMessageContaining("declares a DOCTYPE").message().doesNotContain("lol");
    }

    @Test
    void anUnknownSheetNamesTheSheetsThereAre() throws Exception {
        Path file = new HandMadeXlsx().sheet("FY2023", "").sheet("FY2024", "").writeTo(dir.resolve("two.xlsx"));

        try (XlsxSource source = XlsxSource.open(file)) {
            assertThatThrownBy(() -> source.rows("FY2025")).isInstanceOf(SourceFormatException.class)
                    .hasMessage("two.xlsx: the workbook has no sheet named 'FY2025'; its sheets are 'FY2023',"
                            + " 'FY2024'");
        }
    }

    @Test
    void aSheetWhosePartIsMissing() throws Exception {
        Path file = new HandMadeXlsx().sheet("Data", "").part("xl/worksheets/sheet1.xml", (String) null)
                .writeTo(dir.resolve("missing.xlsx"));

        assertRefused(file).hasMessageContaining("sheet 'Data'")
                .hasMessageContaining("part xl/worksheets/sheet1.xml, which the workbook refers to, is missing");
    }

    @Test
    void cellsThatCannotBeWhatTheirTypeSays() throws Exception {
        Path file = new HandMadeXlsx().sharedStrings("<t>only</t>").sheet("Data",
                "<row r=\"1\"><c r=\"B1\" t=\"s\"><v>7</v></c></row>").writeTo(dir.resolve("index.xlsx"));

        assertRefused(file).hasMessageStartingWith("index.xlsx, sheet 'Data', row 1, column B: ")
                .hasMessageContaining("refers to shared string #7, which does not exist (the workbook has 1)");
    }

    @Test
    void theSourceAndItsRowsCloseAfterAFailure() throws Exception {
        Path file = new HandMadeXlsx().sheet("Data", "<row r=\"1\"><c r=\"A1\"><f>NOW()</f></c></row>")
                .writeTo(dir.resolve("closes.xlsx"));
        XlsxSource source = XlsxSource.open(file);
        RowIterator rows = source.rows("Data");

        assertThatThrownBy(rows::next).isInstanceOf(SourceFormatException.class);
        rows.close();
        source.close();
        Files.delete(file);
        assertThat(file).doesNotExist();
    }

    private static List<Thread> readingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("xlsx read-ahead")).toList();
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Path file) {
        return assertThatThrownBy(() -> readAll(file, ReadLimits.DEFAULT)).isInstanceOf(SourceFormatException.class);
    }

    /** Opens the file and reads every row of every sheet, as an import would. */
    private static List<SourceRow> readAll(Path file, ReadLimits limits) throws Exception {
        try (XlsxSource source = XlsxSource.open(file, limits)) {
            List<SourceRow> all = new ArrayList<>();
            for (String sheet : source.sheets()) {
                try (RowIterator rows = source.rows(sheet)) {
                    for (SourceRow row = rows.next(); row != null; row = rows.next()) {
                        all.add(row);
                    }
                }
            }
            return all;
        }
    }

    private static Path workbookWithRows(Path file, int count) throws Exception {
        try (XlsxWriter xlsx = XlsxWriter.create(file)) {
            xlsx.startSheet("Data");
            for (int i = 0; i < count; i++) {
                xlsx.writeRow(i, "facility " + i, "state " + (i % 50), i * 0.5);
            }
        }
        return file;
    }

    /** Makes the zip directory claim a size for an entry, as a crafted file would, leaving the data as it is. */
    private static void declareUncompressedSize(byte[] zip, String entry, int size) {
        ByteBuffer bytes = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        byte[] name = entry.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at + CENTRAL_HEADER_SIZE < zip.length; at++) {
            if (bytes.getInt(at) == CENTRAL_HEADER_SIGNATURE && (bytes.getShort(at + 28) & 0xFFFF) == name.length
                    && Arrays.equals(zip, at + CENTRAL_HEADER_SIZE, at + CENTRAL_HEADER_SIZE + name.length,
                            name, 0, name.length)) {
                bytes.putInt(at + 24, size);
                return;
            }
        }
        throw new AssertionError("no directory entry " + entry);
    }

    /** Overwrites bytes with noise, as a bad disk or download would. */
    private static void scramble(byte[] bytes, int from, int length) {
        byte[] noise = new byte[length];
        new SplittableRandom(from).nextBytes(noise);
        System.arraycopy(noise, 0, bytes, from, length);
    }
}
