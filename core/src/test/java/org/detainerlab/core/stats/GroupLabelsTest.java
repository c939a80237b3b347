package org.detainerlab.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * An answer lists its groups in key order, dimension by dimension (a facility by the name it shows), with an
 * unstated key after every stated one of its dimension.
 */
class GroupLabelsTest {

    private static Map.Entry<Map<String, Object>, Long> group(String facility, String month, String outcome) {
        Map<String, Object> keys = new HashMap<>();
        keys.put("facility", facility);
        keys.put("facilityId", 7L);
        keys.put("month", month);
        keys.put("outcome", outcome);
        return Map.entry(keys, 1L);
    }

    @Test
    void groupsComeInKeyOrderDimensionByDimensionWithUnstatedKeysLast() {
        List<Map.Entry<Map<String, Object>, Long>> expected = List.of(
                group("ADAMS COUNTY JAIL", "2016-01", "DECLINED"),
                group("ADAMS COUNTY JAIL", "2016-01", null),
                group("ADAMS COUNTY JAIL", "2016-02", "DECLINED"),
                group("ADAMS COUNTY JAIL", "2016-02", "ICE_CUSTODY"),
                group("ADAMS COUNTY JAIL", null, "DECLINED"),
                group("Adams County Jail", "2015-12", "LIFTED"),
                group("BAKER COUNTY JAIL", "2015-12", "DECLINED"),
                group(null, "2015-01", "DECLINED"),
                group(null, null, null));
        for (long seed = 1; seed <= 20; seed++) {
            for (int packedBits : new int[] {63, 0}) {
                List<Map.Entry<Map<String, Object>, Long>> groups = new ArrayList<>(expected);
                Collections.shuffle(groups, new Random(seed));
                GroupLabels.sort(groups, List.of(Dimension.FACILITY, Dimension.MONTH, Dimension.OUTCOME), packedBits);
                assertThat(groups).as("shuffled with seed " + seed + ", ranks packed in at most " + packedBits + " bits")
                        .containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void anEmptyAnswerAndASingleGroupStayAsTheyAre() {
        List<Map.Entry<Map<String, Object>, Long>> none = new ArrayList<>();
        GroupLabels.sort(none, List.of(Dimension.FACILITY));
        assertThat(none).isEmpty();
        List<Map.Entry<Map<String, Object>, Long>> one = new ArrayList<>(List.of(group(null, null, null)));
        GroupLabels.sort(one, List.of(Dimension.FACILITY, Dimension.MONTH));
        assertThat(one).containsExactly(group(null, null, null));
    }

    @Test
    void theOrderFollowsTheDimensionsAsAsked() {
        List<Map.Entry<Map<String, Object>, Long>> groups = new ArrayList<>(List.of(
                group("A", "2016-02", "DECLINED"), group("B", "2016-01", "DECLINED"), group("A", "2016-01", null)));
        List<Map.Entry<Map<String, Object>, Long>> unpacked = new ArrayList<>(groups);
        GroupLabels.sort(groups, List.of(Dimension.MONTH, Dimension.FACILITY));
        GroupLabels.sort(unpacked, List.of(Dimension.MONTH, Dimension.FACILITY), 0);
        assertThat(groups).containsExactly(group("A", "2016-01", null), group("B", "2016-01", "DECLINED"),
                group("A", "2016-02", "DECLINED"));
        assertThat(unpacked).isEqualTo(groups);
    }
}
