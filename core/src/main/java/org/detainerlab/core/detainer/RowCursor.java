package org.detainerlab.core.detainer;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;

import org.detainerlab.core.common.InvalidQueryException;

/**
 * Where a page of detainer rows ended: the sort key of its last row. Opaque to clients (base64url); the next page
 * starts strictly after it, so pages never repeat or skip a row however many are loaded meanwhile into other
 * releases.
 */
record RowCursor(RowSort sort, LocalDate date, long releaseId, int row, String sheet) {

    String encode() {
        String text = sort.name() + "|" + (date == null ? "" : date) + "|" + releaseId + "|" + row + "|" + sheet;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static RowCursor decode(String value, RowSort expected) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\|", 5);
            RowSort sort = RowSort.valueOf(parts[0]);
            if (sort != expected) {
                throw new InvalidQueryException("cursor", "this cursor belongs to sort=" + sort.parameter()
                        + ", not sort=" + expected.parameter());
            }
            return new RowCursor(sort, parts[1].isEmpty() ? null : LocalDate.parse(parts[1]), Long.parseLong(parts[2]),
                    Integer.parseInt(parts[3]), parts[4]);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException | java.time.DateTimeException e) {
            throw new InvalidQueryException("cursor", "is not a cursor this API gave out; use the 'next' value of"
                    + " the previous page as it came");
        }
    }
}
