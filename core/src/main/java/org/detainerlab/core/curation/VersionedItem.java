package org.detainerlab.core.curation;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** What every curated entity has for {@link CuratedItems}: an id, and the version its ETag names. */
@MappedSuperclass
public abstract class VersionedItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public long version;
}
