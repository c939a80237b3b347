package org.detainerlab.core.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** An ingest of one uploaded file, shared by all application instances through the database. */
@Entity
@Table(name = "ingest_job")
public class IngestJob {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JobStatus status;

    @Column(name = "file_name", nullable = false)
    public String fileName;
    @Column(name = "file_size", nullable = false)
    public long fileSize;

    /** The request's options (source metadata, profile or mapping, thresholds) as JSON text. */
    @Column(columnDefinition = "jsonb", nullable = false)
    @org.hibernate.annotations.ColumnTransformer(write = "?::jsonb")
    public String options;

    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
    @Column(name = "started_at")
    public OffsetDateTime startedAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
    @Column(name = "heartbeat_at")
    public OffsetDateTime heartbeatAt;
    public String worker;
    public String phase;
    @Column(name = "rows_read")
    public long rowsRead;
    @Column(name = "release_id")
    public Long releaseId;
    @Column(name = "already_loaded")
    public boolean alreadyLoaded;
    public String message;
}
