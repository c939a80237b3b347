package org.detainerlab.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

    @TempDir
    Path dataDir;

    @Test
    void keepsDataAcrossARestartInTheSameFolder() throws Exception {
        int port = FreePort.find();
        try (PostgresServer first = PostgresServer.start(dataDir, port);
             Connection connection = DriverManager.getConnection(first.jdbcUrl(), PostgresServer.USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("create table kept (note text)");
            statement.execute("insert into kept values ('still here')");
        }
        assertThat(FreePort.inUse(port)).as("port released after stop").isFalse();

        try (PostgresServer second = PostgresServer.start(dataDir, port);
             Connection connection = DriverManager.getConnection(second.jdbcUrl(), PostgresServer.USER, "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select note, current_user, version() from kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("still here");
            assertThat(rows.getString(2)).isEqualTo(PostgresServer.USER);
            assertThat(rows.getString(3)).startsWith("PostgreSQL 17");
        }
    }

    @Test
    void ephemeralServerChoosesAFreePort() {
        try (PostgresServer server = PostgresServer.startEphemeral()) {
            assertThat(FreePort.inUse(server.port())).isTrue();
            assertThat(server.jdbcUrl()).endsWith(":" + server.port() + "/detainerlab");
        }
    }
}
