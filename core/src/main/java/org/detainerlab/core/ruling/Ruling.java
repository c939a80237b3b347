package org.detainerlab.core.ruling;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.detainerlab.core.curation.DatePrecision;
import org.detainerlab.core.curation.CuratedItem;
import org.detainerlab.core.jurisdiction.Jurisdiction;
import org.detainerlab.core.policy.Policy;

@Entity
@Table(name = "ruling")
public class Ruling extends CuratedItem {

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
