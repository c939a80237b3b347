package org.detainerlab.ingest.agreements;

import java.util.List;
import java.util.Map;

import org.detainerlab.ingest.read.SourceFormatException;
import org.detainerlab.ingest.read.SourceRow;

/**
 * One sheet of an agreement list as its header describes it: the layout, the row the header is on, where each
 * column is (0-based), the header cells as published, and the headers no layout uses.
 */
record AgreementSheet(String name, AgreementLayout layout, int headerRow, Map<AgreementColumn, Integer> columns,
                      List<String> headers, List<String> ignoredHeaders) {

    boolean has(AgreementColumn column) {
        return columns.containsKey(column);
    }

    /** The 0-based index of a column the layout has. */
    int index(AgreementColumn column) {
        return columns.get(column);
    }

    /** The cell as published, or null when it is blank or the sheet has no such column. */
    String raw(SourceRow row, AgreementColumn column) {
        Integer index = columns.get(column);
        if (index == null) {
            return null;
        }
        String cell = row.cell(index);
        return Text.isBlank(cell) ? null : cell;
    }

    /** The column for messages and reports, as the sheet names it: {@code SUPPORT TYPE (column E)}. */
    String describe(AgreementColumn column) {
        int index = columns.get(column);
        return Text.trim(headers.get(index)) + " (column " + SourceFormatException.columnName(index) + ")";
    }
}
