package org.detainerlab.core.claim;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.detainerlab.core.detainer.FiscalYear;

/**
 * What a claim says, in the statistics API's own terms: which detainers (outcomes, a period as dates or fiscal
 * years, states, counties, facilities, charge categories, the policy regime of a provision) and the measure.
 * {@code count} is the number of such detainers; {@code share} is that number divided by the same count without the
 * places and the regime, i.e. their share of the national total (claimed as a fraction: 52% is 0.52). A value is
 * within tolerance when it is within {@code absolute} or within {@code relative} times the claimed value of it, or,
 * with {@code orMore} (a claim of "more than" or "over" a figure), at or above the claimed value.
 */
public record ClaimQuery(
        @NotNull @Pattern(regexp = "count|share", message = "must be count or share") String measure,
        List<@NotBlank @Size(max = 40) String> outcome,
        LocalDate from,
        LocalDate to,
        List<@NotNull Integer> fiscalYear,
        List<@NotBlank @Size(max = 100) String> state,
        List<@NotBlank @Size(max = 100) String> county,
        List<@NotBlank @Size(max = 300) String> facility,
        List<@NotBlank @Size(max = 40) String> chargeCategory,
        @Size(max = 60) String provision,
        List<@NotBlank @Size(max = 20) String> policyRegime,
        @NotNull @Valid Tolerance tolerance) {

    public record Tolerance(@PositiveOrZero Double absolute, @PositiveOrZero Double relative, Boolean orMore) {

        boolean admits(double difference, double claimed) {
            return (Boolean.TRUE.equals(orMore) && difference >= 0)
                    || (absolute != null && Math.abs(difference) <= absolute)
                    || (relative != null && Math.abs(difference) <= relative * Math.abs(claimed));
        }
    }

    boolean share() {
        return measure.equals("share");
    }

    boolean hasPlace() {
        return !list(state).isEmpty() || !list(county).isEmpty() || !list(facility).isEmpty()
                || !list(policyRegime).isEmpty();
    }

    /** The first and last day the claim is about: its dates, else its fiscal years; null when it states neither. */
    LocalDate periodFrom() {
        if (from != null) {
            return from;
        }
        return list(fiscalYear).stream().min(Integer::compare).map(FiscalYear::firstDay).orElse(null);
    }

    LocalDate periodTo() {
        if (to != null) {
            return to;
        }
        return list(fiscalYear).stream().max(Integer::compare).map(FiscalYear::lastDay).orElse(null);
    }

    /**
     * The statistics parameters of the count, with or without the places and the policy regime (the denominator
     * of a share: the same detainers, charge categories included, nationally).
     */
    Map<String, List<String>> parameters(boolean withPlaces) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        put(p, "outcome", list(outcome));
        if (from != null) {
            p.put("from", List.of(from.toString()));
        }
        if (to != null) {
            p.put("to", List.of(to.toString()));
        }
        put(p, "fiscalYear", list(fiscalYear).stream().map(String::valueOf).toList());
        put(p, "chargeCategory", list(chargeCategory));
        if (withPlaces) {
            put(p, "state", list(state));
            put(p, "county", list(county));
            put(p, "facility", list(facility));
            put(p, "policyRegime", list(policyRegime));
            if (provision != null && !provision.isBlank()) {
                p.put("provision", List.of(provision));
            }
        }
        return p;
    }

    private static void put(Map<String, List<String>> p, String name, List<String> values) {
        if (!values.isEmpty()) {
            p.put(name, new ArrayList<>(values));
        }
    }

    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }
}
