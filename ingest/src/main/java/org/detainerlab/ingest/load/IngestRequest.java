package org.detainerlab.ingest.load;

import org.detainerlab.ingest.map.Profile;
import org.detainerlab.ingest.report.Thresholds;

/**
 * What to ingest and how: the source's metadata, the profile to use (null to detect it among the built-in ones),
 * the rejection thresholds, and who asked.
 */
public record IngestRequest(SourceMetadata metadata, Profile profile, Thresholds thresholds, String requestedBy) {
}
