package org.detainerlab.ingest.read;

import java.util.Arrays;

/**
 * One row of a source file as read, before any mapping: the sheet it is on, its 1-based row number as a
 * spreadsheet program shows it (for csv, the 1-based record number counting the header), and its cells as text.
 * Cells past the last non-blank one are not included; a blank cell inside the row is {@code ""}. Excel dates
 * arrive as ISO text ({@code 2015-01-31} or {@code 2015-01-31T13:45:00}), numbers in plain notation
 * ({@code 1987}, {@code 0.25}), booleans as {@code TRUE}/{@code FALSE}.
 */
public record SourceRow(String sheet, int rowNumber, String[] cells) {

    /** A non-blank cell that the reader was told not to read ({@link RowIterator#readOnly}). */
    public static final String NOT_READ = "(not read)";

    public String cell(int column) {
        return column < cells.length ? cells[column] : "";
    }

    public boolean isBlank() {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return sheet + "!" + rowNumber + Arrays.toString(cells);
    }
}
