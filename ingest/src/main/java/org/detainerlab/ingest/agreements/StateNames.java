package org.detainerlab.ingest.agreements;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * States, DC and territories by USPS code and by name, matched as the detainer loader matches them: upper case,
 * spaces trimmed and collapsed, and also without a leading {@code U.S.} ({@code VIRGIN ISLANDS}).
 */
final class StateNames {

    private final Map<String, Long> idsByKey;

    private StateNames(Map<String, Long> idsByKey) {
        this.idsByKey = idsByKey;
    }

    static StateNames load(Connection connection) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select id, usps_code, name from jurisdiction where kind in ('STATE', 'DISTRICT', 'TERRITORY')")) {
            while (rows.next()) {
                long id = rows.getLong(1);
                String name = key(rows.getString(3));
                ids.put(key(rows.getString(2)), id);
                ids.put(name, id);
                if (name.startsWith("U.S. ")) {
                    ids.put(name.substring("U.S. ".length()), id);
                }
            }
        }
        return new StateNames(ids);
    }

    /** The jurisdiction id of a state name or USPS code, or null. */
    Long resolve(String raw) {
        return idsByKey.get(key(raw));
    }

    private static String key(String raw) {
        return Text.trim(raw).replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }
}
