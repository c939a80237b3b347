package org.detainerlab.core.detainer;

import java.util.Locale;

import org.detainerlab.core.common.InvalidQueryException;

/**
 * Orders of detainer rows. Both end with the row's provenance, which is unique, so the order is total and stable.
 * {@code source} follows the primary key and is fast at any depth; {@code prepareDate} sorts by prepare date
 * first (missing dates last) and scans the filtered rows for each page.
 */
public enum RowSort {
    SOURCE("(d.release_id, d.source_sheet, d.source_row)", "d.release_id, d.source_sheet, d.source_row"),
    PREPARE_DATE("(coalesce(d.prepare_date, 'infinity'::date), d.release_id, d.source_sheet, d.source_row)",
            "coalesce(d.prepare_date, 'infinity'::date), d.release_id, d.source_sheet, d.source_row");

    final String key;
    final String orderBy;

    RowSort(String key, String orderBy) {
        this.key = key;
        this.orderBy = orderBy;
    }

    public String parameter() {
        return this == SOURCE ? "source" : "prepareDate";
    }

    static RowSort of(String value) {
        if (value == null) {
            return SOURCE;
        }
        for (RowSort sort : values()) {
            if (sort.parameter().equalsIgnoreCase(value.toLowerCase(Locale.ROOT))) {
                return sort;
            }
        }
        throw new InvalidQueryException("sort", "'" + value + "' is not one of source, prepareDate");
    }

    /** The condition "after the cursor" with its bound values. */
    String after() {
        return this == SOURCE ? key + " > (?, ?, ?)" : key + " > (coalesce(?::date, 'infinity'::date), ?, ?, ?)";
    }

    Object[] afterValues(RowCursor cursor) {
        return this == SOURCE ? new Object[] {cursor.releaseId(), cursor.sheet(), cursor.row()}
                : new Object[] {cursor.date(), cursor.releaseId(), cursor.sheet(), cursor.row()};
    }
}
