package org.detainerlab.core.curation;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.MappedSuperclass;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What every keyed curated item (policy, ruling) has: a readable unique key, sources (a JSON list), verification,
 * and the time it was deleted (its row stays, so that its history stays readable).
 */
@MappedSuperclass
public abstract class CuratedItem extends VersionedItem {

    @Column(nullable = false, unique = true)
    public String key;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String sources;
    @Embedded
    public Verification verification = new Verification();
    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    public void markDeleted() {
        deletedAt = OffsetDateTime.now(ZoneOffset.UTC);
        version++;
    }
}
