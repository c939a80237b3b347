package org.detainerlab.core.detainer;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.detainerlab.core.common.InvalidQueryException;
import org.detainerlab.core.facility.Facility;

/** Reads a {@link DetainerFilter} from query parameters, resolving every name against a {@link Snapshot}. */
public final class DetainerFilters {

    private static final int FIRST_FISCAL_YEAR = 1990;
    private static final int LAST_FISCAL_YEAR = 2100;

    private DetainerFilters() {
    }

    public static DetainerFilter parse(QueryParameters q, Snapshot snapshot) {
        LocalDate from = date(q, "from");
        LocalDate to = date(q, "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidQueryException("from", "from=" + from + " is after to=" + to);
        }
        List<Long> facilityIds = new ArrayList<>();
        List<String> facilityNames = new ArrayList<>();
        for (String value : q.repeated("facility")) {
            facility(value, snapshot, facilityIds, facilityNames);
        }
        List<Place> states = distinct(resolve(q.values("state"), "state", snapshot::state,
                "a state, DC or territory (USPS code or name)"));
        DetainerFilter named = new DetainerFilter(releases(q, snapshot), states,
                distinct(counties(q).stream().map(value -> county(value, snapshot)).toList()),
                facilityIds.stream().distinct().toList(), facilityNames.stream().distinct().toList(),
                outcomes(q), q.repeated("detainerType").stream().distinct().toList(),
                q.repeated("criminality").stream().distinct().toList(), subject(q, snapshot), from, to, fiscalYears(q),
                q.flag("excludeLikelyDuplicates"), null, null);
        return named.releases() != null ? named : named.inSeries(snapshot.series());
    }

    private static Subject subject(QueryParameters q, Snapshot snapshot) {
        List<String> categories = q.values("chargeCategory").stream().map(c -> c.trim().toLowerCase(Locale.ROOT))
                .distinct().toList();
        for (String category : categories) {
            if (!snapshot.chargeCategories().contains(category)) {
                throw new InvalidQueryException("chargeCategory", "'" + category + "' is not one of "
                        + snapshot.chargeCategories().stream().sorted().toList());
            }
        }
        String notify = q.single("notifyRelease");
        if (notify != null && !notify.equalsIgnoreCase("true") && !notify.equalsIgnoreCase("false")) {
            throw new InvalidQueryException("notifyRelease", "'" + notify + "' is not true or false");
        }
        return new Subject(q.repeated("threatLevel").stream().distinct().toList(),
                q.repeated("gender").stream().distinct().toList(),
                q.repeated("citizenshipCountry").stream().distinct().toList(),
                q.values("ageBand").stream().map(AgeBand::of).distinct().toList(),
                notify == null ? null : Boolean.valueOf(notify.toLowerCase(Locale.ROOT)),
                q.repeated("mscCharge").stream().distinct().toList(), categories);
    }

    private static List<ReleaseRef> releases(QueryParameters q, Snapshot snapshot) {
        List<String> values = q.values("release");
        if (values.isEmpty()) {
            return null;
        }
        Map<Long, ReleaseRef> loaded = snapshot.releases().stream()
                .collect(Collectors.toMap(ReleaseRef::id, Function.identity()));
        List<ReleaseRef> chosen = new ArrayList<>();
        for (String value : values) {
            ReleaseRef release;
            try {
                release = loaded.get(Long.parseLong(value));
            } catch (NumberFormatException e) {
                throw new InvalidQueryException("release", "'" + value + "' is not a release id");
            }
            if (release == null) {
                throw new InvalidQueryException("release", value + " is not a loaded detainer release (see GET /api/v1/releases)");
            }
            if (!chosen.contains(release)) {
                chosen.add(release);
            }
        }
        chosen.sort((a, b) -> Long.compare(a.id(), b.id()));
        return chosen;
    }

    /** FIPS codes may come comma-separated; a name holds its own comma ("Santa Clara County, CA"). */
    private static List<String> counties(QueryParameters q) {
        List<String> values = new ArrayList<>();
        for (String value : q.repeated("county")) {
            if (value.matches("\\d{5}(\\s*,\\s*\\d{5})*")) {
                values.addAll(List.of(value.split("\\s*,\\s*")));
            } else {
                values.add(value);
            }
        }
        return values;
    }

    /** One county, or a 400 that names the candidates when the name means several. */
    private static Place county(String value, Snapshot snapshot) {
        List<Place> matches = snapshot.counties(value);
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new InvalidQueryException("county", "'" + value + "' is not a county (a 5-digit FIPS code, a name such"
                    + " as \"Santa Clara\", or \"Santa Clara County, CA\"); GET /api/v1/places?q= finds names");
        }
        throw new InvalidQueryException("county", "'" + value + "' names " + matches.size() + " counties: "
                + matches.stream().sorted(java.util.Comparator.comparing(Place::code))
                        .map(c -> c.name() + ", " + snapshot.stateCode(c) + " (" + c.code() + ")")
                        .collect(Collectors.joining("; "))
                + ". Say which, e.g. county=" + matches.get(0).code() + " or county=" + matches.get(0).name() + ", "
                + snapshot.stateCode(matches.get(0)));
    }

    private static List<Place> resolve(List<String> values, String name,
                                       Function<String, java.util.Optional<Place>> lookup, String what) {
        List<Place> places = new ArrayList<>();
        for (String value : values) {
            places.add(lookup.apply(value).orElseThrow(
                    () -> new InvalidQueryException(name, "'" + value + "' is not " + what)));
        }
        return places;
    }

    private static void facility(String value, Snapshot snapshot, List<Long> ids, List<String> names) {
        if (value.chars().allMatch(Character::isDigit)) {
            Long id = value.length() <= 18 ? Long.parseLong(value) : null;
            if (id == null || !snapshot.facilities().containsKey(id)) {
                throw new InvalidQueryException("facility", "there is no facility with id " + value);
            }
            ids.add(id);
            return;
        }
        String key = Facility.matchKey(value);
        Long id = snapshot.facilityAliases().get(key);
        if (id != null) {
            ids.add(id);
        } else {
            names.add(key);
        }
    }

    private static Set<Outcome> outcomes(QueryParameters q) {
        Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
        for (String value : q.values("outcome")) {
            try {
                outcomes.add(Outcome.valueOf(value.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidQueryException("outcome", "'" + value + "' is not one of " + List.of(Outcome.values()));
            }
        }
        return outcomes;
    }

    private static List<Integer> fiscalYears(QueryParameters q) {
        List<Integer> years = new ArrayList<>();
        for (String value : q.values("fiscalYear")) {
            String digits = value.toUpperCase(Locale.ROOT).startsWith("FY") ? value.substring(2) : value;
            try {
                int year = Integer.parseInt(digits);
                if (year < FIRST_FISCAL_YEAR || year > LAST_FISCAL_YEAR) {
                    throw new NumberFormatException();
                }
                if (!years.contains(year)) {
                    years.add(year);
                }
            } catch (NumberFormatException e) {
                throw new InvalidQueryException("fiscalYear", "'" + value + "' is not a fiscal year between "
                        + FIRST_FISCAL_YEAR + " and " + LAST_FISCAL_YEAR + " (e.g. 2015 or FY2015)");
            }
        }
        years.sort(null);
        return years;
    }

    static LocalDate date(QueryParameters q, String name) {
        String value = q.single(name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException(name, "'" + value + "' is not a date in the form YYYY-MM-DD");
        }
    }

    private static List<Place> distinct(List<Place> places) {
        return places.stream().distinct().toList();
    }
}
