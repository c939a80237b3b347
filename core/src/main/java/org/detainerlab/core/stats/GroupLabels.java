package org.detainerlab.core.stats;

import java.time.LocalDate;
import java.util.ArrayList;
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
     * Sorts labelled groups in key order, dimension by dimension, with unstated keys last. Each group's keys are read
     * from its label once, not at every comparison: an answer of 268,000 groups spent most of its own time in the
     * label lookups of the sort.
     */
    static <V> void sort(List<Map.Entry<Map<String, Object>, V>> groups, List<Dimension> dimensions) {
        String[] names = dimensions.stream().map(d -> d == Dimension.FACILITY ? "facility" : d.parameter)
                .toArray(String[]::new);
        List<Keyed<V>> keyed = new ArrayList<>(groups.size());
        for (Map.Entry<Map<String, Object>, V> group : groups) {
            Object[] keys = new Object[names.length];
            for (int i = 0; i < names.length; i++) {
                keys[i] = group.getKey().get(names[i]);
            }
            keyed.add(new Keyed<>(keys, group));
        }
        keyed.sort(GroupLabels::compare);
        for (int i = 0; i < keyed.size(); i++) {
            groups.set(i, keyed.get(i).group());
        }
    }

    private record Keyed<V>(Object[] keys, Map.Entry<Map<String, Object>, V> group) {
    }

    private static int compare(Keyed<?> a, Keyed<?> b) {
        for (int i = 0; i < a.keys().length; i++) {
            Object x = a.keys()[i];
            Object y = b.keys()[i];
            int order = x == null ? (y == null ? 0 : 1) : y == null ? -1 : compareKeys(x, y);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareKeys(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }
}
