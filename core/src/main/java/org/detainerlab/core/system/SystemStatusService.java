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
                count("jurisdiction"), count("facility"), count("data_release"), detainers(),
                ((Number) em.createNativeQuery("select value from data_generation where id = 1").getSingleResult())
                        .longValue(),
                columns.generation().orElse(null));
    }

    /**
     * The detainer rows of the loaded releases, as each load counted them: exact (a load writes its count with its
     * rows, in one transaction, and a deleted release takes its rows with it), and read from a few rows instead of
     * counting millions at every call (a count of 5,000,000 rows took about half a second of the server).
     */
    private long detainers() {
        return ((Number) em.createNativeQuery("select coalesce(sum(rows_loaded), 0) from data_release"
                + " where kind = 'DETAINERS' and status = 'LOADED'").getSingleResult()).longValue();
    }

    private long count(String table) {
        return ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue();
    }
}
