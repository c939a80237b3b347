package org.detainerlab.ingest.load;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.detainerlab.core.release.DataRelease;
import org.detainerlab.ingest.map.Field;
import org.detainerlab.ingest.normalise.NormalisedRow;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Counts a release's rows into {@code detainer_rollup}'s groups while they are read, so the rollup costs the
 * load no second pass over the rows. The migration that created the table computes the same groups with SQL
 * ({@code ReleaseLoaderTest} checks that both agree).
 */
final class RollupCounter {

    private record Group(LocalDate month, Long stateId, Long facilityId, String outcome, String liftReason, String detainerType,
                         String criminality, boolean likelyDuplicate, long placeId) {
    }

    private record StateGroup(LocalDate month, Long stateId, String outcome) {
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
     * month, state and outcome, summed from them in memory. The groups go by COPY into a table of this release
     * alone, without index or foreign-key trigger, which is then attached as the release's partition of
     * {@code detainer_rollup}: with the place in the key a release has hundreds of thousands of groups, and checking
     * the key and updating the indexes group by group took longer than the COPY.
     */
    void write(Connection connection, long releaseId) throws SQLException {
        String partition = DataRelease.rollupPartitionTable(releaseId);
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table " + partition
                    + " (like detainer_rollup including defaults including constraints)");
            // lets the attach below skip scanning the rows for the partition's bound
            statement.execute("alter table " + partition + " add constraint " + partition + "_release check (release_id = "
                    + releaseId + ")");
        }
        Map<StateGroup, long[]> byState = new HashMap<>();
        copy(connection, "copy " + partition + " (release_id, month, state_id, facility_id, outcome, lift_reason_raw,"
                + " detainer_type, criminality, likely_duplicate, detainers, place_id) from stdin with (freeze)", writer -> {
            for (Map.Entry<Group, long[]> entry : counts.entrySet()) {
                Group g = entry.getKey();
                long detainers = entry.getValue()[0];
                writer.number(releaseId).date(g.month()).number(g.stateId()).number(g.facilityId()).text(g.outcome())
                        .text(g.liftReason()).text(g.detainerType()).text(g.criminality())
                        .raw(g.likelyDuplicate() ? "t" : "f").number(detainers).number(g.placeId());
                writer.endRow();
                byState.computeIfAbsent(new StateGroup(g.month(), g.stateId(), g.outcome()), k -> new long[1])[0]
                        += detainers;
            }
        });
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table detainer_rollup attach partition " + partition + " for values in ("
                    + releaseId + ")");
            statement.execute("analyze " + partition);
        }
        // summed from the groups in memory: a few thousand rows, without reading the partition back
        copy(connection, "copy detainer_rollup_state (release_id, month, state_id, outcome, detainers) from stdin",
                writer -> {
                    for (Map.Entry<StateGroup, long[]> entry : byState.entrySet()) {
                        StateGroup g = entry.getKey();
                        writer.number(releaseId).date(g.month()).number(g.stateId()).text(g.outcome())
                                .number(entry.getValue()[0]);
                        writer.endRow();
                    }
                });
    }

    @FunctionalInterface
    private interface Rows {
        void write(CopyWriter writer) throws IOException;
    }

    private static void copy(Connection connection, String sql, Rows rows) throws SQLException {
        PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), sql, 1 << 16);
        CopyWriter writer = new CopyWriter(copy);
        boolean written = false;
        try {
            rows.write(writer);
            writer.close();
            written = true;
        } catch (IOException e) {
            throw new SQLException("Writing the rollup failed: " + e.getMessage(), e);
        } finally {
            if (!written) {
                writer.abandon();
                ReleaseLoader.cancel(copy);
            }
        }
    }
}
