package org.detainerlab.ingest.read.xlsx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.detainerlab.ingest.read.RowIterator;
import org.detainerlab.ingest.read.SourceFormatException;
import org.detainerlab.ingest.read.SourceRow;

/** Reads whole sheets back, for tests on small files. */
final class ReadBack {

    private ReadBack() {
    }

    static List<SourceRow> rows(Path file, String sheet) throws IOException, SourceFormatException {
        try (XlsxSource source = XlsxSource.open(file)) {
            return rows(source, sheet);
        }
    }

    static List<SourceRow> rows(XlsxSource source, String sheet) throws IOException, SourceFormatException {
        List<SourceRow> rows = new ArrayList<>();
        try (RowIterator iterator = source.rows(sheet)) {
            for (SourceRow row = iterator.next(); row != null; row = iterator.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** The cells of each row, as lists that AssertJ compares and prints well. */
    static List<List<String>> cells(Path file, String sheet) throws IOException, SourceFormatException {
        return rows(file, sheet).stream().map(row -> Arrays.asList(row.cells())).toList();
    }

    /** The cells of the only row of the first sheet. */
    static List<String> onlyRow(Path file) throws IOException, SourceFormatException {
        try (XlsxSource source = XlsxSource.open(file)) {
            List<SourceRow> rows = rows(source, source.sheets().get(0));
            if (rows.size() != 1) {
                throw new AssertionError("expected one row, read " + rows);
            }
            return Arrays.asList(rows.get(0).cells());
        }
    }
}
