package org.detainerlab.api.figure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.detainerlab.api.testing.Jobs;
import org.detainerlab.api.testing.Tokens;
import org.detainerlab.ingest.generate.Layout;
import org.detainerlab.ingest.generate.SyntheticReleases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Saved figures against generated releases whose counts the generator tallied. */
@QuarkusTest
class FigureResourceTest {

    private static String researcher;
    private static String admin;

    @BeforeAll
    static void login() {
        researcher = Tokens.accessToken("alice");
        admin = Tokens.accessToken("dave");
    }

    private static long load(long rows, long seed, SyntheticReleases.Tally[] tally) throws Exception {
        Path file = Files.createTempFile("figure-modern", ".csv");
        tally[0] = SyntheticReleases.write(Layout.ICE_MODERN_CSV, rows, seed, file);
        JsonPath job = Jobs.await(admin, Jobs.upload(admin, file.toFile(), Map.of("title", "Figure test " + seed)));
        assertThat(job.getString("status")).isEqualTo("SUCCEEDED");
        return job.getLong("releaseId");
    }

    private static JsonPath figure(String url) {
        return given().auth().oauth2(researcher).when().get(url).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aFigureGivesTheSameNumberOnItsReleaseAndDriftsWhenANewerOverlappingReleaseChangesIt() throws Exception {
        SyntheticReleases.Tally[] first = new SyntheticReleases.Tally[1];
        long release = load(1_500, 4901, first);
        long declinedInCalifornia = first[0].declinedByState().get("CALIFORNIA");

        var saved = given().auth().oauth2(researcher).contentType(ContentType.JSON)
                .body(Map.of("title", "Declined in California", "query",
                        "state=California&outcome=declined&release=" + release))
                .when().post("/api/v1/figures").then().statusCode(201).extract();
        String url = saved.jsonPath().getString("url");
        assertThat(saved.header("Location")).endsWith(url);
        assertThat(url).matches("/api/v1/figures/[0-9]+");
        assertThat(saved.jsonPath().getString("query")).isEqualTo("/api/v1/stats/detainers?measure=count&release="
                + release + "&state=CA&outcome=DECLINED");
        assertThat(saved.jsonPath().getLong("saved.total")).isEqualTo(declinedInCalifornia);
        assertThat(saved.jsonPath().getString("saved.releases[0].sha256")).hasSize(64);

        JsonPath again = figure(url);
        assertThat(again.getLong("saved.total")).isEqualTo(declinedInCalifornia);
        assertThat(again.getLong("rerun.total")).isEqualTo(declinedInCalifornia);
        assertThat(again.getBoolean("reproduced")).isTrue();
        assertThat(again.getBoolean("drifted")).isFalse();
        assertThat(again.getString("createdBy")).isEqualTo("alice");

        SyntheticReleases.Tally[] second = new SyntheticReleases.Tally[1];
        long newer = load(900, 4902, second);
        long both = declinedInCalifornia + second[0].declinedByState().getOrDefault("CALIFORNIA", 0L);
        assertThat(both).isGreaterThan(declinedInCalifornia);

        JsonPath drifted = figure(url);
        assertThat(drifted.getBoolean("drifted")).isTrue();
        assertThat(drifted.getLong("saved.total")).isEqualTo(declinedInCalifornia);
        assertThat(drifted.getLong("rerun.total")).isEqualTo(declinedInCalifornia);
        assertThat(drifted.getBoolean("reproduced")).isTrue();
        assertThat(drifted.getLong("current.total")).isEqualTo(both);
        assertThat(drifted.getList("current.releases.id", Long.class)).containsExactly(release, newer);
        assertThat(drifted.getString("notes[0]")).contains("Newer releases overlap").contains(String.valueOf(newer));
    }

    @Test
    void aQueryTheStatisticsApiRefusesIsA422NamingTheParameter() {
        given().auth().oauth2(researcher).contentType(ContentType.JSON)
                .body(Map.of("query", "groupBy=planet"))
                .when().post("/api/v1/figures").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("query"))
                .body("errors[0].message", containsString("'groupBy'"));
        given().auth().oauth2(researcher).contentType(ContentType.JSON).body(Map.of("title", "no query"))
                .when().post("/api/v1/figures").then().statusCode(422).body("errors[0].field", equalTo("query"));
        given().auth().oauth2(researcher).when().get("/api/v1/figures/987654321").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
