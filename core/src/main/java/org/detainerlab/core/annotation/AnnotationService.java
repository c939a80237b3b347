package org.detainerlab.core.annotation;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.detainerlab.core.caserecord.CaseNarrativeChanged;
import org.detainerlab.core.common.FieldError;
import org.detainerlab.core.common.InvalidQueryException;
import org.detainerlab.core.common.NotPermittedException;
import org.detainerlab.core.common.Page;
import org.detainerlab.core.common.ResourceNotFoundException;
import org.detainerlab.core.common.Revisions;
import org.detainerlab.core.common.TargetKind;
import org.detainerlab.core.common.Targets;
import org.detainerlab.core.common.ValidationFailedException;
import org.detainerlab.core.history.ChangeAction;
import org.detainerlab.core.history.ChangeHistory;
import org.detainerlab.core.history.ChangeView;
import org.detainerlab.core.security.Caller;

/**
 * Annotations and their threads. Reads go through the repository's visibility rule; an annotation the caller may
 * not see is "not found", never "forbidden", so its existence does not leak. Changes are recorded in the history.
 */
@ApplicationScoped
public class AnnotationService {

    public static final int MAX_PAGE = 500;
    private static final int CONTEXT = 32;

    private final AnnotationRepository annotations;
    private final Targets targets;
    private final ChangeHistory history;

    public AnnotationService(AnnotationRepository annotations, Targets targets, ChangeHistory history) {
        this.annotations = annotations;
        this.targets = targets;
        this.history = history;
    }

    @Transactional
    public AnnotationView get(Caller caller, long id) {
        return AnnotationView.of(visible(caller, id));
    }

