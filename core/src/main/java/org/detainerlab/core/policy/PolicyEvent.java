package org.detainerlab.core.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.LocalDate;

import org.detainerlab.core.curation.DatePrecision;
import org.detainerlab.core.curation.Verification;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "policy_event")
public class PolicyEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "policy_id")
    public Policy policy;
    @Column(nullable = false)
    public int position;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PolicyEventType type;
    @Column(name = "occurred_on", nullable = false)
    public LocalDate date;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DatePrecision precision;
    public String note;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String sources;
    @Embedded
    public Verification verification = new Verification();
}
