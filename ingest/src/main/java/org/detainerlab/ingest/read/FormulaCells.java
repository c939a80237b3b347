package org.detainerlab.ingest.read;

import java.util.List;

/**
 * The formula cells of a sheet, which were read as the value the program that saved the file calculated and stored
 * beside the formula (its cached value; Excel and LibreOffice always store one). The platform never recalculates a
 * formula, so a report says how many cells were read this way and where the first of them are.
 *
 * @param count every formula cell read
 * @param first the first {@link #EXAMPLES} of them, in reading order
 */
public record FormulaCells(long count, List<Cell> first) {

    public static final int EXAMPLES = 10;
    public static final FormulaCells NONE = new FormulaCells(0, List.of());

    /**
     * One formula cell: where it is, and its formula as written ({@code =A2&"x"}), or {@code (shared formula)} for
     * a cell that reuses the formula of another cell of its range.
     */
    public record Cell(String sheet, int row, String column, String formula) {
    }

    public FormulaCells {
        first = List.copyOf(first);
    }
}
