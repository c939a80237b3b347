package org.detainerlab.core.policy;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PolicyRepository implements PanacheRepository<Policy> {

    /**
     * The id of the policy a path names by id or key, deleted ones included. Only the id is read, so that the
     * caller's locked load that follows reads the row fresh.
     */
    public Optional<Long> idOf(String ref) {
        if (ref.chars().allMatch(Character::isDigit) && ref.length() < 19) {
            return getEntityManager().createQuery("select p.id from Policy p where p.id = :id", Long.class)
                    .setParameter("id", Long.parseLong(ref)).getResultStream().findFirst();
        }
        return getEntityManager().createQuery("select p.id from Policy p where p.key = :key", Long.class)
                .setParameter("key", ref).getResultStream().findFirst();
    }

    public Optional<Policy> findLiveByKey(String key) {
        return find("key = ?1 and deletedAt is null", key).firstResultOptional();
    }

    /** Live policies attached to any of these jurisdictions. */
    public List<Policy> ofJurisdictions(Collection<Long> jurisdictionIds) {
        return list("select distinct p from Policy p join p.jurisdictions j where j.id in ?1 and p.deletedAt is null",
                jurisdictionIds);
    }

    public List<Policy> live() {
        return list("deletedAt is null order by key");
    }
}
