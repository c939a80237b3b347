package org.detainerlab.core.annotation;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.TreeSet;

import org.detainerlab.core.common.TargetKind;

/** One annotation or reply. A reply carries its thread's target, visibility and team. */
@Entity
@Table(name = "annotation")
public class Annotation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public long version;

    @Column(name = "parent_id")
    public Long parentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_kind", nullable = false)
    public TargetKind targetKind;
    @Column(name = "target_ref", nullable = false)
    public String targetRef;
    @Column(name = "target_field")
    public String targetField;

    @Column(name = "quote_exact")
    public String exact;
    @Column(name = "quote_prefix")
    public String prefix;
    @Column(name = "quote_suffix")
    public String suffix;
    @Column(name = "pos_start")
    public Integer start;
    @Column(name = "pos_end")
    public Integer end;
    /** The quoted passage is no longer in the narrative; the annotation is kept and shown with its quote. */
    @Column(nullable = false)
    public boolean orphaned;

    @Column(nullable = false)
    public String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Visibility visibility;
    public String team;

    /** The username shown; it was the author's when they wrote the annotation. */
    @Column(nullable = false)
    public String author;
    /** Whose annotation it is: the author's token subject (null on annotations older than subjects, see 0100). */
    @Column(name = "author_subject")
    public String authorSubject;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "modified_at", nullable = false)
    public OffsetDateTime modifiedAt;

    @Column(name = "hidden_at")
    public OffsetDateTime hiddenAt;
    @Column(name = "hidden_by")
    public String hiddenBy;
    @Column(name = "hidden_reason")
    public String hiddenReason;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "annotation_tag", joinColumns = @JoinColumn(name = "annotation_id"))
    @Column(name = "tag")
    public Set<String> tags = new TreeSet<>();
}
