package org.detainerlab.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.detainerlab.core.testing.MigratedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Liquibase changelog, applied to a real, empty PostgreSQL as the application does at start-up. */
class SchemaMigrationTest {

    private static MigratedDatabase database;

    @BeforeAll
    static void migrate() {
        database = MigratedDatabase.start();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void secondRunAppliesNothing() throws Exception {
        assertThat(database.migrate()).isZero();
    }

    @Test
    void seedsTheNationStatesDcAndTerritoriesWithCodes() throws Exception {
        assertThat(database.count("select count(*) from jurisdiction where kind = 'STATE'")).isEqualTo(50);
        assertThat(database.count("select count(*) from jurisdiction where kind = 'TERRITORY'")).isEqualTo(6);
        assertThat(database.text("select fips_code || ' ' || name from jurisdiction where usps_code = 'CA'"))
                .isEqualTo("06 California");
        assertThat(database.text("select fips_code from jurisdiction where code = 'DC'")).isEqualTo("11");
        assertThat(database.count("select count(*) from jurisdiction j join jurisdiction p on p.id = j.parent_id"
                + " where p.code = 'US'")).isEqualTo(57);
    }

    @Test
    void rejectsAnOutcomeOutsideTheVocabularyAndAMalformedHash() throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("insert into data_release (title, file_name, file_size, sha256, status) values"
                    + " ('t', 'f.csv', 1, repeat('a', 64), 'LOADING')");
            partitionFor(statement, "repeat('a', 64)");
            assertThatThrownBy(() -> statement.execute("insert into detainer (release_id, source_sheet, source_row,"
                    + " outcome) select id, 'csv', 1, 'HONOURED' from data_release where sha256 = repeat('a', 64)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("detainer_outcome_check");
            assertThatThrownBy(() -> statement.execute("insert into data_release (title, file_name, file_size, sha256,"
                    + " status) values ('t', 'f.csv', 1, 'not-a-hash', 'LOADING')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("data_release_sha256_check");
        }
    }

    /** Detainer rows live in one partition per release, as the loader makes them. */
    private static void partitionFor(Statement statement, String sha256) throws SQLException {
        statement.execute("do $$ declare r bigint; begin select id into r from data_release where sha256 = " + sha256
                + "; execute format('create table detainer_r%s partition of detainer for values in (%s)', r, r); end $$");
    }

    @Test
    void aRowOfAReleaseWithoutItsPartitionIsRefused() throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("insert into data_release (title, file_name, file_size, sha256, status) values"
                    + " ('none', 'n.csv', 1, repeat('b', 64), 'LOADING')");
            assertThatThrownBy(() -> statement.execute("insert into detainer (release_id, source_sheet, source_row,"
                    + " outcome) select id, 'csv', 1, 'UNKNOWN' from data_release where sha256 = repeat('b', 64)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("no partition");
        }
    }

    @Test
    void deletingAReleaseRemovesItsRows() throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("insert into data_release (title, file_name, file_size, sha256, status) values"
                    + " ('cascade', 'c.csv', 1, repeat('c', 64), 'LOADED')");
            partitionFor(statement, "repeat('c', 64)");
            statement.execute("insert into detainer (release_id, source_sheet, source_row, outcome)"
                    + " select id, 'cascade', g, 'UNKNOWN' from data_release, generate_series(1, 3) g where title = 'cascade'");
            statement.execute("delete from data_release where title = 'cascade'");
        }
        assertThat(database.count("select count(*) from detainer where source_sheet = 'cascade'")).isZero();
    }
}
