package org.detainerlab.core.release;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A data release as researchers see it: source, fingerprint, coverage and counts. */
public record ReleaseView(long id, String kind, String title, String publisher, String foiaNumber, String sourceUrl, String licence,
                          LocalDate retrievedOn, String fileName, long fileSize, String sha256, String profile,
                          LocalDate coverageFrom, LocalDate coverageTo, long rowsRead, long rowsLoaded, long rowsRejected,
                          long likelyDuplicates, ReleaseStatus status, OffsetDateTime createdAt, String createdBy) {

    static ReleaseView of(DataRelease r) {
        return new ReleaseView(r.id, r.kind, r.title, r.publisher, r.foiaNumber, r.sourceUrl, r.licence, r.retrievedOn,
                r.fileName, r.fileSize, r.sha256, r.profile, r.coverageFrom, r.coverageTo, r.rowsRead, r.rowsLoaded,
                r.rowsRejected, r.likelyDuplicates, r.status, r.createdAt, r.createdBy);
    }
}
