package org.detainerlab.ingest.read;

import java.io.IOException;

/** Streams the rows of one sheet in order, holding only the current row in memory. */
public interface RowIterator extends AutoCloseable {

    /** The next row that has at least one non-blank cell, or {@code null} at the end of the sheet. */
    SourceRow next() throws IOException, SourceFormatException;

    /** The formula cells among the rows returned so far; csv files have none. */
    default FormulaCells formulaCells() {
        return FormulaCells.NONE;
    }

    @Override
    void close() throws IOException;
}
