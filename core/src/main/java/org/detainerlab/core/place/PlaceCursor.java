package org.detainerlab.core.place;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.detainerlab.core.common.InvalidQueryException;

/**
 * Where a page of places to review ended: the detainers and id of its last place, the order of the review list (most
 * detainers first, then id). Opaque to clients (base64url); the next page starts strictly after it, so paging
 * reaches every place once while no count moves (a release loaded or deleted meanwhile changes the counts, and so
 * the order).
 */
record PlaceCursor(long detainers, long id) {

    private static final String PREFIX = "place|";

    String encode() {
        String text = PREFIX + detainers + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static PlaceCursor decode(String value) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            if (!text.startsWith(PREFIX)) {
                throw new IllegalArgumentException(text);
            }
            String[] parts = text.substring(PREFIX.length()).split("\\|", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException(text);
            }
            return new PlaceCursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("cursor", "is not a cursor this API gave out; follow the Link rel=\"next\""
                    + " of the previous page as it came");
        }
    }
}
