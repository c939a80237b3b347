package org.detainerlab.core.detainer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which detainer rows a query is about, every name already resolved: the releases, places, facilities, outcomes,
 * types, criminality, and prepare-date bounds (fiscal years become date ranges). When no release was named the
 * question reads the release series: {@code series} holds the parts (release, state, days) it reads, and
 * {@code releases} the releases that serve them; the normalised query then names no release, because it asks
 * about the series, whose composition the answer's provenance records; {@code seriesKeys} are the state keys the
 * question asks the series about (the states named, else every key). Named releases are read whole ({@code series}
 * and {@code seriesKeys} are null). Facilities named by a spelling that resolves to no curated facility are matched
 * on the raw text, among the rows whose place has no curated facility ({@link RowFacility}). {@code subject} holds the conditions on the person and charge columns, which only the rows answer.
 */
public record DetainerFilter(List<ReleaseRef> releases, List<Place> states, List<Place> counties, List<Long> facilityIds,
                             List<String> facilityNames, Set<Outcome> outcomes, List<String> detainerTypes,
                             List<String> criminalities, Subject subject, LocalDate from, LocalDate to, List<Integer> fiscalYears,
                             boolean excludeLikelyDuplicates, List<Series.Part> series, Set<Long> seriesKeys) {

    /** The parameters a filter reads. */
    public static final Set<String> PARAMETERS;

    static {
        Set<String> names = new java.util.HashSet<>(Set.of("release", "state", "county", "facility", "outcome",
                "detainerType", "criminality", "from", "to", "fiscalYear", "excludeLikelyDuplicates"));
        names.addAll(Subject.PARAMETERS);
        PARAMETERS = Set.copyOf(names);
    }

    public List<Long> releaseIds() {
        return releases.stream().map(ReleaseRef::id).toList();
    }

    /** Whether the question reads the release series rather than named releases. */
    public boolean readsSeries() {
        return series != null;
    }

    /** The question's prepare-date ranges: from..to, or each fiscal year within it; one open range when unbounded. */
    public List<Series.Days> days() {
        if (fiscalYears.isEmpty()) {
            return List.of(new Series.Days(from, to));
        }
        List<Series.Days> days = new ArrayList<>();
        for (int year : fiscalYears) {
            LocalDate first = FiscalYear.firstDay(year);
            LocalDate last = FiscalYear.lastDay(year);
            LocalDate start = from != null && from.isAfter(first) ? from : first;
            LocalDate end = to != null && to.isBefore(last) ? to : last;
            if (!end.isBefore(start)) {
                days.add(new Series.Days(start, end));
            }
        }
        return days;
    }

    /**
     * True when every prepare-date bound falls on a month boundary, and every series part the question reads is
     * exact by month, so monthly counts can answer exactly.
     */
    public boolean monthAligned() {
        return (from == null || from.getDayOfMonth() == 1)
                && (to == null || to.equals(to.withDayOfMonth(to.lengthOfMonth())))
                && (series == null || series.stream().allMatch(Series.Part::monthExact));
    }

    /**
     * The same question over the release series: the parts its states and days read (every state when it names
     * none), and the releases that serve them.
     */
    public DetainerFilter inSeries(Series series) {
        List<Long> stateIds = states.stream().map(Place::id).toList();
        List<Series.Part> parts = series.select(stateIds, days());
        List<ReleaseRef> serving = parts.stream().map(Series.Part::releaseId).distinct().sorted()
                .map(id -> series.releases().get(id)).toList();
        return new DetainerFilter(serving, states, counties, facilityIds, facilityNames, outcomes, detainerTypes,
                criminalities, subject, from, to, fiscalYears, excludeLikelyDuplicates, parts,
                Set.copyOf(stateIds.isEmpty() ? series.stateKeys() : stateIds));
    }

    /**
     * The months in which a prepare-date bound falls on a day other than the month's first or last (none, one or
     * two, the first of each month): there monthly counts cannot tell the days inside the range from those outside.
     */
    public List<LocalDate> boundaryMonths() {
        Set<LocalDate> months = new TreeSet<>();
        if (from != null && from.getDayOfMonth() != 1) {
            months.add(from.withDayOfMonth(1));
        }
        if (to != null && !to.equals(to.withDayOfMonth(to.lengthOfMonth()))) {
            months.add(to.withDayOfMonth(1));
        }
        return List.copyOf(months);
    }

    /**
     * The same question widened to the whole months its prepare-date bounds fall in (on the series, its parts
     * chosen again for those days). Inside the original range but outside {@link #boundaryMonths()} it selects
     * exactly the same rows, so monthly counts answer those months and the rows only the boundary months.
     */
    public DetainerFilter wholeMonths(Series series) {
        DetainerFilter widened = new DetainerFilter(releases, states, counties, facilityIds, facilityNames, outcomes,
                detainerTypes, criminalities, subject, from == null ? null : from.withDayOfMonth(1),
                to == null ? null : to.withDayOfMonth(to.lengthOfMonth()), fiscalYears, excludeLikelyDuplicates,
                this.series, seriesKeys);
        return readsSeries() ? widened.inSeries(series) : widened;
    }

    /** The filter without its outcome condition: the denominator of an outcome's share. */
    public DetainerFilter withoutOutcomes() {
        return new DetainerFilter(releases, states, counties, facilityIds, facilityNames, Set.of(), detainerTypes,
                criminalities, subject, from, to, fiscalYears, excludeLikelyDuplicates, series, seriesKeys);
    }

    /** The filter as query parameters in a fixed order with resolved values, e.g. {@code release=1&state=CA}. */
    public String canonical() {
        StringJoiner q = new StringJoiner("&");
        add(q, "release", readsSeries() ? List.of() : releases.stream().map(r -> Long.toString(r.id())).toList());
        add(q, "state", states.stream().map(Place::code).sorted().toList());
        add(q, "county", counties.stream().map(Place::code).sorted().toList());
        List<String> facilities = new ArrayList<>(facilityIds.stream().sorted().map(String::valueOf).toList());
        facilities.addAll(facilityNames.stream().sorted().toList());
        repeat(q, "facility", facilities);
        add(q, "outcome", outcomes.stream().map(Enum::name).sorted().toList());
        repeat(q, "detainerType", detainerTypes.stream().sorted().toList());
        repeat(q, "criminality", criminalities.stream().sorted().toList());
        repeat(q, "threatLevel", subject.threatLevels().stream().sorted().toList());
        repeat(q, "gender", subject.genders().stream().sorted().toList());
        repeat(q, "citizenshipCountry", subject.citizenshipCountries().stream().sorted().toList());
        add(q, "ageBand", subject.ageBands().stream().sorted().map(b -> b.label).toList());
        if (subject.notifyRelease() != null) {
            q.add("notifyRelease=" + subject.notifyRelease());
        }
        repeat(q, "mscCharge", subject.charges().stream().sorted().toList());
        add(q, "chargeCategory", subject.chargeCategories().stream().sorted().toList());
        add(q, "fiscalYear", fiscalYears.stream().sorted().map(String::valueOf).toList());
        add(q, "from", from == null ? List.of() : List.of(from.toString()));
        add(q, "to", to == null ? List.of() : List.of(to.toString()));
        if (excludeLikelyDuplicates) {
            q.add("excludeLikelyDuplicates=true");
        }
        return q.toString();
    }

    private static void add(StringJoiner q, String name, List<String> values) {
        if (!values.isEmpty()) {
            q.add(name + "=" + values.stream().map(DetainerFilter::encode).collect(Collectors.joining(",")));
        }
    }

    /** Free-text values may hold commas, so each goes in a parameter of its own. */
    private static void repeat(StringJoiner q, String name, List<String> values) {
        values.forEach(value -> q.add(name + "=" + encode(value)));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
