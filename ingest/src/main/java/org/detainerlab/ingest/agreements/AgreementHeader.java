package org.detainerlab.ingest.agreements;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.detainerlab.ingest.load.IngestException;
import org.detainerlab.ingest.read.RowIterator;
import org.detainerlab.ingest.read.SourceFormatException;
import org.detainerlab.ingest.read.SourceRow;

/**
 * Finds the header row of an agreement list among the first rows of a sheet and the layout it fits. A header row
 * is one that names the columns only agreement lists have: STATE, LAW ENFORCEMENT AGENCY and SUPPORT TYPE.
 * The row iterator is left just after the header, ready for the data rows.
 */
final class AgreementHeader {

    /** How many non-blank rows at the top of a sheet may be titles before the header. */
    static final int MAX_LEADING_ROWS = 10;

    private static final Set<AgreementColumn> SIGNATURE =
            EnumSet.of(AgreementColumn.STATE, AgreementColumn.AGENCY, AgreementColumn.SUPPORT_TYPE);

    private AgreementHeader() {
    }

    /** What every agreement list's header names, for the message about a file of no known kind. */
    static String expected() {
        return "a header row with " + SIGNATURE.stream().map(AgreementColumn::header)
                .collect(Collectors.joining(", "));
    }

    /** Whether header cells name the columns that make a file an agreement list. */
    static boolean isAgreementHeader(List<String> cells) {
        return columnsOf(cells).containsAll(SIGNATURE);
    }

    /** The sheet's layout, or null when the sheet has no non-blank row at all. */
    static AgreementSheet detect(String file, String sheet, RowIterator rows)
            throws IOException, SourceFormatException, IngestException {
        SourceRow widest = null;
        for (int seen = 0; seen < MAX_LEADING_ROWS; seen++) {
            SourceRow row = rows.next();
            if (row == null) {
                break;
            }
            if (isAgreementHeader(List.of(row.cells()))) {
                return layoutOf(file, sheet, row);
            }
            if (widest == null || row.cells().length > widest.cells().length) {
                widest = row;
            }
        }
        if (widest == null) {
            return null;
        }
        throw new IngestException(file + ", sheet '" + sheet + "': no header row of a 287(g) agreement list in the"
                + " first " + MAX_LEADING_ROWS + " rows (one with " + SIGNATURE.stream().map(AgreementColumn::header)
                .collect(Collectors.joining(", ")) + "). The widest of them, row " + widest.rowNumber()
                + ", has " + shown(List.of(widest.cells())) + ". Expected one of: " + expected(columnsOf(
                List.of(widest.cells()))) + ".");
    }

    private static AgreementSheet layoutOf(String file, String sheet, SourceRow header) throws IngestException {
        Map<AgreementColumn, Integer> columns = new EnumMap<>(AgreementColumn.class);
        List<String> ignored = new ArrayList<>();
        String[] cells = header.cells();
        for (int i = 0; i < cells.length; i++) {
            AgreementColumn column = AgreementColumn.of(cells[i]);
            if (column == null) {
                if (!Text.isBlank(cells[i])) {
                    ignored.add(Text.trim(cells[i]));
                }
                continue;
            }
            Integer earlier = columns.putIfAbsent(column, i);
            if (earlier != null) {
                throw new IngestException(file + ", sheet '" + sheet + "', row " + header.rowNumber() + ": column "
                        + column.header() + " appears twice, in columns " + SourceFormatException.columnName(earlier)
                        + " and " + SourceFormatException.columnName(i) + "; remove or rename one of them");
            }
        }
        for (AgreementLayout layout : AgreementLayout.values()) {
            if (layout.fits(columns.keySet())) {
                return new AgreementSheet(sheet, layout, header.rowNumber(), columns, List.of(cells),
                        List.copyOf(ignored));
            }
        }
        throw new IngestException(file + ", sheet '" + sheet + "', row " + header.rowNumber() + ": the header has "
                + shown(List.of(cells)) + ", which fits no layout of a 287(g) agreement list. Expected one of: "
                + expected(columns.keySet()) + ".");
    }

    private static Set<AgreementColumn> columnsOf(List<String> cells) {
        Set<AgreementColumn> found = EnumSet.noneOf(AgreementColumn.class);
        for (String cell : cells) {
            AgreementColumn column = cell == null ? null : AgreementColumn.of(cell);
            if (column != null) {
                found.add(column);
            }
        }
        return found;
    }

    private static String shown(List<String> cells) {
        List<String> named = cells.stream().filter(cell -> !Text.isBlank(cell)).map(Text::trim).toList();
        return named.isEmpty() ? "no headers" : "the headers " + String.join(" | ", named);
    }

    private static String expected(Set<AgreementColumn> found) {
        List<String> layouts = new ArrayList<>();
        for (AgreementLayout layout : AgreementLayout.values()) {
            layouts.add(layout.explain(found));
        }
        return String.join("; ", layouts);
    }
}
