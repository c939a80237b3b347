package org.detainerlab.core.detainer;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How many detainers the release series holds per state, county, curated facility and published place (from the
 * rollup, or the rows when the series splits a month), and the facility names as published with their counts (from
 * the rows). Both are computed once per data generation.
 */
@ApplicationScoped
public class DetainerCounts {

    /**
     * Counts per jurisdiction code (state or county), per curated facility id and per published place id
     * ({@code byPlaceId}), as a default question counts them: over the release series.
     */
    public record Totals(long generation, long all, Map<String, Long> byPlace, Map<Long, Long> byFacility,
                         Map<Long, Long> byPlaceId) {
    }

    /** A facility name as published, in one state, with the curated facility it resolves to (or null). */
    public record NameSeen(String name, String stateCode, Long facilityId, long detainers) {
    }

    private record Names(long generation, List<NameSeen> names) {
    }

    private final AgroalDataSource dataSource;
    private final SnapshotSource snapshots;
    private final AtomicReference<Totals> totals = new AtomicReference<>();
    private final AtomicReference<Names> names = new AtomicReference<>();

    public DetainerCounts(AgroalDataSource dataSource, SnapshotSource snapshots) {
        this.dataSource = dataSource;
        this.snapshots = snapshots;
    }

    public Totals totals() {
        Snapshot snapshot = snapshots.current();
        Totals known = totals.get();
        if (known != null && known.generation() == snapshot.generation()) {
            return known;
        }
        Map<String, Long> byPlace = new HashMap<>();
        Map<Long, Long> byFacility = new HashMap<>();
        Map<Long, Long> byPlaceId = new HashMap<>();
        long all = 0;
        // the default question's rows: each state and day from the one release the series chose, never summed over
        // overlapping releases
        DetainerFilter series = DetainerFilters.parse(QueryParameters.of(Map.of()), snapshot);
        SqlWhere.Source source = SqlWhere.Source.ROLLUP.serves(series) ? SqlWhere.Source.ROLLUP : SqlWhere.Source.ROWS;
        SqlWhere where = SqlWhere.of(series, source);
        String sql = "select d.state_id, p.county_id, " + RowFacility.ID + ", " + source.count + ", d.place_id"
                + " from " + source.table + " d left join place p on p.id = d.place_id where " + where.sql()
                + " group by 1, 2, 3, 5";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            where.bind(connection, statement, 1);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long n = rs.getLong(4);
                    all += n;
                    snapshot.place(rs.getObject(1, Long.class)).ifPresent(p -> byPlace.merge(p.code(), n, Long::sum));
                    snapshot.place(rs.getObject(2, Long.class)).ifPresent(p -> byPlace.merge(p.code(), n, Long::sum));
                    Long facility = rs.getObject(3, Long.class);
                    if (facility != null) {
                        byFacility.merge(facility, n, Long::sum);
                    }
                    Long place = rs.getObject(5, Long.class);
                    if (place != null) {
                        byPlaceId.merge(place, n, Long::sum);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count detainers: " + e.getMessage(), e);
        }
        Totals fresh = new Totals(snapshot.generation(), all, Map.copyOf(byPlace), Map.copyOf(byFacility),
                Map.copyOf(byPlaceId));
        totals.set(fresh);
        return fresh;
    }

    /**
     * Facility names as published, matching {@code q} (part of the name, case-insensitive) and the state (USPS
     * code) when given, most detainers first.
     */
    public List<NameSeen> namesSeen(String q, String stateCode, int limit) {
        String part = q == null ? null : q.trim().toUpperCase(Locale.ROOT);
        List<NameSeen> matches = new ArrayList<>();
        for (NameSeen name : allNamesSeen()) {
            if ((part == null || name.name().contains(part))
                    && (stateCode == null || stateCode.equalsIgnoreCase(name.stateCode()))) {
                matches.add(name);
                if (matches.size() == limit) {
                    break;
                }
            }
        }
        return matches;
    }

    /** The published spellings that resolve to one curated facility. */
    public List<NameSeen> namesOf(long facilityId) {
        return allNamesSeen().stream().filter(n -> n.facilityId() != null && n.facilityId() == facilityId).toList();
    }

    private List<NameSeen> allNamesSeen() {
        Snapshot snapshot = snapshots.current();
        Names known = names.get();
        if (known != null && known.generation() == snapshot.generation()) {
            return known.names();
        }
        List<NameSeen> list = new ArrayList<>();
        SqlWhere where = SqlWhere.of(DetainerFilters.parse(QueryParameters.of(Map.of()), snapshot), SqlWhere.Source.ROWS);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select upper(btrim(d.facility_raw)), d.state_id,"
                     + " " + RowFacility.ID + ", count(*) from detainer d left join place p on p.id = d.place_id"
                     + " where d.facility_raw is not null and " + where.sql()
                     + " group by 1, 2, 3 order by 4 desc, 1")) {
            where.bind(connection, statement, 1);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    list.add(new NameSeen(rs.getString(1), snapshot.place(rs.getObject(2, Long.class)).map(Place::code)
                            .orElse(null), rs.getObject(3, Long.class), rs.getLong(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list facility names: " + e.getMessage(), e);
        }
        names.set(new Names(snapshot.generation(), List.copyOf(list)));
        return list;
    }
}
