package org.detainerlab.core.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.detainerlab.core.stats.ColumnarCopy;

@ApplicationScoped
public class SystemStatusService {

    private final EntityManager em;
    private final ColumnarCopy columns;

    public SystemStatusService(EntityManager em, ColumnarCopy columns) {
        this.em = em;
        this.columns = columns;
    }

    @Transactional
    public SystemStatus status() {
        Object[] schema = (Object[]) em.createNativeQuery(
                "select count(*), (select id from databasechangelog order by orderexecuted desc limit 1)"
                        + " from databasechangelog").getSingleResult();
        return new SystemStatus(
                (String) em.createNativeQuery("select version()").getSingleResult(),
                ((Number) schema[0]).intValue(),
                (String) schema[1],
                count("jurisdiction"), count("facility"), count("data_release"), count("detainer"),
                ((Number) em.createNativeQuery("select value from data_generation where id = 1").getSingleResult())
                        .longValue(),
                columns.generation().orElse(null));
    }

    private long count(String table) {
        return ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue();
    }
}
