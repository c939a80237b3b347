package org.detainerlab.api.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;

import org.detainerlab.api.testing.Tokens;
import org.junit.jupiter.api.Test;

/** The whole login path: real Keycloak, real password-grant tokens, real signature and audience checks. */
@QuarkusTest
class KeycloakEndToEndTest {

    @Test
    void researcherSeesTheirRolesAndTeam() {
        given().auth().oauth2(Tokens.accessToken("alice"))
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .body("username", equalTo("alice"))
                .body("roles", containsInAnyOrder("researcher"))
                .body("teams", containsInAnyOrder("Team A"));
    }

    @Test
    void curatorAndAdminRolesImplyResearcher() {
        given().auth().oauth2(Tokens.accessToken("carol"))
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .body("roles", containsInAnyOrder("researcher", "curator"))
                .body("teams", containsInAnyOrder("Team A"));
        given().auth().oauth2(Tokens.accessToken("dave"))
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .body("roles", containsInAnyOrder("researcher", "admin"))
                .body("teams", empty());
    }

    @Test
    void noTokenIs401AsProblemJson() {
        given().when().get("/api/v1/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:detainerlab:problem:unauthenticated"))
                .body("status", equalTo(401));
    }

    @Test
    void wrongRoleIs403AsProblemJson() {
        given().auth().oauth2(Tokens.accessToken("alice"))
                .when().get("/api/v1/admin/system")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:detainerlab:problem:forbidden"));
    }

    @Test
    void adminReachesTheAdminEndpoint() {
        given().auth().oauth2(Tokens.accessToken("dave"))
                .when().get("/api/v1/admin/system")
                .then().statusCode(200)
                .body("status.database", startsWith("PostgreSQL 17"))
                .body("status.jurisdictions", greaterThanOrEqualTo(58));
    }

    @Test
    void forgedOrTamperedTokensAre401() {
        String token = Tokens.accessToken("alice");
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        given().auth().oauth2(tampered)
                .when().get("/api/v1/me")
                .then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2("not-a-jwt")
                .when().get("/api/v1/me")
                .then().statusCode(401)
                .body("detail", containsString("bearer token"));
    }
}
