package org.detainerlab.core.claim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.detainerlab.core.common.InvalidQueryException;
import org.detainerlab.core.detainer.DetainerFilter;
import org.detainerlab.core.detainer.QueryParameters;
import org.detainerlab.core.detainer.ReleaseRef;
import org.detainerlab.core.detainer.Series;
import org.detainerlab.core.detainer.Snapshot;
import org.detainerlab.core.detainer.SnapshotSource;
import org.detainerlab.core.place.Gazetteer;
import org.detainerlab.core.stats.StatsAnswer;
import org.detainerlab.core.stats.StatsQuery;
import org.detainerlab.core.stats.StatsRow;
import org.detainerlab.core.stats.StatsService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Evaluates a claim through {@link StatsService}, so a check gives the numbers the statistics API gives: once
 * against the release series (no release named: each state and day from one release, the question a default
 * Explore view asks), or on one named release. The rules, in order: no query is NOT_CHECKABLE (with the claim's
 * reason); coverage of only part of the period (a release's, or the series' with its gaps named), or a county
 * whose state has matching detainers with no known county (unresolved places, which may belong to it), or a
 * claim about charge categories read from a release whose rows carry no charge code (the 2015 layout has none), is
 * PARTIAL_COVERAGE with the coverage stated; otherwise SUPPORTED within tolerance, else CONTRADICTED.
 */
@ApplicationScoped
class ClaimChecker {

    private final StatsService stats;
    private final SnapshotSource snapshots;
    private final String version;
    private final ObjectMapper json;

    ClaimChecker(StatsService stats, SnapshotSource snapshots, ObjectMapper json,
                 @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String version) {
        this.stats = stats;
        this.snapshots = snapshots;
        this.json = json;
        this.version = version;
    }

    List<ClaimCheck> check(Claim claim, ClaimQuery query, String releaseId, String actor) {
        List<ReleaseRef> loaded = snapshots.current().releases();
        ReleaseRef named = releaseId == null || releaseId.isBlank() ? null : named(loaded, releaseId.trim());
        if (query == null) {
            return List.of(result(claim, named, ClaimStatus.NOT_CHECKABLE, null, null,
                    "The data cannot check this claim: " + claim.notCheckableReason, actor));
        }
        LocalDate from = query.periodFrom();
        LocalDate to = query.periodTo();
        if (named != null) {
            return List.of(check(claim, query, named, from, to, actor));
        }
        return List.of(checkSeries(claim, query, from, to, actor));
    }

    /**
     * The check against the release series: one question, each state and day counted from one release. Days on
     * which no release covers a state the claim is about make it PARTIAL_COVERAGE, with the gaps named.
     */
    private ClaimCheck checkSeries(Claim claim, ClaimQuery query, LocalDate from, LocalDate to, String actor) {
        Snapshot snapshot = snapshots.current();
        StatsAnswer count = stats.detainers(QueryParameters.of(query.parameters(true)));
        DetainerFilter filter = StatsQuery.parse(QueryParameters.of(query.parameters(true)), snapshot).filter();
        if (count.provenance().releases().isEmpty()) {
            return result(claim, null, ClaimStatus.PARTIAL_COVERAGE, count, null, "No loaded release covers any of the"
                    + " claim's period " + from + ".." + to + "; loaded: "
                    + coverages(snapshot.releases().stream().filter(r -> !r.withdrawn()).toList()) + ".", actor);
        }
        String served = "The series read " + describe(count.provenance().series());
        double computed = count.total();
        String measured = count.total() + " detainers";
        if (query.share()) {
            long national = stats.detainers(QueryParameters.of(query.parameters(false))).total();
            if (national == 0) {
                return result(claim, null, ClaimStatus.PARTIAL_COVERAGE, count, null, served + ". It holds no such"
                        + " detainers nationally in the period, so there is no share to compare.", actor);
            }
            computed = (double) count.total() / national;
            measured = count.total() + " of " + national + " such detainers nationally, a share of "
                    + String.format(Locale.ROOT, "%.4f", computed);
        }
        List<Series.Gap> gaps = snapshot.series().gaps(filter.states().stream().map(p -> p.id()).toList(),
                filter.days(), snapshot::stateCode);
        if (!gaps.isEmpty()) {
            return result(claim, null, ClaimStatus.PARTIAL_COVERAGE, count, computed, served + ". No loaded release"
                    + " covers " + String.join("; ", gaps.stream().map(g -> (g.states().size() == 1 ? g.states().get(0)
                    : g.states().size() + " states") + " " + g.from() + ".." + g.to()).toList())
                    + ". Over the days covered: " + measured + ".", actor);
        }
        return judged(claim, query, null, count, computed, measured,
                served + ", which covers the whole period " + from + ".." + to, actor);
    }

