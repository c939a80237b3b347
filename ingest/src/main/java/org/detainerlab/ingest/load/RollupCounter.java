package org.detainerlab.ingest.load;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.detainerlab.ingest.map.Field;
import org.detainerlab.ingest.normalise.NormalisedRow;

/**
 * Counts a release's rows into {@code detainer_rollup}'s groups while they are read, so the rollup costs the
 * load no second pass over the rows. The migration that created the table computes the same groups with SQL
 * ({@code ReleaseLoaderTest} checks that both agree).
 */
final class RollupCounter {

    private record Group(LocalDate month, Long stateId, Long facilityId, String outcome, String liftReason, String detainerType,
                         String criminality, boolean likelyDuplicate, long placeId) {
    }

    private final Map<Group, long[]> counts = new HashMap<>();

    void add(NormalisedRow row, long placeId) {
        LocalDate date = row.prepareDate();
        Group group = new Group(date == null ? null : date.withDayOfMonth(1), row.stateId(), row.facilityId(),
                row.outcome().name(), row.text(Field.LIFT_REASON), row.text(Field.DETAINER_TYPE), row.text(Field.CRIMINALITY), row.likelyDuplicate(),
                placeId);
        counts.computeIfAbsent(group, g -> new long[1])[0]++;
    }

    /**
     * Writes the groups in the load's transaction, after the release row exists, then the coarser rollup by
     * month, state and outcome from them.
     */
    void write(Connection connection, long releaseId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into detainer_rollup (release_id, month,"
                + " state_id, facility_id, outcome, lift_reason_raw, detainer_type, criminality, likely_duplicate,"
                + " detainers, place_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int batched = 0;
            for (Map.Entry<Group, long[]> entry : counts.entrySet()) {
                Group g = entry.getKey();
                insert.setLong(1, releaseId);
                insert.setObject(2, g.month() == null ? null : Date.valueOf(g.month()), Types.DATE);
                insert.setObject(3, g.stateId(), Types.BIGINT);
                insert.setObject(4, g.facilityId(), Types.BIGINT);
                insert.setString(5, g.outcome());
                insert.setString(6, g.liftReason());
                insert.setString(7, g.detainerType());
                insert.setString(8, g.criminality());
                insert.setBoolean(9, g.likelyDuplicate());
                insert.setLong(10, entry.getValue()[0]);
                insert.setLong(11, g.placeId());
                insert.addBatch();
                if (++batched % 1000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        try (PreparedStatement coarser = connection.prepareStatement("insert into detainer_rollup_state"
                + " select release_id, month, state_id, outcome, sum(detainers) from detainer_rollup"
                + " where release_id = ? group by 1, 2, 3, 4")) {
            coarser.setLong(1, releaseId);
            coarser.executeUpdate();
        }
    }
}
