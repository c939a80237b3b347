package org.detainerlab.core.jurisdiction;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JurisdictionRepository implements PanacheRepository<Jurisdiction> {

    public Optional<Jurisdiction> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /**
     * (office, state id, county id, whether the row names a county) of the latest loaded list of ICE areas of
     * responsibility; a named county that did not resolve has a null county id.
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> areasOfResponsibility() {
        return getEntityManager().createNativeQuery("select office, state_id, county_id, county_raw is not null"
                + " from ice_area_of_responsibility"
                + " where release_id = (select max(id) from data_release where kind = 'AREAS_OF_RESPONSIBILITY'"
                + " and status = 'LOADED')").getResultList();
    }

    /** Jurisdictions whose kind is one of {@code kinds} (all when empty) and whose name or code contains {@code q}. */
    public List<Jurisdiction> search(List<JurisdictionKind> kinds, String q) {
        String pattern = q == null ? "%" : "%" + q.trim().toUpperCase() + "%";
        String query = "(upper(j.name) like :q or upper(j.code) like :q)"
                + (kinds.isEmpty() ? "" : " and j.kind in :kinds") + " order by j.kind, j.name";
        Parameters parameters = Parameters.with("q", pattern);
        if (!kinds.isEmpty()) {
            parameters.and("kinds", kinds);
        }
        return find("select j from Jurisdiction j left join fetch j.parent where " + query, parameters).list();
    }
}
