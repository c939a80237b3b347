package org.detainerlab.core.ruling;

import java.util.Arrays;
import java.util.List;

/** A court a ruling may name: its key (what a ruling's {@code court} field takes) and its full name. */
public record CourtView(String key, String name) {

    public static List<CourtView> all() {
        return Arrays.stream(Court.values()).map(c -> new CourtView(c.key(), c.fullName())).toList();
    }
}
