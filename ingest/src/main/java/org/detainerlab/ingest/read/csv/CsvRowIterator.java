package org.detainerlab.ingest.read.csv;

import java.io.IOException;
import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.Locale;

import org.detainerlab.ingest.read.RowIterator;
import org.detainerlab.ingest.read.SourceFormatException;
import org.detainerlab.ingest.read.SourceRow;

/**
 * Parses RFC 4180 records from a chunked char stream. Text is scanned in place in a large chunk, so a cell that
 * lies within one chunk becomes a String with a single copy; only cells that straddle two chunks or hold doubled
 * quotes are assembled in a reusable buffer, which never grows past the cell limit.
 */
final class CsvRowIterator implements RowIterator {

    private static final int CHUNK_CHARS = 64 * 1024;
    /** Excel's column limit (XFD); more fields than this means the file is not comma-separated data. */
    private static final int MAX_COLUMNS = 16_384;

    private final String fileName;
    private final int maxCellChars;
    private final Utf8Chunks input;

    private final char[] chunk = new char[CHUNK_CHARS];
    private final CharBuffer chunkView = CharBuffer.wrap(chunk);
    private int pos;
    private int limit;
    /** The last char of the previous chunk, to tell CR LF from LF when a chunk starts with LF. */
    private char lastCharOfPreviousChunk;

    private char[] cell = new char[256];
    private int cellLength;
    private String[] fields = new String[32];
    private int fieldCount;
    /** The columns whose text is wanted; null while every column is. */
    private boolean[] wanted;

    private int record;
    private long line = 1;
    private boolean skipLineFeed;

    CsvRowIterator(String fileName, int maxCellChars, Utf8Chunks input) {
        this.fileName = fileName;
        this.maxCellChars = maxCellChars;
        this.input = input;
    }

    @Override
    public SourceRow next() throws IOException, SourceFormatException {
        while (readRecord()) {
            int width = fieldCount;
            while (width > 0 && fields[width - 1].isBlank()) {
                width--;
            }
            if (width > 0) {
                return new SourceRow(CsvSource.SHEET, record, Arrays.copyOf(fields, width));
            }
        }
        return null;
    }

    @Override
    public void readOnly(boolean[] columns) {
        wanted = columns.clone();
    }

    /** Reads one record into {@code fields}; false at the end of the file. */
    private boolean readRecord() throws IOException, SourceFormatException {
        record++;
        fieldCount = 0;
        if (skipLineFeed) {
            skipLineFeed = false;
            if (available() && chunk[pos] == '\n') {
                pos++;
            }
        }
        if (!available()) {
            return false;
        }
        while (true) {
            if (chunk[pos] == '"') {
                pos++;
                readQuoted();
            } else {
                readUnquoted();
            }
            // A field ends at a separator, a line break or the end of the file.
            if (!available()) {
                return true;
            }
            char c = chunk[pos++];
            if (c != ',') {
                line++;
                skipLineFeed = c == '\r';
                return true;
            }
            if (!available()) {
                addField(pos, pos);
                return true;
            }
        }
    }

    private void readUnquoted() throws IOException, SourceFormatException {
        int start = pos;
        while (true) {
            while (pos < limit) {
                char c = chunk[pos];
                // One comparison lets ordinary text through; all special chars sort at or below ','.
                if (c <= ',') {
                    if (c == ',' || c == '\n' || c == '\r') {
                        addField(start, pos);
                        return;
                    }
                    if (c == '"') {
                        throw problem("unexpected quote (\") in an unquoted field; enclose the whole field in "
                                + "quotes and double the quote inside, as in \"5'10\"\"\"");
                    }
                    if (c == 0) {
                        throw nulCharacter();
                    }
                }
                pos++;
            }
            keep(start, pos);
            if (!fill()) {
                addField(0, 0);
                return;
            }
            start = pos;
        }
    }

