package org.detainerlab.core.figure;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

import org.detainerlab.core.detainer.ReleaseRef;
import org.detainerlab.core.stats.StatsRow;

/** The numbers of one answer (its rows and total) and the releases they were computed from. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FigureValues(List<StatsRow> rows, Long total, List<ReleaseRef> releases) {
}
