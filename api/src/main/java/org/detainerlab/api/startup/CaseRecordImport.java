package org.detainerlab.api.startup;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.detainerlab.core.caserecord.CaseRecordSeeds;
import org.jboss.logging.Logger;

/** After the schema is migrated: imports the seed case records that were never imported into this database. */
@ApplicationScoped
public class CaseRecordImport {

    private static final Logger LOG = Logger.getLogger(CaseRecordImport.class);

    private final DatabaseMigration migration;
    private final CaseRecordSeeds seeds;

    public CaseRecordImport(DatabaseMigration migration, CaseRecordSeeds seeds) {
        this.migration = migration;
        this.seeds = seeds;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 100) StartupEvent event) {
        if (!migration.migrated()) {
            return;
        }
        int imported = seeds.importNew();
        if (imported > 0) {
            LOG.infof("Imported %d seed case record(s)", imported);
        }
    }
}
