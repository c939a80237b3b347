package org.detainerlab.core.detainer;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.detainerlab.core.policy.PolicyRef;

/**
 * What an answer was computed from and how: the releases (with their fingerprints and coverage), which release
 * served which states and days when the question read the release series, the normalised query that reproduces it,
 * which table answered (a rollup or the detainer rows), the application version, when it was computed, the data
 * generation it reflects, notes a reader needs (gaps in the series, overlapping or withdrawn releases named), and,
 * for answers by policy regime, the curated policies (with the versions read) that decided them.
 */
public record Provenance(List<ReleaseRef> releases, @JsonInclude(JsonInclude.Include.NON_NULL) List<Series.Use> series,
                         String query, String source, String applicationVersion, OffsetDateTime computedAt,
                         long dataGeneration, List<String> notes,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<PolicyRef> policies) {

    /** The provenance of an answer to {@code filter}, with the notes that the releases it read call for first. */
    public static Provenance of(DetainerFilter filter, Snapshot snapshot, String query, String source,
                                String applicationVersion, OffsetDateTime computedAt, List<String> otherNotes) {
        List<String> notes = new ArrayList<>();
        List<Series.Use> uses = null;
        if (filter.readsSeries()) {
            Series series = snapshot.series();
            uses = series.uses(filter.series(), snapshot::stateCode);
            for (Series.Gap gap : series.gaps(filter.states().stream().map(Place::id).toList(), filter.days(),
                    snapshot::stateCode)) {
                notes.add("Gap: no loaded release covers " + states(gap.states()) + " from " + gap.from() + " to "
                        + gap.to() + "; counts there are missing, not zero.");
            }
            if (filter.from() == null && filter.to() == null && filter.fiscalYears().isEmpty()) {
                notes.add("The series places every detainer by its prepare date, so rows without one are left out;"
                        + " name a release with release= to count them.");
            }
        } else {
            for (ReleaseRef release : filter.releases()) {
                if (release.withdrawn()) {
                    notes.add("Release " + release.id() + " was withdrawn by an admin; it is read here because the"
                            + " question names it, and it serves no default answer.");
                }
            }
            notes.addAll(overlaps(filter.releases()));
        }
        notes.addAll(otherNotes);
        return new Provenance(filter.releases(), uses, query, source, applicationVersion, computedAt,
                snapshot.generation(), notes, null);
    }

    /** The same provenance naming the curated policies that decided the answer (statistics by policy regime). */
    public Provenance withPolicies(List<PolicyRef> deciding) {
        return new Provenance(releases, series, query, source, applicationVersion, computedAt, dataGeneration, notes,
                deciding);
    }

    private static String states(List<String> codes) {
        return codes.size() == 1 ? codes.get(0) : codes.size() + " states (" + String.join(", ", codes) + ")";
    }

    /** Named releases whose days and states overlap count a detainer published in both twice. */
    private static List<String> overlaps(List<ReleaseRef> releases) {
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < releases.size(); i++) {
            for (int j = i + 1; j < releases.size(); j++) {
                ReleaseRef a = releases.get(i);
                ReleaseRef b = releases.get(j);
                boolean days = a.coverageFrom() != null && b.coverageFrom() != null
                        && !a.coverageTo().isBefore(b.coverageFrom()) && !b.coverageTo().isBefore(a.coverageFrom());
                boolean places = a.scope() == null || b.scope() == null
                        || a.scope().stream().anyMatch(b.scope()::contains);
                if (days && places) {
                    notes.add("Releases " + a.id() + " and " + b.id() + " cover overlapping dates"
                            + (a.scope() == null && b.scope() == null ? "" : " in " + (a.scope() == null
                            ? String.join(", ", b.scope()) : b.scope() == null ? String.join(", ", a.scope())
                            : a.scope().stream().filter(b.scope()::contains).collect(Collectors.joining(", "))))
                            + "; a detainer published in both is counted twice. Leave out release= to read the"
                            + " release series, which counts each state and day from one release.");
                }
            }
        }
        return notes;
    }
}
