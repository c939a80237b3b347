package org.detainerlab.core.stats;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * One group of a statistics answer. {@code group} holds the group's keys (e.g. {@code state}, {@code stateName},
 * {@code month}); a null key means the source did not state it. A suppressed count is null with
 * {@code suppressed} true; shares computed from a suppressed count are null too. The share fields appear only for
 * {@code measure=share}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatsRow(Map<String, Object> group, Long count, Boolean suppressed, Long groupTotal,
                       Double shareWithinGroup, Double shareOfTotal) {
}
