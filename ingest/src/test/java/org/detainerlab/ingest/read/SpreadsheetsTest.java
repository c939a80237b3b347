package org.detainerlab.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The format is decided by the first bytes of a file, never by its name. */
class SpreadsheetsTest {

    @TempDir
    Path dir;

    @Test
    void anEmptyFileIsRefused() throws IOException {
        SourceFormatException e = openFails(write("export.csv", new byte[0]));

        assertThat(e.getMessage()).isEqualTo("export.csv: is empty (0 bytes)");
    }

    @Test
    void randomBytesAreNotASpreadsheet() throws IOException {
        byte[] noise = new byte[4096];
        new Random(20_260_311).nextBytes(noise);

        SourceFormatException e = openFails(write("export.csv", noise));

        assertThat(e.getMessage()).startsWith("export.csv: ")
                .contains("is not a spreadsheet (expected an .xlsx workbook or a UTF-8 .csv file)")
                .doesNotContain(dir.toString());
    }

    @Test
    void textWithManyControlCharactersIsNotASpreadsheet() throws IOException {
        String terminalLog = "\u001b[1mbold\u001b[0m\u0007\n".repeat(100);

        assertThat(openFails(write("log.csv", ascii(terminalLog))).getMessage()).contains("is not a spreadsheet");
    }

    @Test
    void aPdfIsNamedAsSuch() throws IOException {
        SourceFormatException e = openFails(write("detainers.xlsx", ascii("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n")));

        assertThat(e.getMessage()).startsWith("detainers.xlsx: is a PDF, not a spreadsheet");
    }

    @Test
    void aLegacyXlsWorkbookIsNamedAsSuch() throws IOException {
        byte[] ole2 = new byte[512];
        byte[] signature = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(signature, 0, ole2, 0, signature.length);

        SourceFormatException e = openFails(write("FY15.xlsx", ole2));

        assertThat(e.getMessage()).startsWith("FY15.xlsx: is a legacy .xls workbook; save it as .xlsx or .csv");
    }

    @Test
    void aCsvNamedXlsxIsReadAsCsv() throws Exception {
        Path file = write("data.xlsx", ascii("Prepare Date,State\n2015-01-31,TEXAS\n"));

        try (SpreadsheetSource source = Spreadsheets.open(file, ReadLimits.DEFAULT);
             RowIterator rows = source.rows("csv")) {
            assertThat(source.sheets()).containsExactly("csv");
            assertThat(rows.next().cells()).containsExactly("Prepare Date", "State");
            assertThat(rows.next().cells()).containsExactly("2015-01-31", "TEXAS");
        }
    }

    @Test
    void aTextFileHoldingCsvIsReadAsCsvWithDefaultLimits() throws Exception {
        Path file = write("facilities.txt", "name,city\r\n\"MINN.C.F.,ST.CLOUD\",ST. CLOUD\r\nJosé,Ñuñoa\r\n"
                .getBytes(StandardCharsets.UTF_8));

        try (SpreadsheetSource source = Spreadsheets.open(file); RowIterator rows = source.rows("csv")) {
            rows.next();
            assertThat(rows.next().cells()).containsExactly("MINN.C.F.,ST.CLOUD", "ST. CLOUD");
            assertThat(rows.next().cells()).containsExactly("José", "Ñuñoa");
        }
    }

    @Test
    void utf16TextIsNamedAsUtf16NotAsBinary() throws IOException {
        byte[] text = "\uFEFFa,b\r\n1,2\r\n".getBytes(StandardCharsets.UTF_16LE);

        assertThat(openFails(write("export.csv", text)).getMessage()).contains("is UTF-16");
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static SourceFormatException openFails(Path file) {
        return catchThrowableOfType(() -> Spreadsheets.open(file, ReadLimits.DEFAULT), SourceFormatException.class);
    }
}
