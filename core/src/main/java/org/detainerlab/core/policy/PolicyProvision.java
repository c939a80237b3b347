package org.detainerlab.core.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.detainerlab.core.curation.Verification;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One provision of a policy, with the sources that state it and their verification. */
@Embeddable
public class PolicyProvision {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Provision provision;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String sources;
    @Embedded
    public Verification verification = new Verification();
}
