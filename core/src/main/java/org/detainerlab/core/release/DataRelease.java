package org.detainerlab.core.release;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One ingested source file with its source metadata, fingerprint, coverage and load counts. */
@Entity
@Table(name = "data_release")
public class DataRelease {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String title;
    public String publisher;
    @Column(name = "foia_number")
    public String foiaNumber;
    @Column(name = "source_url")
    public String sourceUrl;
    public String licence;
    @Column(name = "retrieved_on")
    public LocalDate retrievedOn;

    @Column(name = "file_name", nullable = false)
    public String fileName;
    @Column(name = "file_size", nullable = false)
    public long fileSize;
    @Column(nullable = false, columnDefinition = "char(64)")
    public String sha256;

    @Column(name = "coverage_from")
    public LocalDate coverageFrom;
    @Column(name = "coverage_to")
    public LocalDate coverageTo;

    @Column(name = "rows_read")
    public long rowsRead;
    @Column(name = "rows_loaded")
    public long rowsLoaded;
    @Column(name = "rows_rejected")
    public long rowsRejected;
    @Column(name = "likely_duplicates")
    public long likelyDuplicates;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReleaseStatus status;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;

    public String profile;

    /** What the release holds: {@code DETAINERS}, {@code AGREEMENTS_287G} or {@code AREAS_OF_RESPONSIBILITY}. */
    @Column(nullable = false, insertable = false, updatable = false)
    public String kind;

    /** The validation report as JSON text (rules, counts, first examples, unresolved names). */
    @Column(columnDefinition = "jsonb", insertable = false, updatable = false)
    public String report;

    /** Moves with every admin edit; the ETag of the release (If-Match). */
    @Column(nullable = false)
    public long version;

    /** The states the release covers; null when it is national. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "scope_state_ids", columnDefinition = "bigint[]")
    public Long[] scopeStateIds;

    @Column(name = "published_on")
    public LocalDate publishedOn;

    /** Higher wins in the release series; ties go to the most recently published, then loaded. */
    @Column(nullable = false)
    public int precedence;

    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;
    @Column(name = "withdrawn_by")
    public String withdrawnBy;
    @Column(name = "withdrawn_reason")
    public String withdrawnReason;

    /** The table that holds one release's detainer rows: a partition of {@code detainer}. */
    public static String partitionTable(long releaseId) {
        return "detainer_r" + releaseId;
    }

    /** The table that holds one release's rollup groups: a partition of {@code detainer_rollup}. */
    public static String rollupPartitionTable(long releaseId) {
        return "detainer_rollup_r" + releaseId;
    }
}
