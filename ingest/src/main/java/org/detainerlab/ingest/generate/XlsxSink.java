package org.detainerlab.ingest.generate;

import java.io.IOException;
import java.nio.file.Path;

import org.detainerlab.ingest.read.xlsx.XlsxWriter;

/**
 * Writes rows into an xlsx workbook through the streaming {@link XlsxWriter}, text in a shared string table as
 * Excel writes the published releases, so that reading a generated file costs what reading a real one does.
 */
final class XlsxSink implements RowSink {

    private final XlsxWriter writer;

    XlsxSink(Path file) throws IOException {
        this.writer = XlsxWriter.create(file, XlsxWriter.StringStorage.SHARED);
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
