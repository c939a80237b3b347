package org.detainerlab.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.detainerlab.ingest.read.csv.CsvSource;
import org.detainerlab.ingest.read.xlsx.XlsxSource;

/**
 * Opens any source file by what its first bytes say it is, not by its name: uploads and FOIA releases are often
 * misnamed (a csv saved as {@code .xlsx}, an old workbook renamed {@code .xlsx}). An xlsx workbook goes to the
 * xlsx reader, text to the csv reader; anything else fails with a message that says what the file is and what
 * to save it as.
 */
public final class Spreadsheets {

    private static final int SNIFF_BYTES = 8 * 1024;
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    private static final byte[] PDF = {'%', 'P', 'D', 'F'};
    private static final byte[] UTF16_BIG_ENDIAN = {(byte) 0xFE, (byte) 0xFF};
    private static final byte[] UTF16_LITTLE_ENDIAN = {(byte) 0xFF, (byte) 0xFE};

    private Spreadsheets() {
    }

    /** Opens {@code file} with {@link ReadLimits#DEFAULT}. */
    public static SpreadsheetSource open(Path file) throws IOException, SourceFormatException {
        return open(file, ReadLimits.DEFAULT);
    }

    public static SpreadsheetSource open(Path file, ReadLimits limits) throws IOException, SourceFormatException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        String name = file.getFileName().toString();
        if (head.length == 0) {
            throw new SourceFormatException(name, null, null, null, "is empty (0 bytes)");
        }
        if (startsWith(head, ZIP)) {
            return XlsxSource.open(file, limits);
        }
        if (startsWith(head, OLE2)) {
            throw new SourceFormatException(name, null, null, null, "is a legacy .xls workbook; save it as .xlsx "
                    + "or .csv (a password-protected .xlsx looks the same: save it without the password)");
        }
        if (startsWith(head, PDF)) {
            throw new SourceFormatException(name, null, null, null, "is a PDF, not a spreadsheet; ask for the data "
                    + "as an .xlsx workbook or a UTF-8 .csv file");
        }
        // UTF-16 text is full of NUL bytes; the csv reader names the encoding, which helps more than "binary".
        boolean utf16 = startsWith(head, UTF16_BIG_ENDIAN) || startsWith(head, UTF16_LITTLE_ENDIAN);
        if (!utf16 && looksBinary(head)) {
            throw new SourceFormatException(name, null, null, null,
                    "is not a spreadsheet (expected an .xlsx workbook or a UTF-8 .csv file)");
        }
        return CsvSource.open(file, limits);
    }

    private static boolean startsWith(byte[] head, byte[] signature) {
        if (head.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (head[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }

    /** Text never holds NUL and rarely control characters other than tab, line breaks and form feed. */
    private static boolean looksBinary(byte[] head) {
        int control = 0;
        for (byte b : head) {
            int value = b & 0xFF;
            if (value == 0) {
                return true;
            }
            boolean layout = value == '\t' || value == '\n' || value == '\r' || value == '\f';
            if ((value < 0x20 && !layout) || value == 0x7F) {
                control++;
            }
        }
        return control * 20 > head.length;
    }
}
