package org.detainerlab.core.annotation;

/** Who may read an annotation (besides admins for TEAM ones, see docs/security.md). */
public enum Visibility {
    /** Only its author. */
    PRIVATE,
    /** The members of one team, named by the annotation. */
    TEAM,
    /** Every logged-in researcher. */
    RESEARCHERS
}
