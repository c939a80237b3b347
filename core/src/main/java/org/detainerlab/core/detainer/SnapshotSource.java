package org.detainerlab.core.detainer;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.detainerlab.core.jurisdiction.PlaceNames;

/**
 * Reads {@code data_generation} on every call (one indexed row) and reloads the {@link Snapshot} only when it
 * moved, so that every instance of the application sees a change made through any other at once.
 */
@ApplicationScoped
public class SnapshotSource {

    private final AgroalDataSource dataSource;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();

    public SnapshotSource(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Snapshot current() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            long generation;
            try (ResultSet rs = statement.executeQuery("select value from data_generation where id = 1")) {
                rs.next();
                generation = rs.getLong(1);
            }
            Snapshot known = current.get();
            if (known != null && known.generation() == generation) {
                return known;
            }
            Snapshot fresh = load(statement, generation);
            current.set(fresh);
            return fresh;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the reference data: " + e.getMessage(), e);
        }
    }

    private static Snapshot load(Statement statement, long generation) throws SQLException {
        Map<Long, Place> places = new HashMap<>();
        Map<String, Place> byCode = new HashMap<>();
        Map<String, Place> statesByName = new HashMap<>();
        try (ResultSet rs = statement.executeQuery("select id, code, name, kind, parent_id from jurisdiction")) {
            while (rs.next()) {
                Place place = new Place(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, Long.class));
                places.put(place.id(), place);
                byCode.put(place.code().toUpperCase(Locale.ROOT), place);
                if (place.kind().matches("STATE|DISTRICT|TERRITORY")) {
                    statesByName.put(place.name().toUpperCase(Locale.ROOT), place);
                }
            }
        }
        Map<String, Place> countiesByName = new HashMap<>();
        Map<String, List<Place>> countiesByBareName = new HashMap<>();
        for (Place place : places.values()) {
            Place state = place.parentId() == null ? null : places.get(place.parentId());
            if (place.kind().equals("COUNTY") && state != null) {
                countiesByName.put(Snapshot.countyKey(place.name(), state.code()), place);
                countiesByBareName.computeIfAbsent(PlaceNames.countyKey(place.name()), k -> new ArrayList<>()).add(place);
                if (!place.name().toUpperCase(Locale.ROOT).endsWith(" COUNTY")) {
                    countiesByName.putIfAbsent(Snapshot.countyKey(place.name() + " County", state.code()), place);
                }
            }
        }
        Map<Long, Snapshot.FacilityRef> facilities = new HashMap<>();
        try (ResultSet rs = statement.executeQuery("select id, name, county_id from facility")) {
            while (rs.next()) {
                facilities.put(rs.getLong(1), new Snapshot.FacilityRef(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, Long.class)));
            }
        }
        Map<String, Long> aliases = new HashMap<>();
        try (ResultSet rs = statement.executeQuery("select alias, facility_id from facility_alias")) {
            while (rs.next()) {
                aliases.put(rs.getString(1), rs.getLong(2));
            }
        }
        List<ReleaseRef> releases = new ArrayList<>();
        List<Series.Ranked> ranked = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("select id, title, file_name, sha256, coverage_from, coverage_to,"
                + " rows_loaded, scope_state_ids, withdrawn_at is not null from data_release"
                + " where kind = 'DETAINERS' and status = 'LOADED'"
                + " order by precedence desc, published_on desc nulls last, created_at desc, id desc")) {
            while (rs.next()) {
                java.sql.Array scopeArray = rs.getArray(8);
                List<Long> scope = scopeArray == null ? null : List.of((Long[]) scopeArray.getArray());
                ReleaseRef release = new ReleaseRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getLong(7),
                        scope == null ? null : scope.stream().map(id -> places.containsKey(id) ? places.get(id).code()
                                : Long.toString(id)).sorted().toList(), rs.getBoolean(9));
                releases.add(release);
                if (!release.withdrawn()) {
                    ranked.add(new Series.Ranked(release, scope));
                }
            }
        }
        releases.sort(Comparator.comparingLong(ReleaseRef::id));
        Set<String> chargeCategories = new HashSet<>(Set.of(ChargeCategories.UNCLASSIFIED));
        try (ResultSet rs = statement.executeQuery("select distinct category from charge_category")) {
            while (rs.next()) {
                chargeCategories.add(rs.getString(1));
            }
        }
        Series series = Series.of(ranked, statesByName.values().stream().map(Place::id).toList());
        return new Snapshot(generation, Map.copyOf(places), Map.copyOf(byCode), Map.copyOf(statesByName),
                Map.copyOf(countiesByName), Map.copyOf(facilities), Map.copyOf(aliases), List.copyOf(releases),
                Map.copyOf(countiesByBareName), series, Set.copyOf(chargeCategories));
    }
}
