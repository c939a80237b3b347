package org.detainerlab.core.claim;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import org.detainerlab.core.common.Page;
import org.detainerlab.core.curation.ItemRepository;

@ApplicationScoped
public class ClaimRepository implements ItemRepository<Claim> {

    @Override
    public Class<Claim> entityType() {
        return Claim.class;
    }

    /** Claims whose text or publisher holds {@code q} (case-insensitive), newest first. */
    public Page<Claim> search(String q, int page, int size) {
        Page.requireReachable(page, size);
        var found = q == null || q.isBlank() ? findAll(Sort.descending("id"))
                : find("lower(text) like ?1 or lower(publisher) like ?1", Sort.descending("id"),
                        "%" + q.trim().toLowerCase() + "%");
        return new Page<>(found.page(page, size).list(), found.count(), page, size);
    }
}
