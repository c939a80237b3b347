package org.detainerlab.core.claim;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.OffsetDateTime;

/**
 * One stored check result: on which release (id and sha256) or, for a check on the release series, which release
 * served which states and days (series), with which normalised statistics query, by which
 * application version and when, what was computed against what was claimed, and why the status is what it is.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClaimCheckView(long id, long claimId, long claimVersion, Release release,
                             @JsonRawValue String series, Provenance provenance,
                             ClaimStatus status, Double claimedValue, Double computedValue, Double difference,
                             String explanation, String checkedBy, OffsetDateTime checkedAt) {

    public record Release(long id, String sha256) {
    }

    public record Provenance(String query, String applicationVersion, OffsetDateTime computedAt) {
    }

    static ClaimCheckView of(ClaimCheck c) {
        return new ClaimCheckView(c.id, c.claimId, c.claimVersion,
                c.releaseId == null ? null : new Release(c.releaseId, c.releaseSha256), c.series,
                new Provenance(c.query, c.applicationVersion, c.computedAt), c.status, c.claimedValue,
                c.computedValue, c.difference, c.explanation, c.checkedBy, c.checkedAt);
    }
}
