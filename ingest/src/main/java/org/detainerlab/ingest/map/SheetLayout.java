package org.detainerlab.ingest.map;

import java.util.Arrays;
import java.util.List;

import org.detainerlab.ingest.read.SourceFormatException;

/**
 * Where the fields are on one sheet: the profile that matched, the header's row number, the header cells as
 * found, and for each {@link Field} the 0-based column index (or -1 when the sheet has no such column).
 */
public record SheetLayout(String sheet, Profile profile, int headerRow, List<String> headers, int[] columns) {

    static SheetLayout of(String sheet, Profile profile, int headerRow, String[] headerCells) {
        int[] columns = new int[Field.values().length];
        Arrays.fill(columns, -1);
        for (int i = 0; i < headerCells.length; i++) {
            Field field = profile.fieldOf(headerCells[i]);
            if (field != null && columns[field.ordinal()] < 0) {
                columns[field.ordinal()] = i;
            }
        }
        return new SheetLayout(sheet, profile, headerRow, List.of(headerCells), columns);
    }

    public int column(Field field) {
        return columns[field.ordinal()];
    }

    /** For each column up to the last mapped one, whether a field is mapped to it. */
    public boolean[] mappedColumns() {
        boolean[] mapped = new boolean[Arrays.stream(columns).max().orElse(-1) + 1];
        for (int column : columns) {
            if (column >= 0) {
                mapped[column] = true;
            }
        }
        return mapped;
    }

    public boolean has(Field field) {
        return column(field) >= 0;
    }

    /** The header text of a field's column, for reports, e.g. {@code Detainer Prepare Date (column A)}. */
    public String describe(Field field) {
        int column = column(field);
        return column < 0 ? field.key() : headers.get(column) + " (column " + SourceFormatException.columnName(column) + ")";
    }
}
