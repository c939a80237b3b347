package org.detainerlab.ingest.map;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.detainerlab.ingest.read.RowIterator;
import org.detainerlab.ingest.read.SourceFormatException;
import org.detainerlab.ingest.read.SourceRow;

/**
 * Finds the header row of a sheet among its first rows (releases put 0, 5 or 6 title rows above it) and the
 * profile it matches. The row iterator is left just after the header, ready for the data rows.
 */
public final class HeaderDetector {

    /** How many non-blank rows at the top of a sheet may be titles before the header. */
    public static final int MAX_LEADING_ROWS = 10;

    private HeaderDetector() {
    }

    /**
     * The layout of the sheet, or null when the sheet has no non-blank row at all.
     *
     * @param candidates the profiles to try, in order of preference; with one, its missing headers are named
     */
    public static SheetLayout detect(String file, String sheet, RowIterator rows, List<Profile> candidates)
            throws IOException, SourceFormatException {
        SourceRow widest = null;
        for (int seen = 0; seen < MAX_LEADING_ROWS; seen++) {
            SourceRow row = rows.next();
            if (row == null) {
                break;
            }
            for (Profile profile : candidates) {
                if (missing(profile, row).isEmpty()) {
                    return SheetLayout.of(sheet, profile, row.rowNumber(), row.cells());
                }
            }
            if (widest == null || row.cells().length > widest.cells().length) {
                widest = row;
            }
        }
        if (widest == null) {
            return null;
        }
        throw new SourceFormatException(file, sheet, widest.rowNumber(), null, explain(widest, candidates));
    }

    /** Whether the row is the header of one of the profiles. */
    public static boolean isHeader(SourceRow row, List<Profile> candidates) {
        return candidates.stream().anyMatch(profile -> missing(profile, row).isEmpty());
    }

    /** What each profile's header needs, e.g. {@code ice-modern needs [prepare_date: ...]}. */
    public static String expected(List<Profile> candidates) {
        return candidates.stream().map(profile -> profile.name() + " needs " + profile.expectedHeaders())
                .collect(Collectors.joining("; "));
    }

    private static Set<String> missing(Profile profile, SourceRow row) {
        Set<Field> found = new java.util.HashSet<>();
        for (String cell : row.cells()) {
            Field field = profile.fieldOf(cell);
            if (field != null) {
                found.add(field);
            }
        }
        return profile.required().stream().filter(f -> !found.contains(f)).map(Field::key)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static String explain(SourceRow widest, List<Profile> candidates) {
        List<String> expected = new ArrayList<>();
        for (Profile profile : candidates) {
            expected.add(profile.name() + " needs " + profile.expectedHeaders()
                    + (candidates.size() == 1 ? " (missing: " + missing(profile, widest) + ")" : ""));
        }
        return "no header row found in the first " + MAX_LEADING_ROWS + " rows. The widest row (shown) has the headers "
                + List.of(widest.cells()) + ". Expected: " + String.join("; ", expected)
                + ". For another layout, supply a mapping file (--mapping FILE; see docs/data-dictionary.md).";
    }
}
