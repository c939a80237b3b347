package org.detainerlab.core.detainer;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * The release series: for each state (and for the rows that name no state) and each day, the one release that
 * default questions read there. Releases are ranked (precedence, then most recently published, then loaded); each
 * takes, in rank order, the days of its coverage in each state of its scope that no higher release took. A rule an
 * admin can read and change, so every number says which release it came from (docs/adr/0003-release-series.md).
 * Identifiers are re-anonymised in every release, so rows cannot be matched across releases: the series chooses
 * releases by state and day instead. Immutable; computed from the release rows, so it moves with the data
 * generation.
 */
public final class Series {

    /** The key of rows that name no state: only a national release covers them. */
    public static final long NO_STATE = 0;

    /** The code that answers show for {@link #NO_STATE}. */
    public static final String NO_STATE_CODE = "(no state)";

    /** A loaded, not withdrawn detainer release in rank order, with the state ids it covers (null: national). */
    public record Ranked(ReleaseRef release, List<Long> scopeStateIds) {
    }

    /**
     * One release serving one state key on the days from..to (both included). monthExact: monthly rollups answer
     * the part exactly, because it starts on the first of a month or no later than its release's first day, and
     * ends on the last of a month or no earlier than its release's last day (it never takes part of a month in
     * which its release holds rows on days outside it).
     */
    public record Part(long releaseId, long stateKey, LocalDate from, LocalDate to, boolean monthExact) {

        static Part of(ReleaseRef release, long stateKey, LocalDate from, LocalDate to) {
            boolean start = from.getDayOfMonth() == 1 || !from.isAfter(release.coverageFrom());
            boolean end = to.equals(to.withDayOfMonth(to.lengthOfMonth())) || !to.isBefore(release.coverageTo());
            return new Part(release.id(), stateKey, from, to, start && end);
        }
    }

    /** What one release served in an answer: the days and the states (USPS codes). */
    public record Use(long release, String title, LocalDate from, LocalDate to, List<String> states) {
    }

    /** Days on which no loaded release covers the states named. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Gap(LocalDate from, LocalDate to, List<String> states) {
    }

    /** A question's days: from..to, both included, either open (null). */
    public record Days(LocalDate from, LocalDate to) {
    }

    private final List<Part> parts;
    private final Map<Long, ReleaseRef> releases;
    private final List<Long> stateKeys;

    private Series(List<Part> parts, Map<Long, ReleaseRef> releases, List<Long> stateKeys) {
        this.parts = parts;
        this.releases = releases;
        this.stateKeys = stateKeys;
    }

    public static Series empty() {
        return new Series(List.of(), Map.of(), List.of());
    }

    /** The series of {@code ranked} (highest first) over the states with these ids (and the rows without one). */
    public static Series of(List<Ranked> ranked, Collection<Long> stateIds) {
        List<Long> keys = new ArrayList<>();
        keys.add(NO_STATE);
        stateIds.stream().sorted().forEach(keys::add);
        Map<Long, List<Part>> taken = new TreeMap<>();
        Map<Long, ReleaseRef> releases = new LinkedHashMap<>();
        for (Ranked r : ranked) {
            ReleaseRef release = r.release();
            if (release.coverageFrom() == null || release.withdrawn()) {
                continue;
            }
            releases.put(release.id(), release);
            for (long key : keys) {
                boolean covers = r.scopeStateIds() == null || (key != NO_STATE && r.scopeStateIds().contains(key));
                if (!covers) {
                    continue;
                }
                List<Part> state = taken.computeIfAbsent(key, k -> new ArrayList<>());
                for (Days free : free(state, release.coverageFrom(), release.coverageTo())) {
                    state.add(Part.of(release, key, free.from(), free.to()));
                }
                state.sort(Comparator.comparing(Part::from));
            }
        }
        List<Part> all = new ArrayList<>();
        taken.values().forEach(all::addAll);
        return new Series(List.copyOf(all), Map.copyOf(releases), List.copyOf(keys));
    }

    /** The days of from..to that no part in {@code state} (sorted by day) holds. */
    private static List<Days> free(List<Part> state, LocalDate from, LocalDate to) {
        List<Days> free = new ArrayList<>();
        LocalDate next = from;
        for (Part part : state) {
            if (part.to().isBefore(next)) {
                continue;
            }
            if (part.from().isAfter(to)) {
                break;
            }
            if (part.from().isAfter(next)) {
                free.add(new Days(next, part.from().minusDays(1)));
            }
            next = part.to().plusDays(1);
            if (next.isAfter(to)) {
                return free;
            }
        }
        free.add(new Days(next, to));
        return free;
    }

