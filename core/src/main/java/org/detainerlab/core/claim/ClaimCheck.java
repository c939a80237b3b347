package org.detainerlab.core.claim;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

import org.hibernate.annotations.ColumnTransformer;

/**
 * One check of one claim on one release, or on the release series (no release; the parts it read in series).
 */
@Entity
@Table(name = "claim_check")
public class ClaimCheck {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "claim_id", nullable = false)
    public long claimId;

    @Column(name = "claim_version", nullable = false)
    public long claimVersion;

    @Column(name = "release_id")
    public Long releaseId;

    @Column(name = "release_sha256")
    public String releaseSha256;

    public String query;

    /** The series parts the check read (JSON), when it read the series rather than one release. */
    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(columnDefinition = "jsonb")
    public String series;

    @Column(name = "application_version", nullable = false)
    public String applicationVersion;

    @Column(name = "computed_at", nullable = false)
    public OffsetDateTime computedAt;

    @Column(name = "computed_value")
    public Double computedValue;

    @Column(name = "claimed_value")
    public Double claimedValue;

    public Double difference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClaimStatus status;

    @Column(nullable = false)
    public String explanation;

    @Column(name = "checked_by", nullable = false)
    public String checkedBy;

    /** When the check ran; {@link #computedAt} may be earlier, when the statistics came from the cache. */
    @Column(name = "checked_at", nullable = false)
    public OffsetDateTime checkedAt;
}
