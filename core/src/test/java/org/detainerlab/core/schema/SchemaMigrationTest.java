package org.detainerlab.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

import org.detainerlab.devstack.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Liquibase changelog, applied to a real, empty PostgreSQL as the application does at start-up. */
class SchemaMigrationTest {

    private static PostgresServer postgres;

    @BeforeAll
    static void migrate() throws Exception {
        postgres = PostgresServer.startEphemeral();
        assertThat(update()).as("change sets applied to an empty database").isGreaterThan(0);
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), PostgresServer.USER, "");
    }

    /** Runs the changelog and returns how many change sets were newly applied. */
    @SuppressWarnings("deprecation")
    private static int update() throws Exception {
        int before;
        try (Connection connection = connect()) {
            before = countChangeSets(connection);
        }
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connect()));
        try (Liquibase liquibase = new Liquibase("db/changeLog.xml", new ClassLoaderResourceAccessor(), database)) {
            liquibase.update("");
        }
        try (Connection connection = connect()) {
            return countChangeSets(connection) - before;
        }
    }

    private static int countChangeSets(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet exists = statement.executeQuery("select to_regclass('databasechangelog') is not null")) {
            exists.next();
            if (!exists.getBoolean(1)) {
                return 0;
            }
        }
        return (int) single(connection, "select count(*) from databasechangelog");
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String text(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void secondRunAppliesNothing() throws Exception {
        assertThat(update()).isZero();
    }

    @Test
    void seedsTheNationStatesDcAndTerritoriesWithCodes() throws Exception {
        try (Connection connection = connect()) {
            assertThat(single(connection, "select count(*) from jurisdiction where kind = 'STATE'")).isEqualTo(50);
            assertThat(single(connection, "select count(*) from jurisdiction where kind = 'TERRITORY'")).isEqualTo(6);
            assertThat(text(connection, "select fips_code || ' ' || name from jurisdiction where usps_code = 'CA'"))
                    .isEqualTo("06 California");
            assertThat(text(connection, "select fips_code from jurisdiction where code = 'DC'")).isEqualTo("11");
            assertThat(single(connection, "select count(*) from jurisdiction j join jurisdiction p on p.id = j.parent_id"
                    + " where p.code = 'US'")).isEqualTo(57);
        }
    }

    @Test
    void rejectsAnOutcomeOutsideTheVocabulary() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("insert into data_release (title, file_name, file_size, sha256, status) values"
                    + " ('t', 'f.csv', 1, repeat('a', 64), 'LOADING')");
            assertThatThrownBy(() -> statement.execute("insert into detainer (release_id, source_sheet, source_row,"
                    + " outcome) select id, 'csv', 1, 'HONOURED' from data_release"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("detainer_outcome_check");
            assertThatThrownBy(() -> statement.execute("insert into data_release (title, file_name, file_size, sha256,"
                    + " status) values ('t', 'f.csv', 1, 'not-a-hash', 'LOADING')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("data_release_sha256_check");
        }
    }

    @Test
    void deletingAReleaseRemovesItsRows() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("insert into data_release (title, file_name, file_size, sha256, status) values"
                    + " ('cascade', 'c.csv', 1, repeat('c', 64), 'LOADED')");
            statement.execute("insert into detainer (release_id, source_sheet, source_row, outcome)"
                    + " select id, 'csv', g, 'UNKNOWN' from data_release, generate_series(1, 3) g where title = 'cascade'");
            statement.execute("delete from data_release where title = 'cascade'");
            assertThat(single(connection, "select count(*) from detainer where source_sheet = 'csv'")).isZero();
        }
    }
}
