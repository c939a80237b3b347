package org.detainerlab.core.ruling;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.detainerlab.core.curation.DatePrecision;
import org.detainerlab.core.curation.Verification;
import org.detainerlab.core.jurisdiction.Jurisdiction;
import org.detainerlab.core.policy.Policy;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "ruling")
public class Ruling {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String key;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Court court;
    @Column(name = "case_name", nullable = false)
    public String caseName;
    public String docket;
    public String citation;
    @Column(name = "decided_on", nullable = false)
    public LocalDate decidedOn;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DatePrecision precision;
    public String disposition;
    public String holding;
    public String note;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String sources;
    @Embedded
    public Verification verification = new Verification();
    @Column(nullable = false)
    public long version;
    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    @ManyToMany
    @JoinTable(name = "ruling_policy", joinColumns = @JoinColumn(name = "ruling_id"),
            inverseJoinColumns = @JoinColumn(name = "policy_id"))
    public Set<Policy> policies = new LinkedHashSet<>();

    @ManyToMany
    @JoinTable(name = "ruling_jurisdiction", joinColumns = @JoinColumn(name = "ruling_id"),
            inverseJoinColumns = @JoinColumn(name = "jurisdiction_id"))
    public Set<Jurisdiction> jurisdictions = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "ruling_review", joinColumns = @JoinColumn(name = "ruling_id"))
    public List<RulingReview> reviews = new ArrayList<>();
}