    @Transactional
    public Page<AnnotationView> search(Caller caller, AnnotationQuery query, int page, int size) {
        if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
            throw new InvalidQueryException("from", "must not be after 'to'");
        }
        int pageSize = Math.min(Math.max(size, 1), MAX_PAGE);
        Page.requireReachable(page, pageSize);
        PanacheQuery<Annotation> found = annotations.search(caller, query);
        return new Page<>(found.page(page, pageSize).list().stream().map(AnnotationView::of).toList(), found.count(),
                page, pageSize);
    }

    /** The direct replies the caller can see, oldest first. */
    @Transactional
    public List<AnnotationView> replies(Caller caller, long id) {
        visible(caller, id);
        return annotations.search(caller, new AnnotationQuery(null, null, null, null, null, null, null, null, null, id))
                .list().stream().map(AnnotationView::of).toList();
    }

    @Transactional
    public List<ChangeView> history(Caller caller, long id) {
        visible(caller, id);
        return history.of(AnnotationView.KIND, id);
    }

    @Transactional
    public AnnotationView create(Caller caller, @Valid NewAnnotation input) {
        Annotation annotation = new Annotation();
        if (input.parentId() != null) {
            replyTo(caller, input, annotation);
        } else {
            target(input, annotation);
            audience(caller, input, annotation);
        }
        annotation.version = 1;
        annotation.body = input.body();
        annotation.tags.addAll(tags(input.tags()));
        annotation.author = caller.username();
        annotation.authorSubject = caller.subject();
        annotation.createdAt = OffsetDateTime.now();
        annotation.modifiedAt = annotation.createdAt;
        annotations.persistAndFlush(annotation);
        AnnotationView created = AnnotationView.of(annotation);
        history.record(AnnotationView.KIND, annotation.id, 1, ChangeAction.CREATE, caller.username(), null, null, created);
        return created;
    }

    /** Changes body and tags; only the author may, with the ETag they read. */
    @Transactional
    public AnnotationView edit(Caller caller, long id, String ifMatch, @Valid AnnotationEdit edit) {
        Annotation annotation = lockOwn(caller, id, ifMatch, "edit");
        AnnotationView before = AnnotationView.of(annotation);
        annotation.body = edit.body();
        annotation.tags.clear();
        annotation.tags.addAll(tags(edit.tags()));
        return changed(annotation, ChangeAction.UPDATE, caller.username(), null, before);
    }

    /** Deletes for everyone; only the author may. Replies under it stay, for whoever can see them. */
    @Transactional
    public void delete(Caller caller, long id, String ifMatch) {
        Annotation annotation = lockOwn(caller, id, ifMatch, "delete");
        AnnotationView before = AnnotationView.of(annotation);
        annotation.deletedAt = OffsetDateTime.now();
        annotation.version++;
        annotation.modifiedAt = annotation.deletedAt;
        history.record(AnnotationView.KIND, id, annotation.version, ChangeAction.DELETE, caller.username(), null,
                before, null);
    }

    /** Moderation (curators and admins): hidden from everyone but its author and moderators, with the reason kept. */
    @Transactional
    public AnnotationView hide(Caller caller, long id, String reason) {
        requireModerator(caller);
        if (reason == null || reason.isBlank()) {
            throw ValidationFailedException.of("reason", "must say why the annotation is hidden", reason);
        }
        Annotation annotation = annotations.lockVisible(caller, id)
                .orElseThrow(() -> new ResourceNotFoundException("annotation", id));
        AnnotationView before = AnnotationView.of(annotation);
        annotation.hiddenAt = OffsetDateTime.now();
        annotation.hiddenBy = caller.username();
        annotation.hiddenReason = reason.trim();
        return changed(annotation, ChangeAction.HIDE, caller.username(), annotation.hiddenReason, before);
    }

    @Transactional
    public AnnotationView restore(Caller caller, long id) {
        requireModerator(caller);
        Annotation annotation = annotations.lockVisible(caller, id)
                .orElseThrow(() -> new ResourceNotFoundException("annotation", id));
        if (annotation.hiddenAt == null) {
            return AnnotationView.of(annotation);
        }
        AnnotationView before = AnnotationView.of(annotation);
        annotation.hiddenAt = null;
        annotation.hiddenBy = null;
        annotation.hiddenReason = null;
        return changed(annotation, ChangeAction.RESTORE, caller.username(), null, before);
    }

    /**
     * Keeps passage annotations on a case record's narrative when it changes, in the curator's transaction: each
     * moves with its quote, or is flagged orphaned (and kept) when the quote is gone. An orphan whose quote comes
     * back is anchored again.
     */
    void reanchor(@Observes CaseNarrativeChanged change) {
        for (Annotation annotation : annotations.passagesOfCaseForUpdate(change.caseRecordId())) {
            TextQuoteSelector quote = new TextQuoteSelector(annotation.exact, annotation.prefix, annotation.suffix);
            TextPositionSelector previous = new TextPositionSelector(annotation.start, annotation.end);
            Optional<TextPositionSelector> found = change.narrative() == null ? Optional.empty()
                    : TextAnchor.locate(change.narrative(), quote, previous);
            boolean orphaned = found.isEmpty();
            if (orphaned == annotation.orphaned && (orphaned || found.get().equals(previous))) {
                continue;
            }
            AnnotationView before = AnnotationView.of(annotation);
            annotation.orphaned = orphaned;
            found.ifPresent(position -> {
                annotation.start = position.start();
                annotation.end = position.end();
            });
            annotation.version++;
            history.record(AnnotationView.KIND, annotation.id, annotation.version, ChangeAction.UPDATE, change.actor(),
                    orphaned ? "orphaned: the quoted passage is no longer in the case record's narrative"
                            : "re-anchored after the case record's narrative changed",
                    before, AnnotationView.of(annotation));
        }
    }

    private AnnotationView changed(Annotation annotation, ChangeAction action, String actor, String note,
                                   AnnotationView before) {
        annotation.version++;
        annotation.modifiedAt = OffsetDateTime.now();
        annotations.flush();
        AnnotationView after = AnnotationView.of(annotation);
        history.record(AnnotationView.KIND, annotation.id, annotation.version, action, actor, note, before, after);
        return after;
    }

    private Annotation visible(Caller caller, long id) {
        return annotations.findVisible(caller, id).orElseThrow(() -> new ResourceNotFoundException("annotation", id));
    }

    private Annotation lockOwn(Caller caller, long id, String ifMatch, String verb) {
        Annotation annotation = annotations.lockVisible(caller, id)
                .orElseThrow(() -> new ResourceNotFoundException("annotation", id));
        boolean own = annotation.authorSubject == null ? annotation.author.equals(caller.username())
                : annotation.authorSubject.equals(caller.subject());
        if (!own) {
            throw new NotPermittedException("Only the author of an annotation may " + verb + " it");
        }
        // An annotation from before subjects were recorded becomes its author's account's at their first change.
        annotation.authorSubject = caller.subject();
        Revisions.requireMatch(ifMatch, AnnotationView.KIND, id, annotation.version);
        return annotation;
    }

    private static void requireModerator(Caller caller) {
        if (!caller.moderator()) {
            throw new NotPermittedException("Only curators and admins moderate annotations");
        }
    }

    /** A reply joins its parent's thread: same target, visibility and team. */
    private void replyTo(Caller caller, NewAnnotation input, Annotation reply) {
        List<FieldError> errors = new ArrayList<>();
        if (input.target() != null) {
            errors.add(new FieldError("target", "must be absent on a reply (a reply has its thread's target)", null));
        }
        if (input.visibility() != null || input.team() != null) {
            errors.add(new FieldError("visibility", "must be absent on a reply (a reply has its thread's visibility)",
                    input.visibility()));
        }
        Optional<Annotation> parent = annotations.findVisible(caller, input.parentId());
        if (parent.isEmpty()) {
            errors.add(new FieldError("parentId", "is not an annotation you can see", input.parentId()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        Annotation p = parent.get();
        reply.parentId = p.id;
        reply.targetKind = p.targetKind;
        reply.targetRef = p.targetRef;
        reply.targetField = p.targetField;
        reply.exact = p.exact;
        reply.prefix = p.prefix;
        reply.suffix = p.suffix;
        reply.start = p.start;
        reply.end = p.end;
        reply.orphaned = p.orphaned;
        reply.visibility = p.visibility;
        reply.team = p.team;
    }

    private void target(NewAnnotation input, Annotation annotation) {
        NewAnnotation.TargetInput target = input.target();
        if (target == null) {
            throw ValidationFailedException.of("target", "is required (or parentId, for a reply)", null);
        }
        List<FieldError> errors = new ArrayList<>();
        String ref = target.ref().trim();
        targets.check(target.kind(), ref, "target.ref").ifPresent(errors::add);
        boolean passage = target.kind() == TargetKind.CASE_PASSAGE;
        if (passage && (target.quote() == null || target.position() == null)) {
            errors.add(new FieldError("target", "a case passage needs both quote (TextQuoteSelector) and position"
                    + " (TextPositionSelector)", null));
        }
        if (!passage && (target.quote() != null || target.position() != null)) {
            errors.add(new FieldError("target", "quote and position are only for CASE_PASSAGE targets", null));
        }
        if (target.field() != null && target.kind() != TargetKind.DETAINER_ROW) {
            errors.add(new FieldError("target.field", "is only for DETAINER_ROW targets", target.field()));
        }
        if (errors.isEmpty() && passage) {
            String text = targets.text(TargetKind.CASE_PASSAGE, ref).orElseThrow();
            TextPositionSelector position = target.position();
            if (position.end() <= position.start() || position.end() > text.length()) {
                errors.add(new FieldError("target.position", "must satisfy 0 <= start < end <= " + text.length()
                        + " (the narrative's length)", position));
            } else if (!text.substring(position.start(), position.end()).equals(target.quote().exact())) {
                errors.add(new FieldError("target.quote.exact", "is not the narrative's text at the given position",
                        target.quote().exact()));
            } else {
                TextQuoteSelector quote = TextAnchor.withContext(text, target.quote(), position, CONTEXT);
                annotation.exact = quote.exact();
                annotation.prefix = quote.prefix();
                annotation.suffix = quote.suffix();
                annotation.start = position.start();
                annotation.end = position.end();
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        annotation.targetKind = target.kind();
        annotation.targetRef = ref;
        annotation.targetField = target.field();
    }

    private static void audience(Caller caller, NewAnnotation input, Annotation annotation) {
        if (input.visibility() == null) {
            throw ValidationFailedException.of("visibility", "is required: PRIVATE, TEAM or RESEARCHERS", null);
        }
        String team = input.team() == null || input.team().isBlank() ? null : input.team().trim();
        if (input.visibility() == Visibility.TEAM && (team == null || !caller.teams().contains(team))) {
            throw ValidationFailedException.of("team", "must be one of your teams " + caller.teams()
                    + " for a TEAM annotation", input.team());
        }
        if (input.visibility() != Visibility.TEAM && team != null) {
            throw ValidationFailedException.of("team", "is only for TEAM annotations", input.team());
        }
        annotation.visibility = input.visibility();
        annotation.team = team;
    }

    private static List<String> tags(List<String> tags) {
        return tags == null ? List.of() : tags.stream().map(String::trim).distinct().toList();
    }
}
