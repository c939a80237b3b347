package org.detainerlab.ingest.read;

import java.io.IOException;

/** Streams the rows of one sheet in order, holding only the current row in memory. */
public interface RowIterator extends AutoCloseable {

    /** The next row that has at least one non-blank cell, or {@code null} at the end of the sheet. */
    SourceRow next() throws IOException, SourceFormatException;

    /**
     * Says which columns the caller looks at in the rows that follow ({@code columns[i]} for column i; columns past
     * the array's end are not looked at). A reader may then return a non-blank cell of any other column as
     * {@link SourceRow#NOT_READ} instead of its text, which saves making a string of it; blank cells stay
     * {@code ""}, so which rows are blank does not change. Readers that gain nothing from it ignore it.
     */
    default void readOnly(boolean[] columns) {
    }

    /** The formula cells among the rows returned so far; csv files have none. */
    default FormulaCells formulaCells() {
        return FormulaCells.NONE;
    }

    @Override
    void close() throws IOException;
}
