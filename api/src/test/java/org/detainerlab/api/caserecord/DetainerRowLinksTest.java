package org.detainerlab.api.caserecord;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.detainerlab.api.testing.CaseRecords;
import org.detainerlab.api.testing.Jobs;
import org.detainerlab.api.testing.Tokens;
import org.detainerlab.ingest.generate.Layout;
import org.detainerlab.ingest.generate.SyntheticReleases;
import org.junit.jupiter.api.Test;

/** Case records and annotations point at published detainer rows by provenance (release, sheet, row). */
@QuarkusTest
class DetainerRowLinksTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aLoadedRowCanBeLinkedAndAnnotatedAndARowThatIsNotThereCannot() throws Exception {
        String admin = Tokens.accessToken("dave");
        Path file = Files.createTempFile("links", ".csv");
        SyntheticReleases.write(Layout.ICE_MODERN_CSV, 20, ThreadLocalRandom.current().nextLong(), file);
        JsonPath job = Jobs.await(admin, Jobs.upload(admin, file.toFile(), Map.of("title", "Rows to link")));
        Files.delete(file);
        assertThat(job.getString("status")).as(job.getString("message")).isEqualTo("SUCCEEDED");
        long releaseId = job.getLong("releaseId");
        String sheet;
        int row;
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
             ResultSet first = statement.executeQuery("select source_sheet, source_row from detainer where release_id = "
                     + releaseId + " order by source_row limit 1")) {
            assertThat(first.next()).isTrue();
            sheet = first.getString(1);
            row = first.getInt(2);
        }

        String curator = Tokens.accessToken("carol");
        Map<String, Object> record = CaseRecords.body("A case with a published row.");
        record.put("detainerRows", List.of(Map.of("releaseId", releaseId, "sheet", sheet, "row", row)));
        long caseId = given().auth().oauth2(curator).contentType(ContentType.JSON).body(record)
                .when().post("/api/v1/case-records")
                .then().statusCode(201)
                .body("detainerRows[0].releaseId", equalTo((int) releaseId))
                .body("detainerRows[0].sheet", equalTo(sheet)).body("detainerRows[0].row", equalTo(row))
                .extract().jsonPath().getLong("id");
        assertThat(caseId).isPositive();

        record.put("detainerRows", List.of(Map.of("releaseId", releaseId, "sheet", sheet, "row", 999_999)));
        given().auth().oauth2(curator).contentType(ContentType.JSON).body(record).when().post("/api/v1/case-records")
                .then().statusCode(422).body("errors.field", contains("detainerRows[0]"));

        String ref = releaseId + "/" + sheet + "/" + row;
        String alice = Tokens.accessToken("alice");
        given().auth().oauth2(alice).contentType(ContentType.JSON)
                .body(Map.of("target", Map.of("kind", "DETAINER_ROW", "ref", ref, "field", "lift_reason"),
                        "body", "This lift reason looks miscoded.", "visibility", "RESEARCHERS"))
                .when().post("/api/v1/annotations")
                .then().statusCode(201).body("target.field", equalTo("lift_reason"));
        given().auth().oauth2(alice).queryParam("targetKind", "DETAINER_ROW").queryParam("target", ref)
                .when().get("/api/v1/annotations")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].target.ref", equalTo(ref));
    }
}
