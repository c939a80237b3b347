package org.detainerlab.api.startup;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.detainerlab.core.place.PlaceService;
import org.jboss.logging.Logger;

/**
 * On every start, resolves the places no one resolved yet: those of releases loaded before places existed (the
 * migration backfilled them as NEW) and, should a load have been interrupted between its commit and its resolution,
 * any left over. Runs after {@link DatabaseMigration}, and not at all when the migration failed.
 */
@ApplicationScoped
public class PlaceResolution {

    private static final Logger LOG = Logger.getLogger(PlaceResolution.class);

    private final DatabaseMigration migration;
    private final PlaceService places;

    public PlaceResolution(DatabaseMigration migration, PlaceService places) {
        this.migration = migration;
        this.places = places;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 150) StartupEvent event) {
        if (!migration.migrated()) {
            return;
        }
        int resolved = places.resolveNew();
        if (resolved > 0) {
            LOG.infof("Resolved %d places of releases loaded before", resolved);
        }
    }
}
