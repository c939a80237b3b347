package org.detainerlab.ingest.map;

import java.util.ArrayDeque;
import java.util.Deque;

import org.detainerlab.ingest.read.RowIterator;
import org.detainerlab.ingest.read.SourceRow;

/** Rows held in memory, numbered from 1, for tests of what comes after the readers. */
final class ListRows implements RowIterator {

    private final Deque<SourceRow> rows = new ArrayDeque<>();

    ListRows(String sheet, String[]... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (cells[i].length > 0) {
                rows.add(new SourceRow(sheet, i + 1, cells[i]));
            }
        }
    }

    @Override
    public SourceRow next() {
        return rows.poll();
    }

    @Override
    public void close() {
    }
}
