package org.detainerlab.core.place;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves the places that no one has resolved yet (status NEW) in the caller's transaction, over plain JDBC so
 * that the loader (after each load) and the application (at start, for releases loaded before) share it.
 * Curated facilities win: a place whose facility spelling is an alias of a curated facility of its state takes that
 * facility and its county. The others go to {@link PlaceResolver}. Places a curator decided are never touched.
 */
public final class PlaceResolutions {

    /** The advisory lock that every writer of new places holds, so that place ids are given out once. */
    public static final long PLACE_LOCK = 0x706c616365L;

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlaceResolutions() {
    }

    private record Curated(long facilityId, Long stateId, String countyCode, String name) {
    }

    /** Resolves every NEW place; returns how many. */
    public static int resolveNew(Connection connection, FacilityReference reference) throws SQLException {
        PlaceResolver resolver = new PlaceResolver(Gazetteer.get(), CountyShapes.get(), reference);
        Map<String, Long> countyIds = new HashMap<>();
        Map<String, List<Curated>> curated = new HashMap<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("select code, id from jurisdiction where kind = 'COUNTY'")) {
                while (rs.next()) {
                    countyIds.put(rs.getString(1), rs.getLong(2));
                }
            }
            try (ResultSet rs = statement.executeQuery("select a.alias, f.id, f.state_id, c.code, f.name"
                    + " from facility_alias a join facility f on f.id = a.facility_id"
                    + " left join jurisdiction c on c.id = f.county_id")) {
                while (rs.next()) {
                    curated.computeIfAbsent(rs.getString(1), a -> new java.util.ArrayList<>())
                            .add(new Curated(rs.getLong(2), rs.getObject(3, Long.class), rs.getString(4), rs.getString(5)));
                }
            }
        }
        int resolved = 0;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select p.id, p.state_id, s.fips_code, p.facility_key, p.facility_code,"
                     + " p.city_key from place p left join jurisdiction s on s.id = p.state_id where p.status = 'NEW'");
             PreparedStatement update = connection.prepareStatement("update place set status = ?, method = ?,"
                     + " county_id = ?, proposed_county_id = ?, facility_id = ?, confidence = ?, evidence = ?::jsonb,"
                     + " candidates = ?::jsonb where id = ?")) {
            while (rs.next()) {
                Long stateId = rs.getObject(2, Long.class);
                String facility = rs.getString(4);
                Curated match = curated.getOrDefault(facility, List.of()).stream()
                        .filter(c -> c.stateId() == null || c.stateId().equals(stateId)).findFirst().orElse(null);
                Resolution resolution = match != null && match.countyCode() != null ? curatedResolution(match)
                        : resolver.resolve(rs.getString(3), facility, rs.getString(5), rs.getString(6));
                String applied = resolution.applied();
                update.setString(1, applied != null ? "PROPOSED" : "UNRESOLVED");
                update.setString(2, resolution.method() == null ? null : resolution.method().name());
                update.setObject(3, applied == null ? null : countyIds.get(applied), Types.BIGINT);
                update.setObject(4, resolution.county() == null ? null : countyIds.get(resolution.county()), Types.BIGINT);
                update.setObject(5, match == null ? null : match.facilityId(), Types.BIGINT);
                update.setDouble(6, resolution.confidence());
                update.setString(7, json(resolution.evidence()));
                update.setString(8, json(resolution.candidates()));
                update.setLong(9, rs.getLong(1));
                update.addBatch();
                if (++resolved % 500 == 0) {
                    update.executeBatch();
                }
            }
            update.executeBatch();
        }
        return resolved;
    }

    private static Resolution curatedResolution(Curated match) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("facility", "the spelling is an alias of curated facility " + match.facilityId() + " (" + match.name()
                + "), whose county is " + match.countyCode());
        return new Resolution(PlaceMethod.CURATED, match.countyCode(), 1.0, false, evidence, List.of());
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a place resolution as JSON", e);
        }
    }
}
