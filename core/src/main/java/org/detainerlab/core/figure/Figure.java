package org.detainerlab.core.figure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.hibernate.annotations.ColumnTransformer;

/**
 * A saved statistics answer: its normalised query (releases pinned), the releases it used and the values it gave,
 * kept as JSON, and the releases loaded at the time, so that later releases can be told apart.
 */
@Entity
@Table(name = "figure")
public class Figure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String title;

    @Column(nullable = false)
    public String query;

    @Column(nullable = false)
    public String releases;

    /** Comma-separated ids. */
    @Column(name = "known_release_ids", nullable = false)
    public String knownReleaseIds;

    @Column(name = "period_from")
    public LocalDate periodFrom;

    @Column(name = "period_to")
    public LocalDate periodTo;

    @Column(nullable = false)
    public String answer;

    /** The series parts the figure read (JSON), when its query names no release. */
    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(columnDefinition = "jsonb")
    public String series;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
