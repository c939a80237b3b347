package org.detainerlab.core.ruling;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

import org.detainerlab.core.curation.CuratedRepository;

@ApplicationScoped
public class RulingRepository implements CuratedRepository<Ruling> {

    @Override
    public Class<Ruling> entityType() {
        return Ruling.class;
    }

    /** Live rulings that affect one of these jurisdictions, directly or through a policy attached to one. */
    public List<Ruling> affecting(Collection<Long> jurisdictionIds) {
        return list("select distinct r from Ruling r left join r.jurisdictions j left join r.policies p"
                + " left join p.jurisdictions pj where r.deletedAt is null and (j.id in ?1 or pj.id in ?1)",
                jurisdictionIds);
    }

    /** Live rulings that reviewed {@code ruling}: its subsequent history. */
    public List<Ruling> reviewersOf(Ruling ruling) {
        return list("select distinct r from Ruling r join r.reviews v where v.reviewed = ?1 and r.deletedAt is null",
                ruling);
    }

    /** Live rulings, oldest decision first, so that an export lists a reviewed ruling before its reviewers. */
    public List<Ruling> live() {
        return list("deletedAt is null order by decidedOn, id");
    }
}
