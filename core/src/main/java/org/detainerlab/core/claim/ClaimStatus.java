package org.detainerlab.core.claim;

/** What the data say about a claim on one release. */
public enum ClaimStatus {
    /** The computed value is within the claim's tolerance of the claimed value. */
    SUPPORTED,
    /** The computed value differs from the claimed value by more than the tolerance. */
    CONTRADICTED,
    /** The release covers only part of the claim's period or place; the coverage is stated. */
    PARTIAL_COVERAGE,
    /** The data hold no such measure (the claim has no query); the reason is stated. */
    NOT_CHECKABLE
}
