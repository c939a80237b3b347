package org.detainerlab.core.schema;

import java.sql.Connection;
import java.util.Map;

import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Applies the schema's Liquibase changelog over a plain JDBC connection, for tools that work on a database without
 * the application (benchmarks, test fixtures). The application itself migrates at start-up through Quarkus.
 */
public final class SchemaMigrations {

    public static final String CHANGELOG = "db/changeLog.xml";

    private SchemaMigrations() {
    }

    /** Brings the schema up to date, quietly (tools print their own output); the connection is closed afterwards. */
    @SuppressWarnings("deprecation")
    public static void apply(Connection connection) throws Exception {
        java.util.logging.Logger.getLogger("liquibase").setLevel(java.util.logging.Level.WARNING);
        Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()), () -> {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            try (Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database)) {
                liquibase.update("");
            }
        });
    }
}
