package org.detainerlab.core.policy;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.detainerlab.core.curation.CuratedItem;
import org.detainerlab.core.jurisdiction.Jurisdiction;

@Entity
@Table(name = "policy")
public class Policy extends CuratedItem {

    @Column(nullable = false)
    public String title;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PolicyKind kind;
    public String summary;

    @ManyToMany
    @JoinTable(name = "policy_jurisdiction", joinColumns = @JoinColumn(name = "policy_id"),
            inverseJoinColumns = @JoinColumn(name = "jurisdiction_id"))
    public Set<Jurisdiction> jurisdictions = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "policy_provision", joinColumns = @JoinColumn(name = "policy_id"))
    @OrderBy("provision")
    public List<PolicyProvision> provisions = new ArrayList<>();

    @OneToMany(mappedBy = "policy", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<PolicyEvent> events = new ArrayList<>();
}
