package org.detainerlab.core.facility;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class FacilityRepository implements PanacheRepository<Facility> {

    public Optional<Facility> findByIceCode(String iceCode) {
        return find("iceCode", iceCode).firstResultOptional();
    }

    /** The facility that has {@code alias} (already a match key) among its aliases. */
    public Optional<Facility> findByAlias(String alias) {
        return find("select f from Facility f join f.aliases a where a = ?1", alias).firstResultOptional();
    }

    /** Facilities whose name, code or an alias contains {@code q} (all when blank), optionally in one state. */
    public List<Facility> search(String q, Long stateId, int limit) {
        String pattern = "%" + (q == null ? "" : Facility.matchKey(q)) + "%";
        String where = "(upper(f.name) like :q or upper(coalesce(f.iceCode, '')) like :q"
                + " or exists (select 1 from Facility g join g.aliases a where g = f and a like :q))"
                + (stateId == null ? "" : " and f.state.id = :state");
        Parameters parameters = Parameters.with("q", pattern);
        if (stateId != null) {
            parameters.and("state", stateId);
        }
        return find("from Facility f where " + where, Sort.by("name").and("id"), parameters).page(0, limit).list();
    }
}
