package org.detainerlab.core.common;

/**
 * What a link or an annotation can point at. Each kind has a reference format (docs/data-dictionary.md) and is
 * checked by the {@link TargetResolver} of that kind.
 */
public enum TargetKind {
    /** A whole case record: its id. */
    CASE_RECORD,
    /** A passage of a case record's narrative: the case record's id, plus selectors kept by the annotation. */
    CASE_PASSAGE,
    /** One event of a case record: {@code <case id>/<event key>}. */
    CASE_EVENT,
    /** A published detainer row: {@code <release id>/<source sheet>/<source row>}. */
    DETAINER_ROW,
    /** A policy: its key, e.g. {@code ca-sb54-2017}. */
    POLICY,
    /** One event of a policy's timeline: {@code <policy key>/<event type>/<date>}, e.g. {@code ca-sb54-2017/EFFECTIVE/2018-01-01}. */
    POLICY_EVENT,
    /** A ruling: its key, e.g. {@code ca9-2019-united-states-v-california}. */
    RULING
}
