package org.detainerlab.ingest.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DuplicateFinderTest {

    @Test
    void flagsOnlyRepeatsOfTheSameDateAndIdentifier() {
        DuplicateFinder finder = new DuplicateFinder();
        LocalDate day = LocalDate.of(2024, 1, 2);
        assertThat(finder.seenBefore(day, "a1")).isFalse();
        assertThat(finder.seenBefore(day, "a2")).isFalse();
        assertThat(finder.seenBefore(day.plusDays(1), "a1")).isFalse();
        assertThat(finder.seenBefore(day, "a1")).isTrue();
        assertThat(finder.seenBefore(day, "a1")).isTrue();
    }

    @Test
    void keepsEveryPairAcrossGrowth() {
        DuplicateFinder finder = new DuplicateFinder();
        LocalDate day = LocalDate.of(2025, 5, 1);
        for (int i = 0; i < 200_000; i++) {
            assertThat(finder.seenBefore(day.plusDays(i % 365), "id-" + i)).isFalse();
        }
        for (int i = 0; i < 200_000; i += 997) {
            assertThat(finder.seenBefore(day.plusDays(i % 365), "id-" + i)).isTrue();
        }
    }
}
