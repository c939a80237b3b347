package org.detainerlab.core.common;

import java.util.List;
import java.util.function.Function;

/** One page of a search: the items, how many match in all, and which page this is (0-based). */
public record Page<T>(List<T> items, long total, int page, int size) {

    /**
     * Fails when the page's first row lies beyond what a query can skip ({@code page * size} above 2^31 - 1), so that
     * a huge page number is a 400 naming {@code page}, not an overflowed offset that the database refuses.
     */
    public static void requireReachable(int page, int size) {
        if ((long) page * size > Integer.MAX_VALUE) {
            throw new InvalidQueryException("page", "page " + page + " of " + size + " items starts beyond the last"
                    + " row any search can return (" + Integer.MAX_VALUE + ")");
        }
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, page, size);
    }
}
