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
        Path file = Files.createTempFile("counts-modern", ".csv");
        SyntheticReleases.Tally tally = SyntheticReleases.write(Layout.ICE_MODERN_CSV, 6_000, 4601, file);
        long atFacility = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("," + SPELLING + ",")).count();
        assertThat(atFacility).isPositive();
        JsonPath job = Jobs.await(admin, Jobs.upload(admin, file.toFile(), Map.of()));
        assertThat(job.getString("status")).isEqualTo("SUCCEEDED");
        long release = job.getLong("releaseId");

        // the totals count as a default question does, over the release series, which now includes this release
        JsonPath california = given().auth().oauth2(researcher).get("/api/v1/jurisdictions/CA")
                .then().statusCode(200).extract().jsonPath();
        assertThat(california.getString("name")).isEqualTo("California");
        JsonPath seriesCalifornia = stats(researcher, "state=CA");
        assertThat(seriesCalifornia.getList("provenance.releases.id", Long.class)).contains(release);
        assertThat(california.getLong("detainers")).isEqualTo(seriesCalifornia.getLong("total"));
        assertThat(stats(researcher, "state=CA&release=" + release).getLong("total"))
                .isEqualTo(tally.byState().get("CALIFORNIA"));
        long nation = given().auth().oauth2(researcher).get("/api/v1/jurisdictions?q=United States")
                .then().statusCode(200).extract().jsonPath().getLong("find { it.code == 'US' }.detainers");
        assertThat(nation).isEqualTo(stats(researcher, "measure=count").getLong("total"));
        assertThat(stats(researcher, "release=" + release).getLong("total")).isEqualTo(6_000);

        assertThat(given().auth().oauth2(researcher).get("/api/v1/jurisdictions/04013").then().statusCode(200)
                .extract().jsonPath().getLong("detainers")).isEqualTo(stats(researcher, "county=04013").getLong("total"));
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
        long atFacilityInSeries = stats(researcher, "facility=" + facility).getLong("total");
        assertThat(atFacilityInSeries).isPositive();
        assertThat(found.getLong("detainers")).isEqualTo(atFacilityInSeries);
        assertThat(found.getString("seenAs[0].name")).isEqualTo(SPELLING);
        assertThat(found.getLong("seenAs[0].detainers")).isEqualTo(atFacilityInSeries);

        List<Map<String, Object>> seen = given().auth().oauth2(researcher)
                .get("/api/v1/facilities/seen?q=" + SPELLING.toLowerCase() + "&state=AZ")
                .then().statusCode(200).extract().jsonPath().getList("");
        assertThat(seen).anySatisfy(entry -> {
            assertThat(((Number) entry.get("facilityId")).longValue()).isEqualTo(facility);
            assertThat(((Number) entry.get("detainers")).longValue()).isEqualTo(atFacilityInSeries);
            assertThat(entry.get("stateCode")).isEqualTo("AZ");
        });
    }

    private static JsonPath stats(String token, String query) {
        return given().auth().oauth2(token).get("/api/v1/stats/detainers?" + query)
                .then().statusCode(200).extract().jsonPath();
    }
}
