package org.detainerlab.core.annotation;

import java.time.LocalDate;

import org.detainerlab.core.common.TargetKind;

/** Search criteria; each null one is not applied. Dates are inclusive days of creation (UTC). */
public record AnnotationQuery(TargetKind targetKind, String target, String tag, String q, String author, String team,
                              LocalDate from, LocalDate to, Boolean orphaned, Long parentId) {
}
