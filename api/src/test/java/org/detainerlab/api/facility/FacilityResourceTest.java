package org.detainerlab.api.facility;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.detainerlab.api.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FacilityResourceTest {

    private static String curator;
    private static String researcher;

    @BeforeAll
    static void login() {
        curator = Tokens.accessToken("carol");
        researcher = Tokens.accessToken("alice");
    }

    /** A name no other test uses, so tests do not depend on each other's data. */
    private static String unique(String base) {
        return base + " " + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    void curatorAddsAFacilityThatResearchersFindByAnyOfItsNames() {
        String name = unique("Minnesota Correctional Facility St. Cloud");
        String alias = unique("MINN.C.F.,ST.CLOUD");
        String location = given().auth().oauth2(curator).contentType(ContentType.JSON)
                .body(Map.of("name", name, "city", "St. Cloud", "stateCode", "mn", "aliases", List.of("  " + alias.toLowerCase())))
                .when().post("/api/v1/facilities")
                .then().statusCode(201)
                .body("stateCode", equalTo("MN"))
                .body("aliases", containsInAnyOrder(name.toUpperCase(), alias))
                .extract().header("Location");

        given().auth().oauth2(researcher)
                .when().get(location)
                .then().statusCode(200).body("name", equalTo(name));
        given().auth().oauth2(researcher)
                .queryParam("q", alias.substring(alias.length() - 8)).queryParam("state", "MN")
                .when().get("/api/v1/facilities")
                .then().statusCode(200)
                .body("", hasSize(1))
                .body("name", hasItem(name));
    }

    @Test
    void aNameThatAlreadyResolvesElsewhereIs409() {
        String name = unique("County Jail");
        given().auth().oauth2(curator).contentType(ContentType.JSON).body(Map.of("name", name))
                .post("/api/v1/facilities").then().statusCode(201);
        given().auth().oauth2(curator).contentType(ContentType.JSON)
                .body(Map.of("name", unique("Other Jail"), "aliases", List.of(name)))
                .when().post("/api/v1/facilities")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(name.toUpperCase()));
    }

    @Test
    void invalidFieldsAre422WithEveryFieldListed() {
        given().auth().oauth2(curator).contentType(ContentType.JSON)
                .body(Map.of("name", " ", "stateCode", "California"))
                .when().post("/api/v1/facilities")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:detainerlab:problem:validation"))
                .body("errors.field", containsInAnyOrder("name", "stateCode"));
    }

    @Test
    void unknownStateIs422() {
        given().auth().oauth2(curator).contentType(ContentType.JSON)
                .body(Map.of("name", unique("Jail"), "stateCode", "ZZ"))
                .when().post("/api/v1/facilities")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("stateCode"))
                .body("errors[0].rejectedValue", equalTo("ZZ"));
    }

    @Test
    void malformedJsonIs400WithWhere() {
        given().auth().oauth2(curator).contentType(ContentType.JSON)
                .body("{\"name\": \"Jail\",")
                .when().post("/api/v1/facilities")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("line 1"));
    }

    @Test
    void badQueryParametersAre400NamingTheParameter() {
        given().auth().oauth2(researcher).queryParam("limit", 0)
                .when().get("/api/v1/facilities")
                .then().statusCode(400).body("parameter", equalTo("limit"));
        given().auth().oauth2(researcher).queryParam("state", "XX")
                .when().get("/api/v1/facilities")
                .then().statusCode(400).body("parameter", equalTo("state"));
    }

    @Test
    void missingFacilityIs404() {
        given().auth().oauth2(researcher)
                .when().get("/api/v1/facilities/987654321")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("instance", endsWith("/987654321"));
    }
}
