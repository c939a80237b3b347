package org.detainerlab.core.policy;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

import org.detainerlab.core.curation.CuratedRepository;

@ApplicationScoped
public class PolicyRepository implements CuratedRepository<Policy> {

    @Override
    public Class<Policy> entityType() {
        return Policy.class;
    }

    /** Live policies attached to any of these jurisdictions. */
    public List<Policy> ofJurisdictions(Collection<Long> jurisdictionIds) {
        return list("select distinct p from Policy p join p.jurisdictions j where j.id in ?1 and p.deletedAt is null",
                jurisdictionIds);
    }

    /** Live policies with this provision. */
    public List<Policy> withProvision(Provision provision) {
        return list("select distinct p from Policy p join p.provisions v where v.provision = ?1 and p.deletedAt is null"
                + " order by p.key", provision);
    }

    public List<Policy> live() {
        return list("deletedAt is null order by key");
    }
}
