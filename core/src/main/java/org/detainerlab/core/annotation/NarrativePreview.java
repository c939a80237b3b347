package org.detainerlab.core.annotation;

import java.util.List;

/**
 * What saving a new narrative would do to the passage annotations of a case record, computed by the same rule
 * the save applies ({@link TextAnchor}) and written nowhere. Threads the caller may read are listed with their
 * quote; those they may not read are only counted, so that their existence is known but not their words.
 */
public record NarrativePreview(long caseRecordId, List<Passage> passages, Counts unreadable) {

    /** What happens to one passage annotation. */
    public enum Outcome {
        /** The quote is still at the same place. */
        STAYS,
        /** The quote is found elsewhere in the new narrative; the annotation moves to it. */
        MOVES,
        /** The quote is no longer in the narrative; the annotation is kept, flagged orphaned. */
        ORPHANED,
        /** An orphaned annotation whose quote is back in the narrative; it is anchored again. */
        REANCHORED,
        /** An orphaned annotation that stays orphaned. */
        STILL_ORPHANED
    }

    /** One thread's passage: where it is now and where it would be (null when orphaned). */
    public record Passage(long annotationId, String exact, String author, TextPositionSelector from,
                          TextPositionSelector to, Outcome outcome) {
    }

    /** Threads the caller may not read, by outcome. */
    public record Counts(int stays, int moves, int orphaned, int reanchored, int stillOrphaned) {
    }
}
