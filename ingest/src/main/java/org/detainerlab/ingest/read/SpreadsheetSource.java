package org.detainerlab.ingest.read;

import java.io.IOException;
import java.util.List;

/** A readable source file: an xlsx workbook (one or more sheets) or a csv file (one sheet named {@code csv}). */
public interface SpreadsheetSource extends AutoCloseable {

    /** Sheet names in workbook order. */
    List<String> sheets();

    /** Opens a sheet for streaming; sheets are read one after another, not in parallel. */
    RowIterator rows(String sheet) throws IOException, SourceFormatException;

    @Override
    void close() throws IOException;
}
