package org.detainerlab.api.startup;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.detainerlab.core.claim.ClaimSeeds;
import org.jboss.logging.Logger;

/** After the schema is migrated: imports the seed claims that were never imported into this database. */
@ApplicationScoped
public class ClaimImport {

    private static final Logger LOG = Logger.getLogger(ClaimImport.class);

    private final DatabaseMigration migration;
    private final ClaimSeeds seeds;

    public ClaimImport(DatabaseMigration migration, ClaimSeeds seeds) {
        this.migration = migration;
        this.seeds = seeds;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 110) StartupEvent event) {
        if (!migration.migrated()) {
            return;
        }
        int imported = seeds.importNew();
        if (imported > 0) {
            LOG.infof("Imported %d seed claim(s)", imported);
        }
    }
}
