package org.detainerlab.ingest.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes RFC 4180 csv in UTF-8, quoting where needed; blanks are written as {@code missing}. */
final class CsvSink implements RowSink {

    private final Writer out;
    private final String missing;
    private final boolean quoteAllText;

    CsvSink(Path file, String missing, boolean quoteAllText) throws IOException {
        this.out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
        this.missing = missing;
        this.quoteAllText = quoteAllText;
    }

    @Override
    public void sheet(String name) {
        // csv has a single sheet
    }

    @Override
    public void row(Object... values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            Object value = values[i];
            if (value == null) {
                out.write(missing);
            } else if (value instanceof String text) {
                if (quoteAllText || text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0) {
                    out.write('"');
                    out.write(text.replace("\"", "\"\""));
                    out.write('"');
                } else {
                    out.write(text);
                }
            } else {
                out.write(value.toString());
            }
        }
        out.write("\r\n");
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
