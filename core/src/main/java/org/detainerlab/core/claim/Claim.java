package org.detainerlab.core.claim;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.detainerlab.core.curation.AttributedItem;

/**
 * A published claim as its source states it, with the query that checks it ({@link ClaimQuery} as JSON) or the
 * reason no query over the data can.
 */
@Entity
@Table(name = "claim")
public class Claim extends AttributedItem {

    @Column(nullable = false)
    public String text;

    @Column(nullable = false)
    public String publisher;

    @Column(name = "source_title")
    public String sourceTitle;

    /** As precise as the source is: {@code 2019}, {@code 2019-07} or {@code 2019-07-17}. */
    public String published;

    public String url;

    public String quoted;

    @Column(name = "claimed_value")
    public Double claimedValue;

    public String query;

    @Column(name = "not_checkable_reason")
    public String notCheckableReason;

    @Column(nullable = false)
    public boolean verified;
}
