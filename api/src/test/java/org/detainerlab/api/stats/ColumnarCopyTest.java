package org.detainerlab.api.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.detainerlab.api.testing.GeneratedRelease;
import org.detainerlab.api.testing.Tokens;
import org.detainerlab.core.stats.ColumnarCopy;
import org.detainerlab.core.stats.StatsService;
import org.junit.jupiter.api.Test;

/**
 * The columnar copy follows PostgreSQL: it holds exactly the rows of each loaded release, drops a deleted release,
 * answers only at the data generation a question was read at, and the administrator's status shows where it is.
 */
@QuarkusTest
class ColumnarCopyTest {

    private static final String COLUMNS = "detainer_columns (the columnar copy of detainer)";

    @Inject
    ColumnarCopy copy;

    @Inject
    StatsService stats;

    @Inject
    AgroalDataSource dataSource;

    private long detainerRows() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("select count(*) from detainer");
             ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void theCopyHoldsEachLoadedReleaseAndDropsADeletedOne() throws Exception {
        String researcher = Tokens.accessToken("alice");
        String admin = Tokens.accessToken("dave");
        GeneratedRelease kept = GeneratedRelease.load("Columnar copy kept", 1_500, 3101, 2024);
        GeneratedRelease deleted = GeneratedRelease.load("Columnar copy deleted", 700, 3102, 2024);

        JsonPath answer = stats(researcher, "groupBy=outcome,state&release=" + deleted.id());
        assertThat(answer.getString("provenance.source")).isEqualTo(COLUMNS);
        assertThat(answer.getLong("total")).isEqualTo(700);
        long generation = answer.getLong("provenance.dataGeneration");
        assertThat(copy.read(generation, duck -> rows(duck, deleted.id()))).contains(700L);
        assertThat(copy.read(generation, duck -> rows(duck, kept.id()))).contains(1_500L);
        // a question read at another generation is never answered from the copy
        assertThat(copy.read(generation - 1, duck -> 0L)).isEmpty();
        try (StatsService.PostgresOnly postgres = stats.postgresOnly()) {
            assertThat(stats(researcher, "groupBy=outcome,state&release=" + deleted.id()).getList("rows"))
                    .isEqualTo(answer.getList("rows"));
        }

        JsonPath status = given().auth().oauth2(admin).get("/api/v1/admin/system").then().statusCode(200)
                .extract().jsonPath();
        assertThat(status.getLong("status.columnarGeneration")).isEqualTo(status.getLong("status.dataGeneration"));
        assertThat(status.getLong("status.detainers")).as("the status's detainers are the rows loaded")
                .isEqualTo(detainerRows()).isGreaterThanOrEqualTo(2_200);

        given().auth().oauth2(admin).delete("/api/v1/releases/" + deleted.id()).then().statusCode(204);
        assertThat(given().auth().oauth2(admin).get("/api/v1/admin/system").then().statusCode(200).extract().jsonPath()
                .getLong("status.detainers")).isEqualTo(detainerRows()).isEqualTo(status.getLong("status.detainers") - 700);
        JsonPath after = stats(researcher, "groupBy=outcome&release=" + kept.id());
        long moved = after.getLong("provenance.dataGeneration");
        assertThat(moved).isGreaterThan(generation);
        assertThat(after.getString("provenance.source")).isEqualTo(COLUMNS);
        assertThat(after.getLong("total")).isEqualTo(1_500);
        assertThat(copy.read(moved, duck -> rows(duck, deleted.id()))).contains(0L);
        assertThat(copy.read(moved, duck -> rows(duck, kept.id()))).contains(1_500L);
        given().auth().oauth2(admin).delete("/api/v1/releases/" + kept.id()).then().statusCode(204);
    }

    /**
     * The copy keeps its text columns as ENUM types; a release bringing values they lack (a facility spelling and a
     * detainer type never loaded before) makes the types grow, and the new values are counted as PostgreSQL counts
     * them, grouped and as filters, beside the values already there.
     */
    @Test
    void valuesNewToTheCopyGrowItsCodedColumnsAndAreCountedAsInPostgres() throws Exception {
        String researcher = Tokens.accessToken("alice");
        String first = "COPY CODED JAIL " + System.nanoTime();
        String second = "COPY CODED PRISON " + System.nanoTime();
        long one = load(first, "I247D", 3, 2016);
        long two = load(second, "I247Z NEW TYPE " + System.nanoTime(), 5, 2017);
        String releases = "&release=" + one + "&release=" + two;
        JsonPath grouped = stats(researcher, "groupBy=facility,detainerType" + releases);
        assertThat(grouped.getString("provenance.source")).isEqualTo(COLUMNS);
        assertThat(grouped.getLong("total")).isEqualTo(8);
        JsonPath filtered = stats(researcher, "groupBy=detainerType" + releases + "&facility=" + second);
        assertThat(filtered.getLong("total")).isEqualTo(5);
        long generation = grouped.getLong("provenance.dataGeneration");
        assertThat(copy.read(generation, duck -> {
            try (java.sql.Statement statement = duck.createStatement();
                 ResultSet rs = statement.executeQuery("select typeof(facility_raw), typeof(detainer_type) from "
                         + ColumnarCopy.TABLE + " limit 1")) {
                rs.next();
                return rs.getString(1) + " " + rs.getString(2);
            }
        }).orElseThrow()).startsWith("ENUM(").contains(second).contains("I247Z NEW TYPE");
        try (StatsService.PostgresOnly postgres = stats.postgresOnly()) {
            assertThat(stats(researcher, "groupBy=facility,detainerType" + releases).getList("rows"))
                    .isEqualTo(grouped.getList("rows"));
            assertThat(stats(researcher, "groupBy=detainerType" + releases + "&facility=" + second).getList("rows"))
                    .isEqualTo(filtered.getList("rows"));
        }
        String admin = Tokens.accessToken("dave");
        given().auth().oauth2(admin).delete("/api/v1/releases/" + one).then().statusCode(204);
        given().auth().oauth2(admin).delete("/api/v1/releases/" + two).then().statusCode(204);
    }

    /** A small release of {@code rows} detainers in Vermont in {@code year} at one facility with one detainer type. */
    private static long load(String facility, String type, int rows, int year) throws java.io.IOException {
        StringBuilder csv = new StringBuilder("Detainer Prepare Date,Facility State,Detainer Facility,"
                + "Detainer Lift Reason,Detainer Type\n");
        for (int i = 0; i < rows; i++) {
            csv.append(year).append("-03-").append(10 + i).append(",VERMONT,").append(facility).append(",,").append(type)
                    .append('\n');
        }
        java.nio.file.Path file = java.nio.file.Files.createTempFile("columnar-coded", ".csv");
        java.nio.file.Files.writeString(file, csv.toString());
        return org.detainerlab.api.testing.Jobs.loadRelease(file.toFile(), "Columnar coded " + facility);
    }

    private static long rows(java.sql.Connection duck, long release) throws java.sql.SQLException {
        try (PreparedStatement statement = duck.prepareStatement("select count(*) from " + ColumnarCopy.TABLE
                + " where release_id = ?")) {
            statement.setLong(1, release);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static JsonPath stats(String token, String query) {
        return given().auth().oauth2(token).get("/api/v1/stats/detainers?" + query).then().statusCode(200)
                .extract().jsonPath();
    }
}
