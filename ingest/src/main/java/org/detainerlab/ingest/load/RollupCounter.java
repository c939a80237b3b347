package org.detainerlab.ingest.load;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.detainerlab.core.detainer.Outcome;
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

    private record StateGroup(LocalDate month, Long stateId, String outcome) {
    }

    /** Marks a missing state or facility id in a key (ids are positive). */
    private static final long NONE = Long.MIN_VALUE;
    /**
     * Longs a group takes in {@link #slots}: place, state, facility, month with outcome and flag, lift reason with
     * detainer type, criminality, and the count.
     */
    private static final int WIDTH = 7;
    private static final Outcome[] OUTCOMES = Outcome.values();

    private final TextCodes liftReasons = new TextCodes();
    private final TextCodes detainerTypes = new TextCodes();
    private final TextCodes criminalities = new TextCodes();
    /**
     * The groups and their counts, by open addressing: slot i holds a group's key in the words from i * WIDTH and its
     * count in the last (0: the slot is free). A map of records took a fifth of the reading thread in a profile, most
     * of it probing and comparing objects spread over the heap; here a probe reads one slot.
     */
    private long[] slots = new long[WIDTH << 12];
    private int used;
    /** The key of the row being counted, filled by {@link #add}. */
    private final long[] key = new long[WIDTH - 1];

    void add(NormalisedRow row, long placeId) {
        LocalDate date = row.prepareDate();
        Long state = row.stateId();
        Long facility = row.facilityId();
        long month = date == null ? 0 : date.getYear() * 12L + date.getMonthValue();
        long[] key = this.key;
        key[0] = placeId;
        key[1] = state == null ? NONE : state;
        key[2] = facility == null ? NONE : facility;
        key[3] = month << 8 | (long) row.outcome().ordinal() << 1 | (row.likelyDuplicate() ? 1 : 0);
        key[4] = (long) liftReasons.of(row.text(Field.LIFT_REASON)) << 32 | detainerTypes.of(row.text(Field.DETAINER_TYPE));
        key[5] = criminalities.of(row.text(Field.CRIMINALITY));
        count(key);
    }

    private void count(long[] key) {
        if ((used + 1) * 3L > (long) (slots.length / WIDTH) * 2) {
            grow();
        }
        long[] table = slots;
        int mask = table.length / WIDTH - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            int at = i * WIDTH;
            if (table[at + WIDTH - 1] == 0) {
                System.arraycopy(key, 0, table, at, WIDTH - 1);
                table[at + WIDTH - 1] = 1;
                used++;
                return;
            }
            if (table[at] == key[0] && table[at + 1] == key[1] && table[at + 2] == key[2] && table[at + 3] == key[3]
                    && table[at + 4] == key[4] && table[at + 5] == key[5]) {
                table[at + WIDTH - 1]++;
                return;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length / WIDTH - 1;
        long[] key = new long[WIDTH - 1];
        for (int from = 0; from < old.length; from += WIDTH) {
            if (old[from + WIDTH - 1] != 0) {
                System.arraycopy(old, from, key, 0, WIDTH - 1);
                int i = hash(key) & mask;
                while (slots[i * WIDTH + WIDTH - 1] != 0) {
                    i = (i + 1) & mask;
                }
                System.arraycopy(old, from, slots, i * WIDTH, WIDTH);
            }
        }
    }

    /** Each word mixed in after the hash so far (the multiply-xorshift steps of SplitMix64). */
    private static int hash(long[] key) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < WIDTH - 1; i++) {
            h = (h ^ key[i]) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        h *= 0x94D049BB133111EBL;
        return (int) (h ^ h >>> 32);
    }

    /** A column's texts numbered as they first come, from 1; 0 is null. */
    private static final class TextCodes {
        private final Map<String, Integer> codes = new HashMap<>();
        private final List<String> texts = new ArrayList<>(Collections.singletonList(null));

        int of(String text) {
            if (text == null) {
                return 0;
            }
            Integer code = codes.get(text);
            if (code == null) {
                code = texts.size();
                codes.put(text, code);
                texts.add(text);
            }
            return code;
        }

        String text(long code) {
            return texts.get((int) code);
        }
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
            long[] table = slots;
            for (int at = 0; at < table.length; at += WIDTH) {
                long detainers = table[at + WIDTH - 1];
                if (detainers == 0) {
                    continue;
                }
                long months = table[at + 3] >>> 8;
                LocalDate month = months == 0 ? null : LocalDate.of((int) ((months - 1) / 12), (int) ((months - 1) % 12) + 1, 1);
                Long state = table[at + 1] == NONE ? null : table[at + 1];
                String outcome = OUTCOMES[(int) (table[at + 3] >>> 1 & 0x7F)].name();
                writer.number(releaseId).date(month).number(state).number(table[at + 2] == NONE ? null : table[at + 2])
                        .text(outcome).text(liftReasons.text(table[at + 4] >>> 32))
                        .text(detainerTypes.text(table[at + 4] & 0xFFFFFFFFL)).text(criminalities.text(table[at + 5]))
                        .raw((table[at + 3] & 1) == 1 ? "t" : "f").number(detainers).number(table[at]);
                writer.endRow();
                byState.computeIfAbsent(new StateGroup(month, state, outcome), k -> new long[1])[0] += detainers;
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
