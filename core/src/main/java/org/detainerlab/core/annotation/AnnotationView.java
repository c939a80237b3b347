package org.detainerlab.core.annotation;

import java.time.OffsetDateTime;
import java.util.List;

import org.detainerlab.core.common.TargetKind;

/**
 * An annotation as the API shows it: the Markdown {@code body} as written and {@code bodyHtml} rendered safe for a
 * browser. {@code hidden} is present only on a hidden annotation, which only its author and moderators can read.
 */
public record AnnotationView(long id, long version, Long parentId, Target target, String body, String bodyHtml,
                             List<String> tags, Visibility visibility, String team, String author,
                             OffsetDateTime created, OffsetDateTime modified, Hidden hidden) {

    public static final String KIND = "annotation";

    /** What the annotation is about; {@code quote} and {@code position} only for a case passage. */
    public record Target(TargetKind kind, String ref, String field, TextQuoteSelector quote,
                         TextPositionSelector position, boolean orphaned) {
    }

    public record Hidden(String reason, String by, OffsetDateTime at) {
    }

    static AnnotationView of(Annotation a) {
        TextQuoteSelector quote = a.exact == null ? null : new TextQuoteSelector(a.exact, a.prefix, a.suffix);
        TextPositionSelector position = a.start == null ? null : new TextPositionSelector(a.start, a.end);
        return new AnnotationView(a.id, a.version, a.parentId,
                new Target(a.targetKind, a.targetRef, a.targetField, quote, position, a.orphaned),
                a.body, Markdown.toSafeHtml(a.body), List.copyOf(a.tags), a.visibility, a.team, a.author,
                a.createdAt, a.modifiedAt,
                a.hiddenAt == null ? null : new Hidden(a.hiddenReason, a.hiddenBy, a.hiddenAt));
    }
}
