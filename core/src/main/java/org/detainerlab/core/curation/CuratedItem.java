package org.detainerlab.core.curation;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What every curated item (policy, ruling) has: a readable unique key, sources (a JSON list), verification, the
 * version its ETag names, and the time it was deleted (its row stays, so that its history stays readable).
 */
@MappedSuperclass
public abstract class CuratedItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String key;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String sources;
    @Embedded
    public Verification verification = new Verification();
    @Column(nullable = false)
    public long version;
    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    public void markDeleted() {
        deletedAt = OffsetDateTime.now(ZoneOffset.UTC);
        version++;
    }
}
