package org.detainerlab.api.startup;

import io.agroal.api.AgroalDataSource;
import io.quarkus.liquibase.LiquibaseFactory;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import java.sql.Connection;
import java.sql.SQLException;

import liquibase.Liquibase;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Before anything else at start-up: checks that the configured database answers, then applies the Liquibase
 * changelog. Either failure stops the application with one message that names the setting to fix.
 */
@ApplicationScoped
public class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class);

    private final AgroalDataSource dataSource;
    private final LiquibaseFactory liquibaseFactory;
    private final String url;
    private volatile boolean migrated;

    public DatabaseMigration(AgroalDataSource dataSource, LiquibaseFactory liquibaseFactory,
                             @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url) {
        this.dataSource = dataSource;
        this.liquibaseFactory = liquibaseFactory;
        this.url = url;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        try {
            migrate();
        } catch (StartupFailure e) {
            // One line that says what to fix, rather than a stack trace through Quarkus' boot.
            LOG.error(e.getMessage());
            Quarkus.asyncExit(1);
        }
    }

    /** Whether the schema was brought up to date at this start, so that start-up steps after it may use it. */
    public boolean migrated() {
        return migrated;
    }

    private void migrate() {
        try (Connection ignored = dataSource.getConnection()) {
            LOG.debugf("Database %s answers", url);
        } catch (SQLException e) {
            throw new StartupFailure("Cannot connect to the database at " + url + " (" + rootMessage(e) + "). Check"
                    + " DETAINERLAB_DB_URL, DETAINERLAB_DB_USER and DETAINERLAB_DB_PASSWORD"
                    + " (quarkus.datasource.jdbc.url, .username, .password).");
        }
        try (Liquibase liquibase = liquibaseFactory.createLiquibase()) {
            liquibase.update(liquibaseFactory.createContexts(), liquibaseFactory.createLabels());
            migrated = true;
        } catch (Exception e) {
            throw new StartupFailure("The database schema could not be brought up to date at " + url + ": "
                    + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