    /** Every state key of the series: {@link #NO_STATE} and the ids of the states. */
    public List<Long> stateKeys() {
        return stateKeys;
    }

    public List<Part> parts() {
        return parts;
    }

    /** The releases that serve at least one part, by id. */
    public Map<Long, ReleaseRef> releases() {
        return releases;
    }

    /**
     * The parts that a question about these state keys (every state when empty) and days reads, clipped to the
     * days (from the first day of the first range to the last of the last: SQL applies the exact dates).
     */
    public List<Part> select(Collection<Long> states, List<Days> days) {
        LocalDate from = days.stream().map(Days::from).anyMatch(d -> d == null) ? null
                : days.stream().map(Days::from).min(Comparator.naturalOrder()).orElse(null);
        LocalDate to = days.stream().map(Days::to).anyMatch(d -> d == null) ? null
                : days.stream().map(Days::to).max(Comparator.naturalOrder()).orElse(null);
        List<Part> selected = new ArrayList<>();
        for (Part part : parts) {
            if (!states.isEmpty() && !states.contains(part.stateKey())) {
                continue;
            }
            LocalDate start = from != null && from.isAfter(part.from()) ? from : part.from();
            LocalDate end = to != null && to.isBefore(part.to()) ? to : part.to();
            if (!end.isBefore(start)) {
                selected.add(Part.of(releases.get(part.releaseId()), part.stateKey(), start, end));
            }
        }
        return selected;
    }

    /** The parts grouped by release and days, highest-ranked release first, with the states each served. */
    public List<Use> uses(List<Part> selected, LongFunction<String> stateCode) {
        Map<List<Object>, List<String>> grouped = new LinkedHashMap<>();
        List<Long> rank = List.copyOf(releases.keySet());
        selected.stream()
                .sorted(Comparator.comparingInt((Part p) -> rank.indexOf(p.releaseId())).thenComparing(Part::from)
                        .thenComparing(Part::to).thenComparingLong(Part::stateKey))
                .forEach(p -> grouped.computeIfAbsent(List.of(p.releaseId(), p.from(), p.to()), k -> new ArrayList<>())
                        .add(code(p.stateKey(), stateCode)));
        List<Use> uses = new ArrayList<>();
        grouped.forEach((key, states) -> {
            long release = (Long) key.get(0);
            uses.add(new Use(release, releases.get(release).title(), (LocalDate) key.get(1), (LocalDate) key.get(2),
                    List.copyOf(states)));
        });
        return uses;
    }

    /**
     * The days in {@code days} (open ends: the series' own first and last day) on which no part covers a state in
     * {@code states} (every state when empty; the rows without a state are not asked about), grouped by days.
     */
    public List<Gap> gaps(Collection<Long> states, List<Days> days, LongFunction<String> stateCode) {
        if (parts.isEmpty()) {
            return List.of();
        }
        LocalDate first = parts.stream().map(Part::from).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = parts.stream().map(Part::to).max(Comparator.naturalOrder()).orElseThrow();
        List<Long> asked = states.isEmpty() ? stateKeys.stream().filter(k -> k != NO_STATE).toList()
                : List.copyOf(states);
        Map<Days, List<String>> grouped = new TreeMap<>(Comparator.comparing(Days::from).thenComparing(Days::to));
        for (Days window : days.isEmpty() ? List.of(new Days(null, null)) : days) {
            LocalDate from = window.from() == null ? first : window.from();
            LocalDate to = window.to() == null ? last : window.to();
            if (to.isBefore(from)) {
                continue;
            }
            for (long key : asked) {
                List<Part> state = parts.stream().filter(p -> p.stateKey() == key).toList();
                for (Days free : free(state, from, to)) {
                    grouped.computeIfAbsent(free, k -> new ArrayList<>()).add(code(key, stateCode));
                }
            }
        }
        List<Gap> gaps = new ArrayList<>();
        grouped.forEach((d, codes) -> gaps.add(new Gap(d.from(), d.to(), codes.stream().sorted().toList())));
        return gaps;
    }

    private static String code(long key, LongFunction<String> stateCode) {
        return key == NO_STATE ? NO_STATE_CODE : stateCode.apply(key);
    }
}
