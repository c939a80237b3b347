package org.detainerlab.core.stats;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

import org.detainerlab.core.detainer.Provenance;

/** A statistics answer: the groups, the total over all of them, and the provenance. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatsAnswer(List<String> groupBy, String measure, Integer suppressBelow, List<StatsRow> rows,
                          Long total, Boolean totalSuppressed, Provenance provenance) {
}
