package org.detainerlab.core.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.detainerlab.core.schema.SchemaMigrations;
import org.detainerlab.devstack.PostgresServer;

/**
 * A real, throw-away PostgreSQL with the application's schema applied by Liquibase, as the application does at
 * start-up. For tests of modules that work on the database without the Quarkus application.
 */
public final class MigratedDatabase implements AutoCloseable {

    private final PostgresServer server;

    private MigratedDatabase(PostgresServer server) {
        this.server = server;
    }

    public static MigratedDatabase start() {
        MigratedDatabase database = new MigratedDatabase(PostgresServer.startEphemeral());
        try {
            database.migrate();
        } catch (Exception e) {
            database.close();
            throw new IllegalStateException("The changelog did not apply: " + e.getMessage(), e);
        }
        return database;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), PostgresServer.USER, "");
    }

    public String jdbcUrl() {
        return server.jdbcUrl();
    }

    /** Applies the changelog and returns how many change sets were newly applied. */
    public int migrate() throws Exception {
        int before = changeSets();
        SchemaMigrations.apply(connect());
        return changeSets() - before;
    }

    private int changeSets() throws SQLException {
        if (!exists("databasechangelog")) {
            return 0;
        }
        return (int) count("select count(*) from databasechangelog");
    }

    private boolean exists(String table) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select to_regclass('" + table + "') is not null")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    /** The first column of the first row of a query, as a number. */
    public long count(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The first column of the first row of a query, as text. */
    public String text(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
