package org.detainerlab.ingest.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.detainerlab.core.place.PlaceKeys;
import org.detainerlab.core.place.PlaceResolutions;
import org.detainerlab.ingest.map.Field;
import org.detainerlab.ingest.normalise.NormalisedRow;

/**
 * Gives each row the id of its published place (state, facility spelling, facility code, city) while the rows
 * stream into COPY: one hash lookup per row on the raw values, the keys normalised once per distinct spelling.
 * Places not seen before get ids after the highest one; the load holds {@link PlaceResolutions#PLACE_LOCK} for its
 * transaction, so concurrent loads cannot hand out the same id, and inserts them before the partition is attached.
 */
final class PlaceIds {

    private record Key(Long stateId, String facility, String code, String city) {
    }

    private final Map<Key, Long> byKey = new HashMap<>();
    private final Map<Key, Long> byRaw = new HashMap<>();
    private final List<Key> added = new ArrayList<>();
    private long lastId;

    static PlaceIds load(Connection connection) throws SQLException {
        PlaceIds ids = new PlaceIds();
        try (Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_xact_lock(" + PlaceResolutions.PLACE_LOCK + ")");
            try (ResultSet rs = statement.executeQuery(
                    "select id, state_id, facility_key, facility_code, city_key from place")) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    ids.byKey.put(new Key(rs.getObject(2, Long.class), rs.getString(3), rs.getString(4), rs.getString(5)), id);
                    ids.lastId = Math.max(ids.lastId, id);
                }
            }
        }
        return ids;
    }

    long idOf(NormalisedRow row) {
        Key raw = new Key(row.stateId(), row.text(Field.FACILITY), row.text(Field.FACILITY_CODE), row.text(Field.CITY));
        Long id = byRaw.get(raw);
        if (id == null) {
            Key key = new Key(raw.stateId(), PlaceKeys.key(raw.facility()), PlaceKeys.key(raw.code()),
                    PlaceKeys.key(raw.city()));
            id = byKey.get(key);
            if (id == null) {
                id = ++lastId;
                byKey.put(key, id);
                added.add(key);
            }
            byRaw.put(raw, id);
        }
        return id;
    }

    /** Writes the places first seen in this load, in its transaction, still unresolved (NEW). */
    void insertNew(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into place (id, state_id, facility_key, facility_code, city_key) values (?, ?, ?, ?, ?)")) {
            for (Key key : added) {
                insert.setLong(1, byKey.get(key));
                insert.setObject(2, key.stateId(), Types.BIGINT);
                insert.setString(3, key.facility());
                insert.setString(4, key.code());
                insert.setString(5, key.city());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
