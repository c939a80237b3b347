package org.detainerlab.core.job;

import java.time.OffsetDateTime;

/** An ingest job's state and progress; {@code releaseId} is set once it succeeded. */
public record JobView(long id, JobStatus status, String fileName, long fileSize, String createdBy,
                      OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt, String phase,
                      long rowsRead, Long releaseId, boolean alreadyLoaded, String message) {

    static JobView of(IngestJob j) {
        return new JobView(j.id, j.status, j.fileName, j.fileSize, j.createdBy, j.createdAt, j.startedAt, j.finishedAt,
                j.phase, j.rowsRead, j.releaseId, j.alreadyLoaded, j.message);
    }
}
