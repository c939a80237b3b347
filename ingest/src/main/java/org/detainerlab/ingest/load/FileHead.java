package org.detainerlab.ingest.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.detainerlab.ingest.map.HeaderDetector;
import org.detainerlab.ingest.read.RowIterator;
import org.detainerlab.ingest.read.SourceFormatException;
import org.detainerlab.ingest.read.SourceRow;
import org.detainerlab.ingest.read.SpreadsheetSource;
import org.detainerlab.ingest.read.csv.CsvSource;

/**
 * The top of a file, read once so that every {@link ReleaseKind} decides from the same rows: the first
 * {@link HeaderDetector#MAX_LEADING_ROWS} non-blank rows of each sheet (where titles and the header stand), what
 * stopped a sheet from being read that far, and, for a text file, its first line as written (a list the csv reader
 * refuses may still be recognised by it).
 */
public final class FileHead {

    /**
     * The first rows of one sheet, and the failure that ended them early, or null.
     *
     * @param rows    the first non-blank rows, at most {@link HeaderDetector#MAX_LEADING_ROWS}
     * @param failure why the sheet could not be read further, or null
     */
    public record SheetHead(String sheet, List<SourceRow> rows, SourceFormatException failure) {
    }

    private final String fileName;
    private final List<SheetHead> sheets;
    private final String firstLine;

    FileHead(String fileName, List<SheetHead> sheets, String firstLine) {
        this.fileName = fileName;
        this.sheets = List.copyOf(sheets);
        this.firstLine = firstLine;
    }

    /** Reads the head of every sheet of an open source; each sheet can then be read again from its start. */
    public static FileHead read(String fileName, SpreadsheetSource source) throws IOException {
        List<SheetHead> sheets = new ArrayList<>();
        for (String sheet : source.sheets()) {
            List<SourceRow> rows = new ArrayList<>();
            SourceFormatException failure = null;
            try (RowIterator iterator = source.rows(sheet)) {
                for (SourceRow row = iterator.next(); row != null; row = iterator.next()) {
                    rows.add(row);
                    if (rows.size() == HeaderDetector.MAX_LEADING_ROWS) {
                        break;
                    }
                }
            } catch (SourceFormatException e) {
                failure = e;
            }
            sheets.add(new SheetHead(sheet, rows, failure));
        }
        return new FileHead(fileName, sheets, source instanceof CsvSource csv ? csv.firstLine() : null);
    }

    public String fileName() {
        return fileName;
    }

    public List<SheetHead> sheets() {
        return sheets;
    }

    /** A text file's first line as written (without its line break), or null for a workbook. */
    public String firstLine() {
        return firstLine;
    }

    /** Whether any sheet's head has a row that {@code header} accepts. */
    public boolean anyRow(Predicate<SourceRow> header) {
        return sheets.stream().flatMap(sheet -> sheet.rows().stream()).anyMatch(header);
    }
}
