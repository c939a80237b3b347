package org.detainerlab.api.jurisdiction;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.detainerlab.api.testing.Jobs;
import org.detainerlab.api.testing.Tokens;
import org.detainerlab.core.testing.RealData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ICE's areas of responsibility, loaded through the admin upload, in the jurisdiction view. */
@QuarkusTest
class AreasOfResponsibilityTest {

    private static String admin;
    private static String alice;

    @TempDir
    Path dir;

    @BeforeAll
    static void login() {
        admin = Tokens.accessToken("dave");
        alice = Tokens.accessToken("alice");
    }

    private static JsonPath load(Path file) {
        JsonPath job = Jobs.await(admin, Jobs.upload(admin, file.toFile(), Map.of("title", "AOR " + file.getFileName())));
        assertThat(job.getString("status")).as(job.prettify()).isEqualTo("SUCCEEDED");
        return job;
    }

    private static List<String> offices(String code) {
        return given().auth().oauth2(alice).when().get("/api/v1/jurisdictions/" + code)
                .then().statusCode(200).extract().path("iceAreasOfResponsibility");
    }

    @Test
    void aHandWrittenListAssignsOfficesToStatesAndSplitCounties() throws IOException {
        Path file = Files.writeString(dir.resolve("aor.csv"), String.join("\n",
                "\"office_name\", \"state_name\", \"county_name\", \"notes\"",
                "\"Atlanta\", \"Georgia\", \"\", \"" + UUID.randomUUID() + "\"",
                "\"Buffalo\", \"New York\", \"Albany\", \"Counties in Upstate New York, not in the NYC AOR\"",
                "\"New York City\", \"New York\", \"Kings\", \"\"",
                "\"Nowhere\", \"Atlantis\", \"\", \"\"",
                "\"Buffalo\", \"New York\", \"Gotham\", \"\"") + "\n");
        JsonPath job = load(file);
        assertThat(job.getLong("rowsRead")).isEqualTo(5);

        assertThat(offices("GA")).containsExactly("Atlanta");
        assertThat(offices("13121")).as("Fulton County, in a state that is not split").containsExactly("Atlanta");
        assertThat(offices("NY")).containsExactly("Buffalo", "New York City");
        assertThat(offices("36001")).as("Albany County").containsExactly("Buffalo");
        assertThat(offices("36047")).as("Kings County").containsExactly("New York City");
        assertThat(offices("36061")).as("a county of a split state that the list does not name").isEmpty();
        assertThat(offices("US")).isEmpty();

        given().auth().oauth2(alice).when().get("/api/v1/releases/" + job.getLong("releaseId") + "/report")
                .then().statusCode(200)
                .body("layout", equalTo("ice-areas-of-responsibility"))
                .body("unresolvedStates", contains("Atlantis"))
                .body("unresolvedCounties", contains("New York: Gotham"));
    }

    @Test
    void thePublishedListCoversEveryStateAndSplitsCaliforniaByCounty() {
        JsonPath job = load(RealData.file("reference/ice-areas-of-responsibility.csv"));
        assertThat(job.getLong("rowsRead")).as("426 rows under the header (its README says 425)").isEqualTo(426);

        assertThat(offices("06085")).as("Santa Clara County").containsExactly("San Francisco");
        assertThat(offices("06037")).as("Los Angeles County").containsExactly("Los Angeles");
        assertThat(offices("GA")).containsExactly("Atlanta");
        List<Map<String, Object>> states = given().auth().oauth2(alice).queryParam("kind", "STATE,DISTRICT")
                .when().get("/api/v1/jurisdictions").then().statusCode(200).extract().path("");
        assertThat(states).hasSize(51).allSatisfy(state -> assertThat((List<?>) state.get("iceAreasOfResponsibility"))
                .as("%s", state.get("code")).isNotEmpty());
        given().auth().oauth2(alice).when().get("/api/v1/releases/" + job.getLong("releaseId") + "/report")
                .then().statusCode(200).body("unresolvedStates", empty());
    }
}
