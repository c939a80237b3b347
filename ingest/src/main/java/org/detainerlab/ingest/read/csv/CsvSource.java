package org.detainerlab.ingest.read.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.detainerlab.ingest.read.ReadLimits;
import org.detainerlab.ingest.read.RowIterator;
import org.detainerlab.ingest.read.SourceFormatException;
import org.detainerlab.ingest.read.SpreadsheetSource;

/**
 * A comma-separated file (RFC 4180) in UTF-8, with or without a byte-order mark, read as one sheet named
 * {@code csv}. Rows are streamed; row numbers count records from 1 (the header), so a record that spans several
 * lines because of a quoted line break is one row, as a spreadsheet program shows it. Cell text is returned
 * exactly as written, after unquoting. Anything RFC 4180 forbids, text that is not UTF-8 and cells longer than
 * {@link ReadLimits#maxCellChars()} fail with a {@link SourceFormatException} naming the row and column.
 */
public final class CsvSource implements SpreadsheetSource {

    static final String SHEET = "csv";
    /** How much of the file's start is kept for {@link #firstLine()}. */
    private static final int HEAD_BYTES = 8 * 1024;

    private final Path file;
    private final String fileName;
    private final ReadLimits limits;
    private final int byteOrderMarkLength;
    private final String firstLine;
    private RowIterator current;

    private CsvSource(Path file, ReadLimits limits, int byteOrderMarkLength, String firstLine) {
        this.file = file;
        this.fileName = file.getFileName().toString();
        this.limits = limits;
        this.byteOrderMarkLength = byteOrderMarkLength;
        this.firstLine = firstLine;
    }

    /** Opens {@code file}; fails at once if it starts with a UTF-16 byte-order mark. */
    public static CsvSource open(Path file, ReadLimits limits) throws IOException, SourceFormatException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD_BYTES);
        }
        if (head.length >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
            throw new SourceFormatException(file.getFileName().toString(), SHEET, 1, null,
                    "the file is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8 "
                            + "(in Excel: Save As, CSV UTF-8)");
        }
        boolean utf8Bom = head.length >= 3
                && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF;
        int start = utf8Bom ? 3 : 0;
        return new CsvSource(file, limits, start, firstLine(head, start));
    }

    /**
     * The first line as written, up to its line break and within the first {@value #HEAD_BYTES} bytes, without the
     * byte-order mark: to recognise a file that the csv rules may refuse (ICE's list of areas of responsibility puts
     * a space before each quoted field). Bytes that are not UTF-8 read as U+FFFD; reading the rows reports them.
     */
    public String firstLine() {
        return firstLine;
    }

    private static String firstLine(byte[] head, int start) {
        int end = start;
        while (end < head.length && head[end] != '\n' && head[end] != '\r') {
            end++;
        }
        return new String(head, start, end - start, StandardCharsets.UTF_8);
    }

    @Override
    public List<String> sheets() {
        return List.of(SHEET);
    }

    /** Starts reading from the first record; an iterator opened earlier is closed. */
    @Override
    public RowIterator rows(String sheet) throws IOException {
        if (!SHEET.equals(sheet)) {
            throw new IllegalArgumentException(fileName + " is a csv file; its only sheet is '" + SHEET
                    + "', not '" + sheet + "'");
        }
        close();
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(byteOrderMarkLength);
        current = new CsvRowIterator(fileName, limits.maxCellChars(), new Utf8Chunks(channel, byteOrderMarkLength));
        return current;
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
