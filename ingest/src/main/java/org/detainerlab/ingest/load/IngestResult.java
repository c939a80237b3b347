package org.detainerlab.ingest.load;

import java.time.LocalDate;

import org.detainerlab.ingest.report.ReleaseReport;

/**
 * The outcome of an ingest: the release, whether it had been loaded before (then nothing changed and the
 * counts are the existing release's), its counts and coverage, and the report of this run as written with the release
 * (null when it had been loaded before).
 */
public record IngestResult(long releaseId, boolean alreadyLoaded, String sha256, String profile, long rowsRead,
                           long rowsLoaded, long rowsRejected, long likelyDuplicates, LocalDate coverageFrom,
                           LocalDate coverageTo, ReleaseReport report) {
}
