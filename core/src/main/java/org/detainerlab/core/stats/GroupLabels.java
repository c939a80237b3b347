package org.detainerlab.core.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.detainerlab.core.detainer.Place;
import org.detainerlab.core.detainer.Snapshot;

/**
 * Turns SQL group keys (ids, dates) into the keys an answer shows: a state's USPS code and name, a county's FIPS
 * code and name, a facility's name (curated, or as published), {@code yyyy-MM} months. Null stays null: the
 * source did not state it.
 */
final class GroupLabels {

    private GroupLabels() {
    }

    /** Where a dimension's first key column sits among the SQL key columns (a facility has two). */
    static int keyIndex(List<Dimension> dimensions, Dimension wanted) {
        int index = 0;
        for (Dimension d : dimensions) {
            if (d == wanted) {
                return index;
            }
            index += d == Dimension.FACILITY ? 2 : 1;
        }
        throw new IllegalArgumentException(wanted + " is not among " + dimensions);
    }

    static Map<String, Object> label(List<Dimension> dimensions, Object[] keys, Snapshot snapshot) {
        Map<String, Object> group = new LinkedHashMap<>();
        int i = 0;
        for (Dimension d : dimensions) {
            Object key = keys[i++];
            switch (d) {
                case STATE, COUNTY -> {
                    Place place = snapshot.place(key == null ? null : ((Number) key).longValue()).orElse(null);
                    group.put(d.parameter, place == null ? null : place.code());
                    group.put(d.parameter + "Name", place == null ? null : place.name());
                }
                case FACILITY -> {
                    Object raw = keys[i++];
                    Long id = key == null ? null : ((Number) key).longValue();
                    Snapshot.FacilityRef curated = id == null ? null : snapshot.facilities().get(id);
                    group.put("facility", curated != null ? curated.name() : raw);
                    group.put("facilityId", id);
                }
                case MONTH -> group.put(d.parameter, key == null ? null : toDate(key).toString().substring(0, 7));
                case FISCAL_YEAR, YEAR -> group.put(d.parameter, key == null ? null : ((Number) key).intValue());
                case OUTCOME, LIFT_REASON, DETAINER_TYPE, POLICY_REGIME, CRIMINALITY, THREAT_LEVEL, GENDER,
                     CITIZENSHIP_COUNTRY, AGE_BAND, NOTIFY_RELEASE, MSC_CHARGE, CHARGE_CATEGORY -> group.put(d.parameter, key);
            }
        }
        return group;
    }

    private static LocalDate toDate(Object key) {
        return key instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) key;
    }

    /**
     * Sorts labelled groups in key order, dimension by dimension, with unstated keys last. Each dimension's distinct
     * keys are sorted once, and the groups by their keys' ranks, packed with the group's position into one number
     * when they fit (they do unless an answer has millions of groups): an answer of 268,000 groups spent most of its
     * own time looking keys up in the labels and comparing facility names at every step of the sort.
     */
    static <V> void sort(List<Map.Entry<Map<String, Object>, V>> groups, List<Dimension> dimensions) {
        sort(groups, dimensions, 63);
    }

    /** {@link #sort}, packing the ranks only when they take at most {@code packedBits} bits (tests try both ways). */
    static <V> void sort(List<Map.Entry<Map<String, Object>, V>> groups, List<Dimension> dimensions, int packedBits) {
        int n = groups.size();
        int[][] ranks = new int[dimensions.size()][];
        int[] bits = new int[dimensions.size()];
        int totalBits = 32 - Integer.numberOfLeadingZeros(Math.max(n - 1, 1));
        for (int d = 0; d < dimensions.size(); d++) {
            ranks[d] = ranks(groups, dimensions.get(d) == Dimension.FACILITY ? "facility" : dimensions.get(d).parameter);
            int highest = 0;
            for (int rank : ranks[d]) {
                highest = Math.max(highest, rank);
            }
            bits[d] = 32 - Integer.numberOfLeadingZeros(Math.max(highest, 1));
            totalBits += bits[d];
        }
        List<Map.Entry<Map<String, Object>, V>> sorted = new ArrayList<>(n);
        if (totalBits <= packedBits) {
            int positionBits = 32 - Integer.numberOfLeadingZeros(Math.max(n - 1, 1));
            long[] packed = new long[n];
            for (int g = 0; g < n; g++) {
                long key = 0;
                for (int d = 0; d < ranks.length; d++) {
                    key = key << bits[d] | ranks[d][g];
                }
                packed[g] = key << positionBits | g;
            }
            Arrays.sort(packed);
            long position = (1L << positionBits) - 1;
            for (long key : packed) {
                sorted.add(groups.get((int) (key & position)));
            }
        } else {
            Integer[] order = new Integer[n];
            for (int g = 0; g < n; g++) {
                order[g] = g;
            }
            Arrays.sort(order, (a, b) -> {
                for (int[] rank : ranks) {
                    int byRank = Integer.compare(rank[a], rank[b]);
                    if (byRank != 0) {
                        return byRank;
                    }
                }
                return Integer.compare(a, b);
            });
            for (int g : order) {
                sorted.add(groups.get(g));
            }
        }
        for (int g = 0; g < n; g++) {
            groups.set(g, sorted.get(g));
        }
    }

    /** Each group's rank among the distinct keys {@code name} has in the groups; unstated keys rank last. */
    private static <V> int[] ranks(List<Map.Entry<Map<String, Object>, V>> groups, String name) {
        Object[] column = new Object[groups.size()];
        Map<Object, Integer> rankOf = new HashMap<>();
        for (int g = 0; g < column.length; g++) {
            column[g] = groups.get(g).getKey().get(name);
            if (column[g] != null) {
                rankOf.putIfAbsent(column[g], 0);
            }
        }
        List<Object> keys = new ArrayList<>(rankOf.keySet());
        keys.sort(GroupLabels::compareKeys);
        for (int r = 0; r < keys.size(); r++) {
            rankOf.put(keys.get(r), r);
        }
        int[] ranks = new int[column.length];
        for (int g = 0; g < column.length; g++) {
            ranks[g] = column[g] == null ? keys.size() : rankOf.get(column[g]);
        }
        return ranks;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareKeys(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }
}
