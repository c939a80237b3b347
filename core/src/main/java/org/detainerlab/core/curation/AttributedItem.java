package org.detainerlab.core.curation;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import java.time.OffsetDateTime;

/** A curated item that names who created it and who changed it last, and when (case records, claims). */
@MappedSuperclass
public abstract class AttributedItem extends VersionedItem {

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    /** Marks a write by {@code actor} now; the first one is also the creation. */
    public void stamp(String actor) {
        updatedAt = OffsetDateTime.now();
        updatedBy = actor;
        if (createdAt == null) {
            createdAt = updatedAt;
            createdBy = actor;
        }
    }
}
