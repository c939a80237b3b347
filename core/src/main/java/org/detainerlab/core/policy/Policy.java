package org.detainerlab.core.policy;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.detainerlab.core.curation.Verification;
import org.detainerlab.core.jurisdiction.Jurisdiction;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "policy")
public class Policy {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String key;
    @Column(nullable = false)
    public String title;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PolicyKind kind;
    public String summary;
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
    @JoinTable(name = "policy_jurisdiction", joinColumns = @JoinColumn(name = "policy_id"),
            inverseJoinColumns = @JoinColumn(name = "jurisdiction_id"))
    public Set<Jurisdiction> jurisdictions = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "policy_provision", joinColumns = @JoinColumn(name = "policy_id"))
    @Column(name = "provision")
    @Enumerated(EnumType.STRING)
    public Set<Provision> provisions = new HashSet<>();

    @OneToMany(mappedBy = "policy", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<PolicyEvent> events = new ArrayList<>();
}
