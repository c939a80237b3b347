package org.detainerlab.core.detainer;

/**
 * What became of a detainer, derived from ICE's lift reason. {@link #UNKNOWN} is a blank lift reason: the
 * person may still be in criminal custody, may have been released, or the record was not updated. It does
 * not mean the detainer was honoured.
 */
public enum Outcome {
    /** The law-enforcement agency declined the detainer ({@code Detainer Declined by LEA}). */
    DECLINED,
    /** ICE took the person into custody ({@code Booked into Detention}). */
    ICE_CUSTODY,
    /** ICE lifted the detainer (lifted, prosecutorial discretion, not amenable to removal, citizen, ...). */
    LIFTED,
    /** Closed for another recorded reason (case closed, transferred, died, ...). */
    OTHER_CLOSED,
    /** No lift reason recorded. */
    UNKNOWN
}
