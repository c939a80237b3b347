package org.detainerlab.core.stats;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.detainerlab.core.common.InvalidQueryException;
import org.detainerlab.core.common.ResourceNotFoundException;
import org.detainerlab.core.curation.DatePrecision;
import org.detainerlab.core.detainer.Outcome;
import org.detainerlab.core.detainer.Place;
import org.detainerlab.core.detainer.QueryParameters;
import org.detainerlab.core.detainer.ReleaseRef;
import org.detainerlab.core.detainer.Snapshot;
import org.detainerlab.core.detainer.SnapshotSource;
import org.detainerlab.core.policy.PolicyEventType;
import org.detainerlab.core.policy.PolicyEventView;
import org.detainerlab.core.policy.PolicyService;
import org.detainerlab.core.policy.PolicyView;

/**
 * Monthly counts and rates of an outcome in a jurisdiction before and after a policy event (e.g. SB 54 taking
 * effect in California). Descriptive only: it sets the numbers beside the date and says where the data do not
 * cover the window; it does not estimate what caused a change.
 */
@ApplicationScoped
public class PolicyEffectService {

    public static final int MAX_MONTHS = 120;
    private static final Set<String> OWN_PARAMETERS = Set.of("jurisdiction", "policy", "event", "months", "outcome");
    private static final Set<String> PASSED_ON = Set.of("release", "detainerType", "criminality",
            "excludeLikelyDuplicates", "suppressBelow");

    private final StatsService stats;
    private final PolicyService policies;
    private final SnapshotSource snapshots;

    public PolicyEffectService(StatsService stats, PolicyService policies, SnapshotSource snapshots) {
        this.stats = stats;
        this.policies = policies;
        this.snapshots = snapshots;
    }

    public PolicyEffect effect(QueryParameters q) {
        Set<String> known = new HashSet<>(OWN_PARAMETERS);
        known.addAll(PASSED_ON);
        q.requireKnown(known);
        Snapshot snapshot = snapshots.current();
        Place place = place(q.single("jurisdiction"), snapshot);
        PolicyView policy = policy(q.single("policy"));
        PolicyEventType type = eventType(q.single("event"));
        List<PolicyEventView> ofType = policy.events().stream().filter(e -> e.type() == type).toList();
        if (ofType.isEmpty()) {
            throw new InvalidQueryException("event", "policy " + policy.key() + " has no " + type + " event; its events"
                    + " are " + policy.events().stream().map(e -> e.type().name()).distinct().toList());
        }
        PolicyEventView event = ofType.get(0);
        Integer asked = q.integer("months", 1, MAX_MONTHS);
        int months = asked == null ? 12 : asked;
        List<String> outcomes = q.values("outcome").isEmpty() ? List.of(Outcome.DECLINED.name()) : q.values("outcome");

        YearMonth eventMonth = YearMonth.from(event.date());
        YearMonth lastOfEvent = switch (event.precision()) {
            case DAY, MONTH -> eventMonth;
            case YEAR -> YearMonth.of(event.date().getYear(), 12);
        };
        boolean eventMonthIsAfter = event.precision() == DatePrecision.DAY && event.date().getDayOfMonth() == 1;
        YearMonth firstBefore = eventMonth.minusMonths(months);
        YearMonth firstAfter = eventMonthIsAfter ? eventMonth : lastOfEvent.plusMonths(1);
        YearMonth lastAfter = firstAfter.plusMonths(months - 1);

        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("groupBy", List.of("month"));
        params.put("measure", List.of("share"));
        params.put("outcome", outcomes);
        params.put("from", List.of(firstBefore.atDay(1).toString()));
        params.put("to", List.of(lastAfter.atEndOfMonth().toString()));
        switch (place.kind()) {
            case "NATION" -> { }
            case "COUNTY" -> params.put("county", List.of(place.code()));
            default -> params.put("state", List.of(place.code()));
        }
        for (String name : PASSED_ON) {
            List<String> values = q.values(name);
            if (!values.isEmpty()) {
                params.put(name, values);
            }
        }
        StatsAnswer answer = stats.detainers(QueryParameters.of(params));

        Map<String, StatsRow> byMonth = new HashMap<>();
        answer.rows().forEach(row -> byMonth.put((String) row.group().get("month"), row));
        List<PolicyEffect.Month> series = new ArrayList<>();
        PolicyEffect.Tally before = new PolicyEffect.Tally();
        PolicyEffect.Tally after = new PolicyEffect.Tally();
        List<String> monthsWithoutData = new ArrayList<>();
        for (YearMonth m = firstBefore; !m.isAfter(lastAfter); m = m.plusMonths(1)) {
            String period = m.isBefore(eventMonth) ? "BEFORE" : !m.isBefore(firstAfter) ? "AFTER" : "EVENT";
            StatsRow row = byMonth.get(m.toString());
            if (row == null) {
                monthsWithoutData.add(m.toString());
                series.add(new PolicyEffect.Month(m.toString(), period, 0L, 0L, null, null));
                continue;
            }
            series.add(new PolicyEffect.Month(m.toString(), period, row.count(), row.groupTotal(),
                    row.shareWithinGroup(), row.suppressed()));
            if (period.equals("BEFORE")) {
                before.add(row);
            } else if (period.equals("AFTER")) {
                after.add(row);
            }
        }

        List<String> notes = new ArrayList<>();
        boolean covered = covered(answer.provenance().releases(), firstBefore.atDay(1), lastAfter.atEndOfMonth(), notes);
        if (!monthsWithoutData.isEmpty()) {
            notes.add("No detainers at all in " + monthsWithoutData.size() + " month(s) of the window ("
                    + String.join(", ", monthsWithoutData) + "): their rate is unknown, not 0.");
        }
        if (event.precision() != DatePrecision.DAY) {
            notes.add("The " + type + " date is known to the " + event.precision().name().toLowerCase(Locale.ROOT)
                    + " only, so the whole " + event.precision().name().toLowerCase(Locale.ROOT)
                    + " is left out of both sides.");
        } else if (!eventMonthIsAfter) {
            notes.add("The event falls inside " + eventMonth + ", which belongs to neither side.");
        }
        if (ofType.size() > 1) {
            notes.add("The policy has " + ofType.size() + " " + type + " events; the first (" + event.date() + ") is used.");
        }
        if (!policy.jurisdictions().contains(place.code())) {
            notes.add("The policy is attached to " + String.join(", ", policy.jurisdictions()) + ", not to "
                    + place.code() + ".");
        }
        notes.add("A before/after comparison is descriptive: it does not account for anything else that changed"
                + " in the same months.");
        notes.addAll(answer.provenance().notes());
        return new PolicyEffect(place.code(), place.name(), policy.key(), policy.title(), type.name(), event.date(),
                event.precision().name(), months, outcomes, series, before.summary(firstBefore, eventMonth.minusMonths(1)),
                after.summary(firstAfter, lastAfter), covered, notes, policy.events(), answer.provenance());
    }

