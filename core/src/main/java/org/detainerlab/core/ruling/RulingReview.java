package org.detainerlab.core.ruling;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** This ruling {@code relation} the {@code reviewed} one (e.g. AFFIRMED the district court's order). */
@Embeddable
public class RulingReview {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReviewRelation relation;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "reviewed_ruling_id")
    public Ruling reviewed;
}
