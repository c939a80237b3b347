package org.detainerlab.ingest.read.xlsx;

import java.util.List;
import java.util.Map;

/**
 * The hyperlinks of one sheet to addresses outside the workbook, by cell: the rows give cell text only, and a cell
 * that shows {@code link} may hold the document's address in its hyperlink. Links to a place inside the workbook
 * are not kept.
 */
public final class Hyperlinks {

    /** No links, for a sheet without any or a source that is not an xlsx workbook. */
    public static final Hyperlinks NONE = new Hyperlinks(Map.of(), List.of());

    /** A link over a range of cells ({@code ref="G2:G9"}), 1-based rows and 0-based columns. */
    record Range(int firstRow, int firstColumn, int lastRow, int lastColumn, String target) {
        boolean contains(int row, int column) {
            return row >= firstRow && row <= lastRow && column >= firstColumn && column <= lastColumn;
        }
    }

    private final Map<Long, String> cells;
    private final List<Range> ranges;

    /** Links of single cells, by {@link #key}, and of ranges, the first range holding a cell winning. */
    Hyperlinks(Map<Long, String> cells, List<Range> ranges) {
        this.cells = cells;
        this.ranges = ranges;
    }

    /**
     * The address the cell at a row (1-based, as {@link org.detainerlab.ingest.read.SourceRow} numbers them) and
     * column (0-based) links to, as the relationship gives it; null when it has no link.
     */
    public String target(int row, int column) {
        String target = cells.get(key(row, column));
        for (int i = 0; target == null && i < ranges.size(); i++) {
            if (ranges.get(i).contains(row, column)) {
                target = ranges.get(i).target();
            }
        }
        return target;
    }

    static long key(int row, int column) {
        return ((long) row << 16) | column;
    }
}
