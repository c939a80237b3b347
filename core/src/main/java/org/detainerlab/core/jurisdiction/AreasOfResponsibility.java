package org.detainerlab.core.jurisdiction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The ICE field offices responsible for each place, from the latest loaded AOR release. A county has the offices
 * that list it by name, or else those that list its whole state; a state all offices that list it; a city or
 * agency those of its county or state; the nation none.
 */
final class AreasOfResponsibility {

    private final Map<Long, TreeSet<String>> byCounty = new HashMap<>();
    private final Map<Long, TreeSet<String>> byWholeState = new HashMap<>();
    private final Map<Long, TreeSet<String>> byState = new HashMap<>();

    /** Rows of (office, state id, county id, names a county), either id possibly null. */
    AreasOfResponsibility(List<Object[]> rows) {
        for (Object[] row : rows) {
            String office = (String) row[0];
            Long state = row[1] == null ? null : ((Number) row[1]).longValue();
            Long county = row[2] == null ? null : ((Number) row[2]).longValue();
            if (state != null) {
                byState.computeIfAbsent(state, k -> new TreeSet<>()).add(office);
            }
            if (county != null) {
                byCounty.computeIfAbsent(county, k -> new TreeSet<>()).add(office);
            } else if (state != null && !(Boolean) row[3]) {
                byWholeState.computeIfAbsent(state, k -> new TreeSet<>()).add(office);
            }
        }
    }

    List<String> of(Jurisdiction place) {
        for (Jurisdiction j = place; j != null; j = j.parent) {
            switch (j.kind) {
                case COUNTY -> {
                    TreeSet<String> offices = byCounty.get(j.id);
                    if (offices == null && j.parent != null) {
                        offices = byWholeState.get(j.parent.id);
                    }
                    return offices == null ? List.of() : new ArrayList<>(offices);
                }
                case STATE, DISTRICT, TERRITORY -> {
                    TreeSet<String> offices = byState.get(j.id);
                    return offices == null ? List.of() : new ArrayList<>(offices);
                }
                case NATION -> {
                    return List.of();
                }
                default -> {
                }
            }
        }
        return List.of();
    }
}
