package org.detainerlab.core.ruling;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class RulingRepository implements PanacheRepository<Ruling> {

    /** The id of the ruling a path names by id or key, deleted ones included; only the id is read. */
    public Optional<Long> idOf(String ref) {
        if (ref.chars().allMatch(Character::isDigit) && ref.length() < 19) {
            return getEntityManager().createQuery("select r.id from Ruling r where r.id = :id", Long.class)
                    .setParameter("id", Long.parseLong(ref)).getResultStream().findFirst();
        }
        return getEntityManager().createQuery("select r.id from Ruling r where r.key = :key", Long.class)
                .setParameter("key", ref).getResultStream().findFirst();
    }

    public Optional<Ruling> findLiveByKey(String key) {
        return find("key = ?1 and deletedAt is null", key).firstResultOptional();
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
