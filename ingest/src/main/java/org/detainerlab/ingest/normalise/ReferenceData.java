package org.detainerlab.ingest.normalise;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What raw names resolve to, read once per ingest: states, DC and territories by USPS code and by name (also
 * without a leading {@code U.S.}, as ICE writes {@code VIRGIN ISLANDS}); facilities by their aliases. Results
 * are remembered per distinct raw text, since a release repeats a few thousand names over many rows.
 */
public final class ReferenceData {

    private static final Long NONE = -1L;

    private final Map<String, Long> statesByKey;
    private final Map<String, Long> facilitiesByAlias;
    private final Map<String, Long> stateMemo = new HashMap<>();
    private final Map<String, Long> facilityMemo = new HashMap<>();

    ReferenceData(Map<String, Long> statesByKey, Map<String, Long> facilitiesByAlias) {
        this.statesByKey = statesByKey;
        this.facilitiesByAlias = facilitiesByAlias;
    }

    public static ReferenceData load(Connection connection) throws SQLException {
        Map<String, Long> states = new HashMap<>();
        Map<String, Long> facilities = new HashMap<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(
                    "select id, usps_code, name from jurisdiction where kind in ('STATE', 'DISTRICT', 'TERRITORY')")) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    String name = key(rows.getString(3));
                    states.put(key(rows.getString(2)), id);
                    states.put(name, id);
                    if (name.startsWith("U.S. ")) {
                        states.put(name.substring(5), id);
                    }
                }
            }
            try (ResultSet rows = statement.executeQuery("select facility_id, alias from facility_alias")) {
                while (rows.next()) {
                    facilities.put(rows.getString(2), rows.getLong(1));
                }
            }
        }
        return new ReferenceData(states, facilities);
    }

    /**
     * Upper case, trimmed, inner white space (including the no-break spaces spreadsheets carry) collapsed: how names
     * are compared, as facility aliases are stored.
     */
    static String key(String raw) {
        return raw.replace('\u00A0', ' ').strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    /** The jurisdiction id of a state name or USPS code, or null. */
    public Long state(String raw) {
        Long id = stateMemo.computeIfAbsent(raw, r -> statesByKey.getOrDefault(key(r), NONE));
        return id.equals(NONE) ? null : id;
    }

    /** The facility id whose alias matches the raw name, or null. */
    Long facility(String raw) {
        Long id = facilityMemo.computeIfAbsent(raw, r -> facilitiesByAlias.getOrDefault(key(r), NONE));
        return id.equals(NONE) ? null : id;
    }
}
