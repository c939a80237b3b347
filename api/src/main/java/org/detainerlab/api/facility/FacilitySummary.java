package org.detainerlab.api.facility;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;

import org.detainerlab.core.detainer.DetainerCounts.NameSeen;
import org.detainerlab.core.facility.FacilityView;

/** A curated facility with its detainer count and the spellings of it seen in the data, with their counts. */
public record FacilitySummary(@JsonUnwrapped FacilityView facility, long detainers, List<NameSeen> seenAs) {
}
