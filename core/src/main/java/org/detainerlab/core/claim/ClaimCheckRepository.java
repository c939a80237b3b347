package org.detainerlab.core.claim;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class ClaimCheckRepository implements PanacheRepository<ClaimCheck> {

    /** Oldest first. */
    public List<ClaimCheck> forClaim(long claimId) {
        return list("claimId", Sort.ascending("id"), claimId);
    }
}
