package org.detainerlab.api.detainer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.detainerlab.api.testing.Jobs;
import org.detainerlab.api.testing.Tokens;
import org.detainerlab.ingest.generate.Layout;
import org.detainerlab.ingest.generate.SyntheticReleases;
import org.junit.jupiter.api.Test;

/**
 * Jurisdictions and facilities carry detainer counts, facilities the spellings of them seen in the data, and a
 * facility's county makes its detainers count for the county.
 */
@QuarkusTest
class DetainerCountsApiTest {

    private static final String SPELLING = "ARIZONA SHERIFF'S OFFICE 2";

    @Test
    void countsFollowALoadedReleaseAndSpellingsResolveToTheirFacility() throws Exception {
        String researcher = Tokens.accessToken("alice");
        String admin = Tokens.accessToken("dave");
        long facility = given().auth().oauth2(Tokens.accessToken("carol")).contentType(ContentType.JSON)
                .body(Map.of("name", "Arizona Sheriff's Office Two (counts test)", "stateCode", "AZ",
                        "countyCode", "04013", "aliases", List.of(SPELLING)))
                .post("/api/v1/facilities").then().statusCode(201).extract().jsonPath().getLong("id");
        long californiaBefore = given().auth().oauth2(researcher).get("/api/v1/jurisdictions/CA")
                .then().statusCode(200).extract().jsonPath().getLong("detainers");
        long maricopaBefore = given().auth().oauth2(researcher).get("/api/v1/jurisdictions/04013")
                .then().statusCode(200).extract().jsonPath().getLong("detainers");
        long nationBefore = given().auth().oauth2(researcher).get("/api/v1/jurisdictions/US")
                .then().statusCode(200).extract().jsonPath().getLong("detainers");

        Path file = Files.createTempFile("counts-modern", ".csv");
        SyntheticReleases.Tally tally = SyntheticReleases.write(Layout.ICE_MODERN_CSV, 6_000, 4601, file);
        long atFacility = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("," + SPELLING + ",")).count();
        assertThat(atFacility).isPositive();
        JsonPath job = Jobs.await(admin, Jobs.upload(admin, file.toFile(), Map.of()));
        assertThat(job.getString("status")).isEqualTo("SUCCEEDED");
        long release = job.getLong("releaseId");

        JsonPath california = given().auth().oauth2(researcher).get("/api/v1/jurisdictions/CA")
                .then().statusCode(200).extract().jsonPath();
        assertThat(california.getString("name")).isEqualTo("California");
        assertThat(california.getLong("detainers") - californiaBefore).isEqualTo(tally.byState().get("CALIFORNIA"));
        long nationAfter = given().auth().oauth2(researcher).get("/api/v1/jurisdictions?q=United States")
                .then().statusCode(200).extract().jsonPath().getLong("find { it.code == 'US' }.detainers");
        assertThat(nationAfter - nationBefore).isEqualTo(6_000);

        assertThat(given().auth().oauth2(researcher).get("/api/v1/jurisdictions/04013").then().statusCode(200)
                .extract().jsonPath().getLong("detainers") - maricopaBefore).isEqualTo(atFacility);
        JsonPath byCounty = given().auth().oauth2(researcher)
                .get("/api/v1/stats/detainers?groupBy=county&state=AZ&release=" + release)
                .then().statusCode(200).extract().jsonPath();
        assertThat(byCounty.getLong("rows.find { it.group.county == '04013' }.count")).isEqualTo(atFacility);
        assertThat(byCounty.getString("rows.find { it.group.county == '04013' }.group.countyName")).contains("Maricopa");
        assertThat(byCounty.getLong("total")).isEqualTo(tally.byState().get("ARIZONA"));
        assertThat(given().auth().oauth2(researcher)
                .get("/api/v1/stats/detainers?county=Maricopa County, AZ&release=" + release)
                .then().statusCode(200).extract().jsonPath().getLong("total")).isEqualTo(atFacility);

        JsonPath found = given().auth().oauth2(researcher).get("/api/v1/facilities/" + facility)
                .then().statusCode(200).extract().jsonPath();
        assertThat(found.getLong("detainers")).isEqualTo(atFacility);
        assertThat(found.getString("seenAs[0].name")).isEqualTo(SPELLING);
        assertThat(found.getLong("seenAs[0].detainers")).isEqualTo(atFacility);

        List<Map<String, Object>> seen = given().auth().oauth2(researcher)
                .get("/api/v1/facilities/seen?q=" + SPELLING.toLowerCase() + "&state=AZ")
                .then().statusCode(200).extract().jsonPath().getList("");
        assertThat(seen).anySatisfy(entry -> {
            assertThat(((Number) entry.get("facilityId")).longValue()).isEqualTo(facility);
            assertThat(((Number) entry.get("detainers")).longValue()).isEqualTo(atFacility);
            assertThat(entry.get("stateCode")).isEqualTo("AZ");
        });
    }
}
