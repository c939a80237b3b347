package org.detainerlab.ingest.generate;

import java.io.IOException;

/** Where generated rows go: a csv file or an xlsx workbook. */
interface RowSink extends AutoCloseable {

    /** Starts a sheet (xlsx) or does nothing (csv, which has one). */
    void sheet(String name) throws IOException;

    /** Values are String, Number, java.time.LocalDate or null (blank). */
    void row(Object... values) throws IOException;

    @Override
    void close() throws IOException;
}