    /** Reads a field after its opening quote, up to and excluding what follows the closing quote. */
    private void readQuoted() throws IOException, SourceFormatException {
        long startLine = line;
        int start = pos;
        while (true) {
            while (pos < limit) {
                char c = chunk[pos];
                if (c <= '"') {
                    if (c == '"') {
                        int end = pos++;
                        if (pos == limit) {
                            keep(start, end);
                            start = 0;
                            end = 0;
                            if (!fill()) {
                                addField(0, 0);
                                return;
                            }
                        }
                        char next = chunk[pos];
                        if (next == '"') {
                            keep(start, end);
                            start = pos++;
                            continue;
                        }
                        if (next == ',' || next == '\n' || next == '\r') {
                            addField(start, end);
                            return;
                        }
                        throw problem("text (" + describe(next) + ") after the closing quote of a quoted field; a "
                                + "quote inside a quoted field must be doubled (\"\")");
                    }
                    if (c == '\r' || (c == '\n' && previousChar() != '\r')) {
                        line++;
                    } else if (c == 0) {
                        throw nulCharacter();
                    }
                }
                pos++;
            }
            keep(start, pos);
            if (!fill()) {
                throw problem("the quoted field that starts on line " + startLine + " has no closing quote before "
                        + "the end of the file; a quote is probably missing, or a quote inside the field is not "
                        + "doubled (\"\")");
            }
            start = pos;
        }
    }

    private char previousChar() {
        return pos > 0 ? chunk[pos - 1] : lastCharOfPreviousChunk;
    }

    /** Adds chunk[from, to) to the cell being assembled. */
    private void keep(int from, int to) throws SourceFormatException {
        int length = to - from;
        if (length == 0) {
            return;
        }
        int needed = cellLength + length;
        if (needed > maxCellChars) {
            throw cellTooLong();
        }
        if (needed > cell.length) {
            cell = Arrays.copyOf(cell, Math.min(maxCellChars, Math.max(needed, cell.length * 2)));
        }
        System.arraycopy(chunk, from, cell, cellLength, length);
        cellLength = needed;
    }

    /** Completes a field whose last piece is chunk[from, to). */
    private void addField(int from, int to) throws SourceFormatException {
        String value;
        if (cellLength == 0) {
            if (to - from > maxCellChars) {
                throw cellTooLong();
            }
            if (from == to) {
                value = "";
            } else if (wanted != null && (fieldCount >= wanted.length || !wanted[fieldCount])) {
                value = isBlank(from, to) ? "" : SourceRow.NOT_READ;
            } else {
                value = new String(chunk, from, to - from);
            }
        } else {
            keep(from, to);
            value = new String(cell, 0, cellLength);
            cellLength = 0;
        }
        if (fieldCount == fields.length) {
            if (fieldCount == MAX_COLUMNS) {
                throw problem("the record has more than " + String.format(Locale.ROOT, "%,d", MAX_COLUMNS)
                        + " fields, more than a spreadsheet can hold; the file is probably not comma-separated");
            }
            fields = Arrays.copyOf(fields, Math.min(MAX_COLUMNS, fields.length * 2));
        }
        fields[fieldCount++] = value;
    }

    /** Whether chunk[from, to) is blank as {@link String#isBlank()} sees it, without making a string of it. */
    private boolean isBlank(int from, int to) {
        for (int i = from; i < to; i++) {
            char c = chunk[i];
            if ((c > ' ' && c < 0x80) || !Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    private boolean available() throws IOException, SourceFormatException {
        return pos < limit || fill();
    }

    /** Replaces the consumed chunk with the next one; false at the end of the file. */
    private boolean fill() throws IOException, SourceFormatException {
        if (limit > 0) {
            lastCharOfPreviousChunk = chunk[limit - 1];
        }
        pos = 0;
        try {
            limit = Math.max(0, input.read(chunkView));
        } catch (Utf8Chunks.InvalidUtf8Exception e) {
            limit = 0;
            throw problem(String.format(Locale.ROOT, "the file is not valid UTF-8 (byte 0x%02X at byte offset %,d, "
                    + "line %,d); it was probably saved as Windows-1252 or Latin-1: save it as UTF-8 (in Excel: "
                    + "Save As, CSV UTF-8)", e.firstBadByte(), e.byteOffset(), line), e);
        }
        return limit > 0;
    }

    private SourceFormatException cellTooLong() {
        return problem(String.format(Locale.ROOT, "the cell is longer than %,d characters, the most a cell may "
                + "hold; if it should not be this long, a closing quote is probably missing", maxCellChars));
    }

    private SourceFormatException nulCharacter() {
        return problem("the text contains a NUL character, which a text file does not; the file is probably "
                + "UTF-16 or binary: save it as a UTF-8 csv file");
    }

    private SourceFormatException problem(String text) {
        return problem(text, null);
    }

    private SourceFormatException problem(String text, Throwable cause) {
        return new SourceFormatException(fileName, CsvSource.SHEET, record,
                SourceFormatException.columnName(fieldCount), text, cause);
    }

    private static String describe(char c) {
        return Character.isISOControl(c) ? String.format(Locale.ROOT, "U+%04X", (int) c) : "'" + c + "'";
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