    /**
     * The verdict once the period is covered: PARTIAL_COVERAGE when rows without a known county may belong to the
     * claim's county, else SUPPORTED or CONTRADICTED by the tolerance.
     */
    private ClaimCheck judged(Claim claim, ClaimQuery query, ReleaseRef release, StatsAnswer count, double computed,
                              String measured, String covered, String actor) {
        String unplaced = unplaced(query, release);
        if (unplaced != null) {
            return result(claim, release, ClaimStatus.PARTIAL_COVERAGE, count, computed, "ICE's rows name a"
                    + " facility, not a county: the county's count holds the rows whose place resolved to it ("
                    + measured + "), but " + unplaced + " may belong to it too.", actor);
        }
        String unknownRegime = unknownRegime(query, release);
        if (unknownRegime != null) {
            return result(claim, release, ClaimStatus.PARTIAL_COVERAGE, count, computed, "The claim counts by the"
                    + " policies in force at each detainer's place, but " + unknownRegime + " (" + measured
                    + " where the policies decide).", actor);
        }
        String uncharged = uncharged(query, count);
        if (uncharged != null) {
            return result(claim, release, ClaimStatus.PARTIAL_COVERAGE, count, computed, "The claim counts by charge"
                    + " category, but " + uncharged + " (" + measured + " from the rows that have one).", actor);
        }
        double difference = computed - claim.claimedValue;
        boolean within = query.tolerance().admits(difference, claim.claimedValue);
        return result(claim, release, within ? ClaimStatus.SUPPORTED : ClaimStatus.CONTRADICTED, count, computed,
                covered + ": " + measured + "; claimed " + claim.claimedValue + ", difference " + difference
                        + (within ? ", within" : ", beyond") + " the tolerance " + tolerance(query.tolerance()) + ".",
                actor);
    }

    /**
     * For a claim about charge categories: the releases read whose rows that match the claim apart from the
     * category carry no charge code at all, described, or null when there are none (or the claim names no category).
     * A row of a modern release without a code is a person with no charge recorded, which the count rightly leaves
     * out; a release with no code on any such row has no charge column, so its detainers could not be counted.
     */
    private String uncharged(ClaimQuery query, StatsAnswer count) {
        if (ClaimQuery.list(query.chargeCategory()).isEmpty()) {
            return null;
        }
        List<Long> without = new ArrayList<>();
        for (ReleaseRef read : count.provenance().releases()) {
            Map<String, List<String>> parameters = query.parameters(true);
            parameters.remove("chargeCategory");
            parameters.put("groupBy", List.of("chargeCategory"));
            parameters.put("release", List.of(Long.toString(read.id())));
            List<StatsRow> rows = stats.detainers(QueryParameters.of(parameters)).rows();
            if (!rows.isEmpty() && rows.stream().allMatch(r -> r.group().get("chargeCategory") == null)) {
                without.add(read.id());
            }
        }
        return without.isEmpty() ? null : (without.size() == 1 ? "release " + without.get(0) + " has"
                : "releases " + without + " have") + " no charge codes on the detainers the claim is about (a layout"
                + " without charge columns), so they cannot be counted";
    }

