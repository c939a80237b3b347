package org.detainerlab.api.jurisdiction;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import java.util.Map;
import java.util.UUID;

import org.detainerlab.api.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class JurisdictionResourceTest {

    private static String token;

    @BeforeAll
    static void login() {
        token = Tokens.accessToken("alice");
    }

    @Test
    void statesDcAndTerritoriesHaveUspsAndFipsCodes() {
        given().auth().oauth2(token)
                .queryParam("kind", "STATE,DISTRICT,TERRITORY")
                .when().get("/api/v1/jurisdictions")
                .then().statusCode(200)
                .body("", hasSize(57))
                .body("parentCode", everyItem(is("US")))
                .body("uspsCode", hasItems("CA", "DC", "PR", "GU", "VI", "MP", "AS"));
    }

    @Test
    void oneJurisdictionByItsCodeInAnyCase() {
        given().auth().oauth2(token)
                .when().get("/api/v1/jurisdictions/ca")
                .then().statusCode(200)
                .body("name", equalTo("California"))
                .body("fipsCode", equalTo("06"))
                .body("kind", equalTo("STATE"));
    }

    @Test
    void searchMatchesPartOfTheName() {
        given().auth().oauth2(token)
                .queryParam("kind", "STATE")
                .queryParam("q", "carolina")
                .when().get("/api/v1/jurisdictions")
                .then().statusCode(200)
                .body("code", hasItems("NC", "SC"))
                .body("", hasSize(2));
    }

    @Test
    void everyCountyIsSeededWithItsFipsCodeUnderItsState() {
        given().auth().oauth2(token)
                .queryParam("kind", "COUNTY")
                .when().get("/api/v1/jurisdictions")
                .then().statusCode(200)
                .body("", hasSize(3231))
                .body("findAll { it.code == '06085' }.name", hasItems("Santa Clara"));
        given().auth().oauth2(token)
                .when().get("/api/v1/jurisdictions/06085")
                .then().statusCode(200)
                .body("kind", equalTo("COUNTY"))
                .body("fipsCode", equalTo("06085"))
                .body("parentCode", equalTo("CA"));
        given().auth().oauth2(token)
                .queryParam("kind", "COUNTY")
                .queryParam("q", "baltimore")
                .when().get("/api/v1/jurisdictions")
                .then().statusCode(200)
                .body("code", hasItems("24005", "24510"))
                .body("name", hasItems("Baltimore", "Baltimore (city)"));
    }

    @Test
    void aCuratorAddsACityWhoseTimelineIncludesItsCountyStateAndNation() {
        String carol = Tokens.accessToken("carol");
        String name = "Testville " + UUID.randomUUID().toString().substring(0, 8);
        String code = given().auth().oauth2(carol).contentType(ContentType.JSON)
                .body(Map.of("kind", "city", "name", name, "parentCode", "06085"))
                .when().post("/api/v1/jurisdictions")
                .then().statusCode(201)
                .body("kind", equalTo("CITY"))
                .body("parentCode", equalTo("06085"))
                .extract().path("code");
        assertThat(code).isEqualTo("CI-CA-" + name.toUpperCase().replace(' ', '-'));
        given().auth().oauth2(token).when().get("/api/v1/jurisdictions/" + code + "/timeline")
                .then().statusCode(200).body("includes", contains(code, "06085", "CA", "US"));
        given().auth().oauth2(carol).contentType(ContentType.JSON)
                .body(Map.of("kind", "CITY", "name", name, "parentCode", "06085"))
                .when().post("/api/v1/jurisdictions")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(carol).contentType(ContentType.JSON)
                .body(Map.of("kind", "COUNTY", "name", "Nowhere", "parentCode", "ZZ", "code", "bad code"))
                .when().post("/api/v1/jurisdictions")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("kind", "parentCode", "code"));
    }

    @Test
    void unknownCodeIs404ProblemJson() {
        given().auth().oauth2(token)
                .when().get("/api/v1/jurisdictions/ZZ")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:detainerlab:problem:not-found"))
                .body("detail", equalTo("No jurisdiction 'ZZ'"))
                .body("instance", equalTo("/api/v1/jurisdictions/ZZ"));
    }

    @Test
    void unknownKindIs400NamingTheParameter() {
        given().auth().oauth2(token)
                .queryParam("kind", "PROVINCE")
                .when().get("/api/v1/jurisdictions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("kind"));
    }
}
