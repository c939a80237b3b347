package org.detainerlab.core.detainer;

import java.time.OffsetDateTime;
import java.util.List;


/**
 * What an answer was computed from and how: the releases (with their fingerprints and coverage), the normalised
 * query that reproduces it, which table answered (the monthly rollup or the detainer rows), the application
 * version, when it was computed, the data generation it reflects, and notes a reader needs (e.g. overlapping
 * releases).
 */
public record Provenance(List<ReleaseRef> releases, String query, String source, String applicationVersion,
                         OffsetDateTime computedAt, long dataGeneration, List<String> notes) {
}
