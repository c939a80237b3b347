package org.detainerlab.ingest.generate;

import java.io.IOException;
import java.nio.file.Path;

import org.detainerlab.ingest.read.xlsx.XlsxWriter;

/** Writes rows into an xlsx workbook through the streaming {@link XlsxWriter}. */
final class XlsxSink implements RowSink {

    private final XlsxWriter writer;

    XlsxSink(Path file) throws IOException {
        this.writer = XlsxWriter.create(file);
    }

    @Override
    public void sheet(String name) throws IOException {
        writer.startSheet(name);
    }

    @Override
    public void row(Object... values) throws IOException {
        writer.writeRow(values);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
