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

/** One check of one claim on one release (no release when none covers any of the claim's period). */
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
