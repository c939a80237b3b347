package org.detainerlab.core.place;

/**
 * A curator's decision on one place: ACCEPT the proposal (or the county given), or REJECT it (no county). A county
 * given with ACCEPT that differs from the proposal is a correction, recorded as method CURATED. {@code facilityId}
 * links the spelling to a curated facility; without it an accepted spelling becomes a facility of its own.
 */
public record PlaceDecision(String action, String countyCode, Long facilityId, String note) {
}
