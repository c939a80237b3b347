package org.detainerlab.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.detainerlab.core.place.FacilityReference;
import org.detainerlab.core.place.PlaceResolutions;
import org.detainerlab.devstack.PostgresServer;
import org.junit.jupiter.api.Test;

/**
 * A release loaded before places existed gets them from migration 0050 without being loaded again: every row and
 * rollup group receives its place, and the places then resolve as a new load's do; migration 0145 then moves the
 * groups into the release's own partition of the rollup.
 */
class PlaceBackfillTest {

    /** The change sets of 0001 to 0040, the schema before places. */
    private static final int BEFORE_PLACES = 26;

    @Test
    void rowsLoadedBeforePlacesGetTheirPlacesAndCounties() throws Exception {
        try (PostgresServer server = PostgresServer.startEphemeral()) {
            String url = server.jdbcUrl();
            migrate(DriverManager.getConnection(url, PostgresServer.USER, ""), BEFORE_PLACES);
            try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, "");
                 Statement statement = connection.createStatement()) {
                assertThat(exists(statement, "place")).as("the schema before 0050 has no place table").isFalse();
                statement.execute("insert into data_release (title, file_name, file_size, sha256, status) values"
                        + " ('before places', 'old.csv', 1, repeat('d', 64), 'LOADED')");
                statement.execute("do $$ declare r bigint; begin select id into r from data_release"
                        + " where title = 'before places'; execute format('create table detainer_r%s partition of"
                        + " detainer for values in (%s)', r, r); end $$");
                // two spellings of one jail (spaces and case differ) and a place no method can resolve
                statement.execute("insert into detainer (release_id, source_sheet, source_row, prepare_date,"
                        + " facility_raw, state_raw, state_id, city_raw, outcome)"
                        + " select r.id, 'csv', g, date '2015-01-01' + g,"
                        + " case when g % 3 = 0 then 'SANTA CLARA COUNTY  JAIL' when g % 3 = 1"
                        + " then 'santa clara county jail' else 'NOWHERE LOCKUP 77' end,"
                        + " 'CALIFORNIA', s.id, case when g % 3 = 2 then 'NOWHERE 77' else 'SAN JOSE' end, 'UNKNOWN'"
                        + " from data_release r, jurisdiction s, generate_series(1, 30) g"
                        + " where r.title = 'before places' and s.code = 'CA'");
            }

            migrate(DriverManager.getConnection(url, PostgresServer.USER, ""), Integer.MAX_VALUE);

            try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, "");
                 Statement statement = connection.createStatement()) {
                assertThat(count(statement, "select count(*) from detainer where place_id is null")).isZero();
                assertThat(count(statement, "select count(*) from place")).isEqualTo(2);
                assertThat(count(statement, "select sum(detainers) from detainer_rollup where place_id is not null"))
                        .isEqualTo(30);
                assertThat(count(statement, "select count(*) from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                        + " join data_release r on c.relname = 'detainer_rollup_r' || r.id"
                        + " where i.inhparent = 'detainer_rollup'::regclass and r.title = 'before places'"))
                        .as("migration 0145 moved the release's groups into a partition of its own").isEqualTo(1);
                assertThat(count(statement, "select count(*) from place where status = 'NEW'")).isEqualTo(2);

                connection.setAutoCommit(false);
                PlaceResolutions.resolveNew(connection, FacilityReference.none());
                connection.commit();
                assertThat(count(statement, "select count(*) from detainer d join place p on p.id = d.place_id"
                        + " join jurisdiction c on c.id = p.county_id where c.code = '06085'")).isEqualTo(20);
                assertThat(count(statement, "select count(*) from detainer d join place p on p.id = d.place_id"
                        + " where p.county_id is null")).isEqualTo(10);
            }
        }
    }

    @SuppressWarnings("deprecation")
    private static void migrate(Connection connection, int changeSets) throws Exception {
        try (connection) {
            Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()), () -> {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                try (Liquibase liquibase = new Liquibase(SchemaMigrations.CHANGELOG, new ClassLoaderResourceAccessor(),
                        database)) {
                    if (changeSets == Integer.MAX_VALUE) {
                        liquibase.update("");
                    } else {
                        liquibase.update(changeSets, "");
                    }
                }
            });
        }
    }

    private static boolean exists(Statement statement, String table) throws Exception {
        try (ResultSet rs = statement.executeQuery("select to_regclass('" + table + "') is not null")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static long count(Statement statement, String sql) throws Exception {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
