package org.detainerlab.core.claim;

import java.time.OffsetDateTime;

import org.detainerlab.core.curation.CuratedView;

/** A claim as the API shows it. */
public record ClaimView(long id, long version, String text, ClaimInput.Source source, Double claimedValue,
                        ClaimQuery query, String notCheckableReason, boolean verified,
                        OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, String updatedBy)
        implements CuratedView {

    public static final String KIND = "claim";
}
