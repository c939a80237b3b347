package org.detainerlab.core.caserecord;

/**
 * Fired synchronously, inside the transaction that changed a case record's narrative, so that what points into
 * the narrative follows it in the same transaction. {@code narrative} is null when the record was deleted.
 */
public record CaseNarrativeChanged(long caseRecordId, String narrative, String actor) {
}