    private static boolean covered(List<ReleaseRef> releases, LocalDate from, LocalDate to, List<String> notes) {
        LocalDate first = releases.stream().map(ReleaseRef::coverageFrom).filter(d -> d != null).min(LocalDate::compareTo)
                .orElse(null);
        LocalDate last = releases.stream().map(ReleaseRef::coverageTo).filter(d -> d != null).max(LocalDate::compareTo)
                .orElse(null);
        if (first == null) {
            notes.add("No loaded release has prepare dates, so the window is not covered at all.");
            return false;
        }
        if (first.isAfter(from) || last.isBefore(to)) {
            notes.add("The releases used cover " + first + " to " + last + "; the window " + from + " to " + to
                    + " is not fully covered, so months outside the coverage show no detainers.");
            return false;
        }
        return true;
    }

    private static Place place(String value, Snapshot snapshot) {
        if (value == null) {
            throw new InvalidQueryException("jurisdiction", "is required: a state (CA or California), a county"
                    + " (FIPS code) or US");
        }
        if (value.equalsIgnoreCase("US")) {
            return snapshot.placesByCode().get("US");
        }
        return snapshot.state(value).or(() -> snapshot.county(value)).orElseThrow(() -> new InvalidQueryException(
                "jurisdiction", "'" + value + "' is not a state, county or US"));
    }

    private PolicyView policy(String value) {
        if (value == null) {
            throw new InvalidQueryException("policy", "is required: a policy id or key (see GET /api/v1/policies)");
        }
        try {
            return policies.get(value);
        } catch (ResourceNotFoundException e) {
            throw new InvalidQueryException("policy", "'" + value + "' is not a known policy id or key");
        }
    }

    private static PolicyEventType eventType(String value) {
        if (value == null) {
            return PolicyEventType.EFFECTIVE;
        }
        try {
            return PolicyEventType.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("event", "'" + value + "' is not one of "
                    + List.of(PolicyEventType.values()));
        }
    }
}
