package org.detainerlab.core.stats;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.detainerlab.core.common.InvalidQueryException;
import org.detainerlab.core.detainer.DetainerFilter;
import org.detainerlab.core.detainer.DetainerFilters;
import org.detainerlab.core.detainer.QueryParameters;
import org.detainerlab.core.detainer.Snapshot;

/** A statistics question, fully resolved: which rows, grouped how, measured how, suppressed below what. */
public record StatsQuery(DetainerFilter filter, List<Dimension> groupBy, Measure measure, Integer suppressBelow) {

    public static final int MAX_GROUP_BY = 3;
    public static final int MAX_SUPPRESS_BELOW = 1000;

    public static final Set<String> PARAMETERS;

    static {
        Set<String> names = new HashSet<>(DetainerFilter.PARAMETERS);
        names.addAll(Set.of("groupBy", "measure", "suppressBelow"));
        PARAMETERS = Set.copyOf(names);
    }

    public static StatsQuery parse(QueryParameters q, Snapshot snapshot) {
        q.requireKnown(PARAMETERS);
        List<Dimension> groupBy = new ArrayList<>();
        for (String value : q.values("groupBy")) {
            Dimension dimension = Dimension.of(value);
            if (groupBy.contains(dimension)) {
                throw new InvalidQueryException("groupBy", "'" + value + "' is listed twice");
            }
            groupBy.add(dimension);
        }
        if (groupBy.size() > MAX_GROUP_BY) {
            throw new InvalidQueryException("groupBy", "at most " + MAX_GROUP_BY + " dimensions, not " + groupBy.size());
        }
        Integer suppressBelow = q.integer("suppressBelow", 1, MAX_SUPPRESS_BELOW);
        return new StatsQuery(DetainerFilters.parse(q, snapshot), List.copyOf(groupBy), Measure.of(q.single("measure")),
                suppressBelow == null || suppressBelow == 1 ? null : suppressBelow);
    }

    /** The normalised query: the same question always reads the same, whatever order or spelling it came in. */
    public String canonical() {
        StringBuilder q = new StringBuilder();
        if (!groupBy.isEmpty()) {
            q.append("groupBy=").append(String.join(",", groupBy.stream().map(d -> d.parameter).toList())).append('&');
        }
        q.append("measure=").append(measure.parameter());
        String filterPart = filter.canonical();
        if (!filterPart.isEmpty()) {
            q.append('&').append(filterPart);
        }
        if (suppressBelow != null) {
            q.append("&suppressBelow=").append(suppressBelow);
        }
        return q.toString();
    }
}
