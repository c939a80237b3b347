package org.detainerlab.ingest.read.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.detainerlab.ingest.read.csv.CsvFiles.readAll;
import static org.detainerlab.ingest.read.csv.CsvFiles.utf8;
import static org.detainerlab.ingest.read.csv.CsvFiles.write;

import java.nio.charset.Charset;
import java.nio.file.Path;

import org.detainerlab.ingest.read.ReadLimits;
import org.detainerlab.ingest.read.SourceFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every malformed file fails with the row (and column, where there is one) a person needs to fix it. */
class CsvSourceErrorsTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    @Test
    void windows1252TextNamesTheRecordAndColumnOfTheFirstBadByte() throws Exception {
        StringBuilder text = new StringBuilder("name,city\n");
        for (int i = 2; i <= 11; i++) {
            text.append("Person ").append(i).append(",Houston\n");
        }
        text.append("Ren\u00e9,San Jos\u00e9\n");
        Path file = write(dir, text.toString().getBytes(WINDOWS_1252));

        SourceFormatException e = readFails(file);

        assertThat(e.row()).isEqualTo(12);
        assertThat(e.column()).isEqualTo("A");
        assertThat(e.getMessage()).contains("data.csv", "sheet 'csv'", "row 12", "column A", "not valid UTF-8",
                "0xE9", "line 12", "save it as UTF-8");
    }

    @Test
    void aBadByteFarIntoTheFileIsPlacedExactly() throws Exception {
        StringBuilder text = new StringBuilder("id,remark\n");
        for (int i = 2; i < 5_000; i++) {
            text.append(i).append(",\"multi\nline ").append(i).append("\"\n");
        }
        byte[] good = utf8(text.toString());
        Path file = write(dir, good, utf8("5000,\"fa"), new byte[] {(byte) 0xE7, 'a', 'd', 'e', '"', '\n'});

        SourceFormatException e = readFails(file);

        assertThat(e.row()).isEqualTo(5_000);
        assertThat(e.column()).isEqualTo("B");
        assertThat(e.getMessage()).contains("byte 0xE7 at byte offset " + String.format("%,d", good.length + 8));
    }

    @Test
    void aMultiByteSequenceCutOffAtTheEndIsNotValidUtf8() throws Exception {
        byte[] euroSignCut = {(byte) 0xE2, (byte) 0x82};
        Path file = write(dir, utf8("price\n10 "), euroSignCut);

        SourceFormatException e = readFails(file);

        assertThat(e.row()).isEqualTo(2);
        assertThat(e.column()).isEqualTo("A");
        assertThat(e.getMessage()).contains("not valid UTF-8");
    }

    @Test
    void utf16IsRecognisedByItsByteOrderMark() throws Exception {
        Path bigEndian = write(dir, new byte[] {(byte) 0xFE, (byte) 0xFF}, "a,b\n".getBytes("UTF-16BE"));
        assertThat(openFails(bigEndian).getMessage()).contains("row 1", "is UTF-16", "save it as UTF-8");

        Path littleEndian = write(dir, new byte[] {(byte) 0xFF, (byte) 0xFE}, "a,b\n".getBytes("UTF-16LE"));
        assertThat(openFails(littleEndian).getMessage()).contains("row 1", "is UTF-16", "save it as UTF-8");
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsRejected() throws Exception {
        SourceFormatException e = readFails(write(dir, "name,height\nAna,5'10\"\n"));

        assertThat(e.row()).isEqualTo(2);
        assertThat(e.column()).isEqualTo("B");
        assertThat(e.getMessage()).contains("row 2, column B", "unexpected quote", "double the quote");
    }

    @Test
    void textAfterAClosingQuoteIsRejected() throws Exception {
        SourceFormatException e = readFails(write(dir, "a,b,c\n1,2,3\nx,y,\"ab\"c\n"));

        assertThat(e.row()).isEqualTo(3);
        assertThat(e.column()).isEqualTo("C");
        assertThat(e.getMessage()).contains("row 3, column C", "text ('c') after the closing quote", "must be doubled");
    }

    @Test
    void anUnterminatedQuoteNamesTheRowWhereTheFieldStarted() throws Exception {
        SourceFormatException e = readFails(write(dir, "a,b\n1,2\n3,\"never closed\n4,5\n6,7\n"));

        assertThat(e.row()).isEqualTo(3);
        assertThat(e.column()).isEqualTo("B");
        assertThat(e.getMessage()).contains("row 3, column B", "starts on line 3", "no closing quote");
    }

    @Test
    void lineNumbersCountACrLfCutAtAChunkBoundaryOnce() throws Exception {
        ReadLimits roomy = new ReadLimits(100_000, ReadLimits.DEFAULT.maxEntryBytes(),
                ReadLimits.DEFAULT.maxInflateRatio(), ReadLimits.DEFAULT.ratioCheckAfterBytes());
        for (int padding = 64 * 1024 - 8; padding <= 64 * 1024; padding++) {
            Path file = write(dir, "p".repeat(padding) + "\n\"a\r\nb\"\n\"open\n");

            SourceFormatException e = catchThrowableOfType(() -> readAll(file, roomy), SourceFormatException.class);

            assertThat(e.row()).isEqualTo(3);
            assertThat(e.getMessage()).as("padding %d", padding).contains("starts on line 4");
        }
    }

    @Test
    void aNulCharacterIsRejected() throws Exception {
        SourceFormatException e = readFails(write(dir, utf8("a,b\n1,x"), new byte[] {0}, utf8("y\n")));

        assertThat(e.row()).isEqualTo(2);
        assertThat(e.column()).isEqualTo("B");
        assertThat(e.getMessage()).contains("NUL character");
    }

    /**
     * A megabyte cell fails at the cell limit: the file goes on with bytes that are not UTF-8, and the error is
     * about the length, so the reader stopped long before it reached them.
     */
    @Test
    void aHugeCellFailsAtTheLimitWithoutReadingItAll() throws Exception {
        byte[] notUtf8 = {(byte) 0xFF};
        String huge = "x".repeat(1 << 20);

        SourceFormatException unquoted = readFails(write(dir, utf8("a,b\n1," + huge), notUtf8));
        assertThat(unquoted.row()).isEqualTo(2);
        assertThat(unquoted.column()).isEqualTo("B");
        assertThat(unquoted.getMessage()).contains("longer than 32,767 characters");

        SourceFormatException quoted = readFails(write(dir, utf8("a,b\n1,2\n\"" + huge), notUtf8, utf8("\"\n")));
        assertThat(quoted.row()).isEqualTo(3);
        assertThat(quoted.column()).isEqualTo("A");
        assertThat(quoted.getMessage()).contains("longer than 32,767 characters", "closing quote");
    }

    @Test
    void aCellOfExactlyTheLimitIsFine() throws Exception {
        String longest = "y".repeat(ReadLimits.DEFAULT.maxCellChars());

        assertThat(readAll(write(dir, "a\n" + longest + "\n\"" + longest + "\"\n")).get(2).cells())
                .containsExactly(longest);
    }

    @Test
    void moreFieldsThanASpreadsheetHasColumnsIsRejected() throws Exception {
        SourceFormatException e = readFails(write(dir, "h\n" + "x;".repeat(10) + ",".repeat(16_384) + "\n"));

        assertThat(e.row()).isEqualTo(2);
        assertThat(e.getMessage()).contains("more than 16,384 fields", "not comma-separated");
    }

    private static SourceFormatException readFails(Path file) {
        return catchThrowableOfType(() -> readAll(file), SourceFormatException.class);
    }

    private static SourceFormatException openFails(Path file) {
        return catchThrowableOfType(() -> CsvSource.open(file, ReadLimits.DEFAULT), SourceFormatException.class);
    }
}
