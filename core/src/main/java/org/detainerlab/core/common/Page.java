package org.detainerlab.core.common;

import java.util.List;
import java.util.function.Function;

/** One page of a search: the items, how many match in all, and which page this is (0-based). */
public record Page<T>(List<T> items, long total, int page, int size) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, page, size);
    }
}
