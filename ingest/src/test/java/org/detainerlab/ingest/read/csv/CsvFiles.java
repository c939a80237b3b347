package org.detainerlab.ingest.read.csv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.detainerlab.ingest.read.ReadLimits;
import org.detainerlab.ingest.read.RowIterator;
import org.detainerlab.ingest.read.SourceFormatException;
import org.detainerlab.ingest.read.SourceRow;

/** Writes csv fixtures into a test's temporary folder and reads them back whole. */
final class CsvFiles {

    static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvFiles() {
    }

    static Path write(Path dir, String text) throws IOException {
        return write(dir, utf8(text));
    }

    static Path write(Path dir, byte[]... parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            bytes.writeBytes(part);
        }
        return Files.write(dir.resolve("data.csv"), bytes.toByteArray());
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static List<SourceRow> readAll(Path file) throws IOException, SourceFormatException {
        return readAll(file, ReadLimits.DEFAULT);
    }

    static List<SourceRow> readAll(Path file, ReadLimits limits) throws IOException, SourceFormatException {
        List<SourceRow> rows = new ArrayList<>();
        try (CsvSource source = CsvSource.open(file, limits); RowIterator it = source.rows("csv")) {
            for (SourceRow row = it.next(); row != null; row = it.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** Cells of each row, for comparing a whole file at once. */
    static List<List<String>> cells(List<SourceRow> rows) {
        return rows.stream().map(row -> List.of(row.cells())).toList();
    }

    static List<Integer> rowNumbers(List<SourceRow> rows) {
        return rows.stream().map(SourceRow::rowNumber).toList();
    }
}
