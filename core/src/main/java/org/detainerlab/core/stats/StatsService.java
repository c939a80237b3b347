package org.detainerlab.core.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.detainerlab.core.detainer.DetainerFilter;
import org.detainerlab.core.detainer.Outcome;
import org.detainerlab.core.detainer.Provenance;
import org.detainerlab.core.detainer.QueryParameters;
import org.detainerlab.core.detainer.Snapshot;
import org.detainerlab.core.detainer.SnapshotSource;
import org.detainerlab.core.detainer.SqlWhere;
import org.detainerlab.core.detainer.SqlWhere.Source;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Grouped detainer counts and shares. A question is first normalised (names resolved, releases named or the release
 * series' parts listed), then answered from the cache when the same normalised question was answered at the same
 * data generation; otherwise from the monthly rollup when it fits (month-aligned dates and series parts, no facility
 * names), else from the detainer rows. Answers are never stale: the cache key holds the data generation, which moves
 * with every release loaded, edited, withdrawn or deleted and every facility or jurisdiction edit.
 */
@ApplicationScoped
public class StatsService {

    private static final int CACHED_ANSWERS = 2_000;

    private final AgroalDataSource dataSource;
    private final SnapshotSource snapshots;
    private final String version;
    private final Clock clock;
    private final ObjectMapper json;
    private final Cache<String, Cached> cache = Caffeine.newBuilder().maximumSize(CACHED_ANSWERS).build();

    /** An answer and its JSON, written once: a repeated question costs neither SQL nor serialising. */
    private record Cached(StatsAnswer answer, byte[] json) {
    }

    public StatsService(AgroalDataSource dataSource, SnapshotSource snapshots, ObjectMapper json,
                        @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String version) {
        this.dataSource = dataSource;
        this.snapshots = snapshots;
        this.json = json;
        this.version = version;
        this.clock = Clock.systemUTC();
    }

    public StatsAnswer detainers(QueryParameters parameters) {
        return cached(parameters).answer();
    }

    /** The same answer as {@link #detainers}, as JSON bytes ready to send. */
    public byte[] detainersJson(QueryParameters parameters) {
        return cached(parameters).json();
    }

    private Cached cached(QueryParameters parameters) {
        Snapshot snapshot = snapshots.current();
        StatsQuery query = StatsQuery.parse(parameters, snapshot);
        return cache.get(snapshot.generation() + "|" + query.canonical(), key -> {
            StatsAnswer answer = compute(query, snapshot);
            try {
                return new Cached(answer, json.writeValueAsBytes(answer));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write a statistics answer as JSON", e);
            }
        });
    }

    private StatsAnswer compute(StatsQuery query, Snapshot snapshot) {
        DetainerFilter filter = query.filter();
        boolean share = query.measure() == Measure.SHARE;
        List<Dimension> sqlDimensions = new ArrayList<>(query.groupBy());
        if (share && !sqlDimensions.contains(Dimension.OUTCOME)) {
            sqlDimensions.add(Dimension.OUTCOME);
        }
        Source source = smallest(filter, sqlDimensions);
        List<Group> groups = filter.releases().isEmpty() ? List.of()
                : groups(share ? filter.withoutOutcomes() : filter, sqlDimensions, source);
        List<StatsRow> rows = new ArrayList<>();
        long total = share ? shares(query, sqlDimensions, groups, snapshot, rows) : counts(query, groups, snapshot, rows);
        Integer k = query.suppressBelow();
        boolean totalSuppressed = suppressed(total, k);
        Provenance provenance = Provenance.of(filter, snapshot, "/api/v1/stats/detainers?" + query.canonical(),
                source.table, version, OffsetDateTime.now(clock),
                notes(query, filter.releases().isEmpty() ? null : countyCoverage(filter, source)));
        return new StatsAnswer(query.groupBy().stream().map(d -> d.parameter).toList(), query.measure().parameter(), k,
                rows, totalSuppressed ? null : total, totalSuppressed ? Boolean.TRUE : null, provenance);
    }

    /** The smallest table that holds every column the question needs: exact either way, fastest this way. */
    private static Source smallest(DetainerFilter filter, List<Dimension> dimensions) {
        for (Source source : List.of(Source.ROLLUP_STATE, Source.ROLLUP)) {
            if (source.serves(filter) && dimensions.stream().allMatch(d -> d.servedBy(source))) {
                return source;
            }
        }
        return Source.ROWS;
    }

    /** One group as SQL counted it: its key values in dimension order (a facility takes two) and its count. */
    private record Group(Object[] keys, long count) {
    }

    private List<Group> groups(DetainerFilter filter, List<Dimension> dimensions, Source source) {
        SqlWhere where = SqlWhere.of(filter, source);
        List<String> columns = new ArrayList<>();
        dimensions.forEach(d -> columns.addAll(d.sql(source)));
        StringBuilder sql = new StringBuilder("select ");
        for (String column : columns) {
            sql.append(column).append(", ");
        }
        sql.append(source.count).append(" from ").append(source.table)
                .append(" d");
        if (dimensions.stream().anyMatch(Dimension::needsPlace)) {
            sql.append(" left join place p on p.id = d.place_id");
        }
        sql.append(" where ").append(where.sql());
        if (!columns.isEmpty()) {
            sql.append(" group by ");
            for (int i = 1; i <= columns.size(); i++) {
                sql.append(i == 1 ? "" : ", ").append(i);
            }
        }
        List<Group> groups = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            where.bind(connection, statement, 1);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Object[] keys = new Object[columns.size()];
                    for (int i = 0; i < keys.length; i++) {
                        keys[i] = rs.getObject(i + 1);
                    }
                    long count = rs.getLong(columns.size() + 1);
                    if (count > 0) {
                        groups.add(new Group(keys, count));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The statistics query failed: " + e.getMessage(), e);
        }
        return groups;
    }

    private long counts(StatsQuery query, List<Group> groups, Snapshot snapshot, List<StatsRow> rows) {
        long total = 0;
        List<Map.Entry<Map<String, Object>, Long>> labelled = new ArrayList<>();
        for (Group group : groups) {
            total += group.count();
            labelled.add(Map.entry(GroupLabels.label(query.groupBy(), group.keys(), snapshot), group.count()));
        }
        labelled.sort(GroupLabels.order(query.groupBy()));
        Integer k = query.suppressBelow();
        for (Map.Entry<Map<String, Object>, Long> entry : labelled) {
            boolean hidden = suppressed(entry.getValue(), k);
            rows.add(new StatsRow(entry.getKey(), hidden ? null : entry.getValue(), hidden ? Boolean.TRUE : null,
                    null, null, null));
        }
        return total;
    }

    /**
     * Shares need every outcome of each group, so SQL counted without the outcome filter and with the outcome as
     * an extra key; here the filtered outcomes become the count and all outcomes the group total. Groups where
     * the filtered outcomes never occur get an explicit 0 (a state that declined nothing has a share of 0, not a
     * missing row).
     */
    private long shares(StatsQuery query, List<Dimension> sqlDimensions, List<Group> groups, Snapshot snapshot,
                        List<StatsRow> rows) {
        List<Dimension> dimensions = query.groupBy();
        int outcomeAt = GroupLabels.keyIndex(sqlDimensions, Dimension.OUTCOME);
        boolean outcomeShown = dimensions.contains(Dimension.OUTCOME);
        List<Outcome> wanted = query.filter().outcomes().isEmpty() ? List.of(Outcome.values())
                : List.copyOf(query.filter().outcomes());

        Map<List<Object>, Long> groupTotals = new LinkedHashMap<>();
        Map<List<Object>, Long> counted = new HashMap<>();
        for (Group group : groups) {
            List<Object> withoutOutcome = without(group.keys(), outcomeAt);
            groupTotals.merge(withoutOutcome, group.count(), Long::sum);
            if (wanted.contains(Outcome.valueOf((String) group.keys()[outcomeAt]))) {
                counted.merge(outcomeShown ? Arrays.asList(group.keys()) : withoutOutcome, group.count(), Long::sum);
            }
        }
        long total = counted.values().stream().mapToLong(Long::longValue).sum();
        List<Map.Entry<Map<String, Object>, long[]>> labelled = new ArrayList<>();
        for (Map.Entry<List<Object>, Long> entry : groupTotals.entrySet()) {
            for (Outcome outcome : outcomeShown ? wanted : List.<Outcome>of()) {
                Object[] keys = with(entry.getKey(), outcomeAt, outcome.name());
                long count = counted.getOrDefault(Arrays.asList(keys), 0L);
                labelled.add(Map.entry(GroupLabels.label(dimensions, keys, snapshot), new long[] {count, entry.getValue()}));
            }
            if (!outcomeShown) {
                long count = counted.getOrDefault(entry.getKey(), 0L);
                labelled.add(Map.entry(GroupLabels.label(dimensions, entry.getKey().toArray(), snapshot),
                        new long[] {count, entry.getValue()}));
            }
        }
        labelled.sort(GroupLabels.order(dimensions));
        Integer k = query.suppressBelow();
        for (Map.Entry<Map<String, Object>, long[]> entry : labelled) {
            long count = entry.getValue()[0];
            long groupTotal = entry.getValue()[1];
            boolean countHidden = suppressed(count, k);
            boolean totalHidden = suppressed(groupTotal, k);
            boolean sharesHidden = countHidden || totalHidden || suppressed(total, k);
            rows.add(new StatsRow(entry.getKey(), countHidden ? null : count, countHidden || totalHidden ? Boolean.TRUE : null,
                    totalHidden ? null : groupTotal,
                    sharesHidden ? null : (double) count / groupTotal,
                    sharesHidden || total == 0 ? null : (double) count / total));
        }
        return total;
    }

    private static List<Object> without(Object[] keys, int index) {
        List<Object> rest = new ArrayList<>(Arrays.asList(keys));
        rest.remove(index);
        return rest;
    }

    private static Object[] with(List<Object> keys, int index, Object value) {
        List<Object> all = new ArrayList<>(keys);
        all.add(index, value);
        return all.toArray();
    }

    /** Primary suppression: counts from 1 to k-1 are withheld; 0 is shown (it discloses no one). */
    private static boolean suppressed(long count, Integer k) {
        return k != null && count > 0 && count < k;
    }

    /**
     * How much of the answer's rows had a known county, and by which method: read from the rollup (which has each
     * group's place) unless only the rows hold what the filter needs.
     */
    private String countyCoverage(DetainerFilter filter, Source answered) {
        Source source = Source.ROLLUP.serves(filter) ? Source.ROLLUP : answered;
        SqlWhere where = SqlWhere.of(filter, source);
        String sql = "select p.method, p.county_id is not null, " + source.count + " from " + source.table + " d"
                + " left join place p on p.id = d.place_id where " + where.sql() + " group by 1, 2";
        Map<String, Long> byMethod = new LinkedHashMap<>();
        long known = 0;
        long all = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            where.bind(connection, statement, 1);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long count = rs.getLong(3);
                    all += count;
                    if (rs.getBoolean(2)) {
                        known += count;
                        byMethod.merge(rs.getString(1), count, Long::sum);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The county coverage query failed: " + e.getMessage(), e);
        }
        return PlaceCoverage.describe(known, all, byMethod);
    }

    private static List<String> notes(StatsQuery query, String countyCoverage) {
        List<String> notes = new ArrayList<>();
        if (countyCoverage != null) {
            notes.add(countyCoverage);
        }
        List<?> releases = query.filter().releases();
        if (releases.isEmpty()) {
            notes.add(query.filter().readsSeries()
                    ? "No loaded detainer release covers the states and days asked about, so every count is 0."
                    : "No detainer release is loaded, so every count is 0.");
        }
        if (query.groupBy().contains(Dimension.COUNTY) || !query.filter().counties().isEmpty()) {
            notes.add("ICE's rows name a facility, a city and a state, not a county: each distinct place is resolved to a"
                    + " county by facility code, a county named in the facility name, the city through a gazetteer, or a"
                    + " curator (see GET /api/v1/places/review); rows whose place has no county are in the group whose"
                    + " county is null.");
        }
        if (query.groupBy().contains(Dimension.OUTCOME) || query.measure() == Measure.SHARE
                || !query.filter().outcomes().isEmpty()) {
            notes.add("Outcome UNKNOWN means no lift reason was recorded; it does not mean the detainer was honoured.");
        }
        return notes;
    }
}
