package org.detainerlab.core.stats;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.detainerlab.core.common.InvalidQueryException;
import org.detainerlab.core.detainer.DetainerFilter;
import org.detainerlab.core.detainer.DetainerFilters;
import org.detainerlab.core.detainer.QueryParameters;
import org.detainerlab.core.detainer.Snapshot;
import org.detainerlab.core.policy.Provision;

/** A statistics question, fully resolved: which rows, grouped how, measured how, suppressed below what. */
public record StatsQuery(DetainerFilter filter, List<Dimension> groupBy, Measure measure, Integer suppressBelow,
                         Provision provision, Set<PolicyRegime> regimes) {

    public static final int MAX_GROUP_BY = 3;
    public static final int MAX_SUPPRESS_BELOW = 1000;

    public static final Set<String> PARAMETERS;

    static {
        Set<String> names = new HashSet<>(DetainerFilter.PARAMETERS);
        names.addAll(Set.of("groupBy", "measure", "suppressBelow", "provision", "policyRegime"));
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
        Set<PolicyRegime> regimes = EnumSet.noneOf(PolicyRegime.class);
        q.values("policyRegime").forEach(value -> regimes.add(PolicyRegime.of(value)));
        Provision provision = provision(q.single("provision"), !regimes.isEmpty(),
                groupBy.contains(Dimension.POLICY_REGIME));
        return new StatsQuery(DetainerFilters.parse(q, snapshot), List.copyOf(groupBy), Measure.of(q.single("measure")),
                suppressBelow == null || suppressBelow == 1 ? null : suppressBelow, provision, Set.copyOf(regimes));
    }

    /** The provision that policy regimes are judged by: required by either use, and of no use without one. */
    private static Provision provision(String value, boolean filtered, boolean grouped) {
        String known = List.of(Provision.values()).toString();
        if (value == null) {
            if (filtered) {
                throw new InvalidQueryException("policyRegime", "needs provision=, the provision whose policies decide"
                        + " the regime (one of " + known + ")");
            }
            if (grouped) {
                throw new InvalidQueryException("provision", "groupBy=policyRegime needs provision=, one of " + known);
            }
            return null;
        }
        if (!filtered && !grouped) {
            throw new InvalidQueryException("provision", "is read only with groupBy=policyRegime or policyRegime=");
        }
        try {
            return Provision.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("provision", "'" + value + "' is not one of " + known);
        }
    }

    /** Whether the question is about policy regimes (grouped or filtered by them). */
    public boolean readsPolicies() {
        return provision != null;
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
        if (provision != null) {
            q.append("&provision=").append(provision.name());
        }
        if (!regimes.isEmpty()) {
            q.append("&policyRegime=").append(String.join(",", regimes.stream().sorted().map(Enum::name).toList()));
        }
        return q.toString();
    }
}
