package org.detainerlab.api.ruling;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.util.List;
import java.util.Map;

import org.detainerlab.api.testing.CuratedFixtures;
import org.detainerlab.api.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RulingResourceTest {

    private static String alice;
    private static String carol;

    @BeforeAll
    static void login() {
        alice = Tokens.accessToken("alice");
        carol = Tokens.accessToken("carol");
    }

    private static Response create(Map<String, Object> ruling) {
        return CuratedFixtures.created(carol, "/api/v1/rulings", ruling);
    }

    @Test
    void theSeedCarriesSubsequentHistoryBothWays() {
        given().auth().oauth2(alice).when().get("/api/v1/rulings/cdcal-2019-gonzalez-v-ice")
                .then().statusCode(200)
                .body("courtName", equalTo("U.S. District Court for the Central District of California"))
                .body("precision", equalTo("YEAR"))
                .body("note", equalTo("Decided in 2019; the day is to be checked, so the year is used"))
                .body("subsequentHistory.relation", containsInAnyOrder("AFFIRMED_IN_PART", "VACATED_IN_PART",
                        "REMANDED"))
                .body("subsequentHistory.ruling", contains("ca9-2020-gonzalez-v-ice", "ca9-2020-gonzalez-v-ice",
                        "ca9-2020-gonzalez-v-ice"));
        given().auth().oauth2(alice).when().get("/api/v1/rulings/ca9-2019-united-states-v-california")
                .then().statusCode(200)
                .body("court", equalTo("ca9"))
                .body("policies", contains("ca-sb54-2017"))
                .body("reviews.ruling", contains("edcal-2018-united-states-v-california"))
                .body("subsequentHistory.relation", contains("CERTIORARI_DENIED"));
    }

    @Test
    void aRulingIsEditedUnderIfMatchWithItsHistory() {
        Map<String, Object> lower = CuratedFixtures.ruling();
        create(lower);
        Map<String, Object> appeal = CuratedFixtures.ruling();
        appeal.put("reviews", List.of(Map.of("relation", "REVERSED", "ruling", lower.get("key"))));
        Response created = create(appeal);
        int id = created.path("id");
        String etag = created.header("ETag");

        given().auth().oauth2(alice).when().get("/api/v1/rulings/" + lower.get("key"))
                .then().statusCode(200).body("subsequentHistory[0].relation", equalTo("REVERSED"))
                .body("subsequentHistory[0].ruling", equalTo(appeal.get("key")));

        given().auth().oauth2(carol).contentType(ContentType.JSON).body(appeal)
                .when().put("/api/v1/rulings/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        String v2 = given().auth().oauth2(carol).contentType("application/merge-patch+json")
                .body(Map.of("disposition", "Reversed and remanded")).header("If-Match", etag)
                .when().patch("/api/v1/rulings/" + id)
                .then().statusCode(200).body("disposition", equalTo("Reversed and remanded"))
                .body("reviews[0].ruling", equalTo(lower.get("key"))).extract().header("ETag");
        given().auth().oauth2(carol).contentType(ContentType.JSON).body(appeal).header("If-Match", etag)
                .when().put("/api/v1/rulings/" + id)
                .then().statusCode(412).header("ETag", v2).contentType("application/problem+json");

        given().auth().oauth2(carol).header("If-Match", given().auth().oauth2(carol)
                        .get("/api/v1/rulings/" + lower.get("key")).header("ETag"))
                .when().delete("/api/v1/rulings/" + lower.get("key"))
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(carol).header("If-Match", v2).when().delete("/api/v1/rulings/" + id)
                .then().statusCode(204);
        given().auth().oauth2(alice).when().get("/api/v1/rulings/" + id + "/history")
                .then().statusCode(200)
                .body("action", contains("CREATE", "UPDATE", "DELETE"))
                .body("actor", contains("carol", "carol", "carol"))
                .body("[1].before.disposition", equalTo("Affirmed"))
                .body("[1].after.disposition", equalTo("Reversed and remanded"))
                .body("[2].after", nullValue());
    }

    @Test
    void invalidRulingsAre422WithEveryFieldNamed() {
        Map<String, Object> ruling = CuratedFixtures.ruling();
        ruling.put("court", "ca12");
        ruling.put("decidedOn", "1492-10-12");
        ruling.put("policies", List.of("no-such-policy"));
        ruling.put("jurisdictions", List.of("ZZ"));
        ruling.put("reviews", List.of(Map.of("relation", "OVERRULED", "ruling", "ca9-2019-united-states-v-california"),
                Map.of("relation", "AFFIRMED", "ruling", "no-such-ruling")));
        ruling.put("sources", List.of(Map.of("citation", " ", "url", "ftp://x")));
        given().auth().oauth2(carol).contentType(ContentType.JSON).body(ruling)
                .when().post("/api/v1/rulings")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("court", "decidedOn", "policies[0]", "jurisdictions[0]",
                        "reviews[0].relation", "reviews[1].ruling", "sources[0].citation"));
    }
}
