package org.detainerlab.api.startup;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.detainerlab.core.exchange.CuratedExchange;
import org.jboss.logging.Logger;

/**
 * On the first start against a database, imports the curated seed (policies and rulings, all unverified) kept in
 * the repository. Runs after {@link DatabaseMigration}, and not at all when the migration failed.
 */
@ApplicationScoped
public class CuratedSeed {

    private static final Logger LOG = Logger.getLogger(CuratedSeed.class);

    private final DatabaseMigration migration;
    private final CuratedExchange exchange;

    public CuratedSeed(DatabaseMigration migration, CuratedExchange exchange) {
        this.migration = migration;
        this.exchange = exchange;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 100) StartupEvent event) {
        if (!migration.migrated()) {
            return;
        }
        exchange.seedOnce().ifPresent(summary -> LOG.infof("Imported the curated seed %s: %d policies, %d rulings",
                CuratedExchange.SEED, summary.policies().created, summary.rulings().created));
    }
}