    private static String describe(List<Series.Use> uses) {
        return String.join(", ", uses.stream().map(u -> "release " + u.release() + " for " + (u.states().size() == 1
                ? u.states().get(0) : u.states().size() + " states") + " " + u.from() + ".." + u.to()).toList());
    }

    private static ReleaseRef named(List<ReleaseRef> loaded, String id) {
        if (!id.matches("[1-9][0-9]{0,17}")) {
            throw new InvalidQueryException("release", "'" + id + "' is not a release id");
        }
        return loaded.stream().filter(r -> r.id() == Long.parseLong(id)).findFirst()
                .orElseThrow(() -> new InvalidQueryException("release", id
                        + " is not a loaded detainer release (see GET /api/v1/releases)"));
    }

    private ClaimCheck check(Claim claim, ClaimQuery query, ReleaseRef release, LocalDate from, LocalDate to,
                             String actor) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        long covered = overlap(release, from, to);
        if (covered == 0) {
            return result(claim, release, ClaimStatus.PARTIAL_COVERAGE, null, null, "Release " + release.id()
                    + " covers " + coverage(release) + ", none of the claim's period " + from + ".." + to + ".", actor);
        }
        StatsAnswer count = answer(query.parameters(true), release);
        double computed = count.total();
        String measured = count.total() + " detainers";
        if (query.share()) {
            long national = answer(query.parameters(false), release).total();
            if (national == 0) {
                return result(claim, release, ClaimStatus.PARTIAL_COVERAGE, count, null, "Release " + release.id()
                        + " holds no such detainers nationally in the period, so there is no share to compare.", actor);
            }
            computed = (double) count.total() / national;
            measured = count.total() + " of " + national + " such detainers nationally, a share of "
                    + String.format(Locale.ROOT, "%.4f", computed);
        }
        if (covered < days) {
            return result(claim, release, ClaimStatus.PARTIAL_COVERAGE, count, computed, "Release " + release.id()
                    + " covers " + coverage(release) + ": " + covered + " of the " + days + " days of the claim's"
                    + " period " + from + ".." + to + ". Over those days: " + measured + ".", actor);
        }
        return judged(claim, query, release, count, computed, measured,
                "Release " + release.id() + " covers the whole period " + from + ".." + to, actor);
    }

    /**
     * For a claim about a county: the detainers of the county's state that match the claim's query but have no known
     * county (unresolved or rejected places), described, or null when there are none (or the claim names no county),
     * so that the county's count is the whole answer.
     */
    private String unplaced(ClaimQuery query, ReleaseRef release) {
        if (ClaimQuery.list(query.county()).isEmpty()) {
            return null;
        }
        Map<String, List<String>> parameters = query.parameters(true);
        List<String> states = StatsQuery.parse(QueryParameters.of(parameters), snapshots.current()).filter().counties()
                .stream().map(c -> Gazetteer.get().usps(c.code().substring(0, 2))).distinct().sorted().toList();
        parameters.remove("county");
        parameters.put("state", states);
        parameters.put("groupBy", List.of("county"));
        if (release != null) {
            parameters.put("release", List.of(Long.toString(release.id())));
        }
        long unknown = 0;
        boolean suppressed = false;
        for (StatsRow row : stats.detainers(QueryParameters.of(parameters)).rows()) {
            if (row.group().get("county") == null) {
                if (row.count() == null) {
                    suppressed = true;
                } else {
                    unknown += row.count();
                }
            }
        }
        if (unknown == 0 && !suppressed) {
            return null;
        }
        return (suppressed ? "a suppressed number of" : unknown + "") + " such detainers in " + String.join(", ", states)
                + " have no known county";
    }

    /**
     * For a claim by policy regime: the matching detainers whose regime the data cannot decide (PLACE_UNKNOWN: no
     * known county where a county's policy could decide; DATE_UNKNOWN), described, or null when there are none or
     * the claim counts those regimes itself.
     */
    private String unknownRegime(ClaimQuery query, ReleaseRef release) {
        List<String> regimes = ClaimQuery.list(query.policyRegime());
        List<String> undecided = List.of("PLACE_UNKNOWN", "DATE_UNKNOWN").stream()
                .filter(r -> regimes.stream().noneMatch(r::equalsIgnoreCase)).toList();
        if (regimes.isEmpty() || undecided.isEmpty()) {
            return null;
        }
        Map<String, List<String>> parameters = query.parameters(true);
        parameters.put("policyRegime", undecided);
        if (release != null) {
            parameters.put("release", List.of(Long.toString(release.id())));
        }
        long undecidedCount = stats.detainers(QueryParameters.of(parameters)).total();
        return undecidedCount == 0 ? null : undecidedCount + " such detainers have a regime the data cannot decide ("
                + String.join(" or ", undecided) + "): they may belong to the claim's count";
    }

    private StatsAnswer answer(Map<String, List<String>> parameters, ReleaseRef release) {
        parameters.put("release", List.of(Long.toString(release.id())));
        return stats.detainers(QueryParameters.of(parameters));
    }

    private ClaimCheck result(Claim claim, ReleaseRef release, ClaimStatus status, StatsAnswer answer,
                              Double computed, String explanation, String actor) {
        ClaimCheck c = new ClaimCheck();
        c.claimId = claim.id;
        c.claimVersion = claim.version;
        c.releaseId = release == null ? null : release.id();
        c.releaseSha256 = release == null ? null : release.sha256();
        c.query = answer == null ? null : answer.provenance().query();
        c.series = answer == null || answer.provenance().series() == null ? null
                : write(answer.provenance().series());
        c.applicationVersion = answer == null ? version : answer.provenance().applicationVersion();
        c.computedAt = answer == null ? OffsetDateTime.now() : answer.provenance().computedAt();
        c.claimedValue = claim.claimedValue;
        c.computedValue = computed;
        c.difference = computed == null || claim.claimedValue == null || status == ClaimStatus.PARTIAL_COVERAGE
                ? null : computed - claim.claimedValue;
        c.status = status;
        c.explanation = explanation;
        c.checkedBy = actor;
        c.checkedAt = OffsetDateTime.now();
        return c;
    }

    private String write(List<Series.Use> uses) {
        try {
            return json.writeValueAsString(uses);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the series parts as JSON", e);
        }
    }

    private static long overlap(ReleaseRef release, LocalDate from, LocalDate to) {
        if (release.coverageFrom() == null || release.coverageTo() == null) {
            return 0;
        }
        LocalDate start = release.coverageFrom().isAfter(from) ? release.coverageFrom() : from;
        LocalDate end = release.coverageTo().isBefore(to) ? release.coverageTo() : to;
        return end.isBefore(start) ? 0 : ChronoUnit.DAYS.between(start, end) + 1;
    }

    private static String coverage(ReleaseRef release) {
        return release.coverageFrom() == null ? "no dates" : release.coverageFrom() + ".." + release.coverageTo();
    }

    private static String coverages(List<ReleaseRef> releases) {
        if (releases.isEmpty()) {
            return "none";
        }
        return String.join(", ", releases.stream().map(r -> "release " + r.id() + " " + coverage(r)).toList());
    }

    private static String tolerance(ClaimQuery.Tolerance t) {
        List<String> parts = new ArrayList<>();
        if (t.absolute() != null) {
            parts.add("+/-" + t.absolute());
        }
        if (t.relative() != null) {
            parts.add("+/-" + t.relative() * 100 + "%");
        }
        if (Boolean.TRUE.equals(t.orMore())) {
            parts.add("or more");
        }
        return String.join(" or ", parts);
    }
}
