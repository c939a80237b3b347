package org.detainerlab.ingest.normalise;

import java.time.LocalDate;

/**
 * Remembers (prepare date, anonymised identifier) pairs seen so far in a release, as 64-bit fingerprints in an
 * open-addressing table: about 16 bytes a row, so a million-row release needs some 32 MB. Two different pairs share
 * a fingerprint with probability about n²/2⁶⁵ (5 in 100 million for a million rows); the flag is a "likely"
 * duplicate in any case.
 */
final class DuplicateFinder {

    private long[] slots = new long[1 << 12];
    private int size;

    /** Whether the pair was seen before; records it either way. */
    boolean seenBefore(LocalDate date, String identifier) {
        long fingerprint = fingerprint(date, identifier);
        if (size * 2 >= slots.length) {
            grow();
        }
        return !insert(slots, fingerprint);
    }

    private boolean insert(long[] table, long fingerprint) {
        int mask = table.length - 1;
        for (int i = (int) fingerprint & mask; ; i = (i + 1) & mask) {
            if (table[i] == fingerprint) {
                return false;
            }
            if (table[i] == 0) {
                table[i] = fingerprint;
                if (table == slots) {
                    size++;
                }
                return true;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (long fingerprint : old) {
            if (fingerprint != 0) {
                insert(slots, fingerprint);
            }
        }
    }

    /** FNV-1a over the identifier's characters, the epoch day folded in, then a strong final mix; never 0. */
    static long fingerprint(LocalDate date, String identifier) {
        long h = 0xcbf29ce484222325L ^ date.toEpochDay();
        for (int i = 0, n = identifier.length(); i < n; i++) {
            h = (h ^ identifier.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
