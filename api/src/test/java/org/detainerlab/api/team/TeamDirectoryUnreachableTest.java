package org.detainerlab.api.team;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import java.util.Map;

import org.detainerlab.api.testing.Tokens;
import org.detainerlab.devstack.FreePort;
import org.junit.jupiter.api.Test;

/** Keycloak's admin API cannot be reached (tokens still can be checked): team endpoints answer 503 problem+json. */
@QuarkusTest
@TestProfile(TeamDirectoryUnreachableTest.AdminApiDown.class)
class TeamDirectoryUnreachableTest {

    public static class AdminApiDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("detainerlab.teams.admin-url", "http://localhost:" + FreePort.find());
        }
    }

    @Test
    void teamEndpointsAnswer503WithAProblem() {
        given().auth().oauth2(Tokens.accessToken("alice")).when().get("/api/v1/teams")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", equalTo("30"))
                .body("type", equalTo("urn:detainerlab:problem:team-directory-unavailable"))
                .body("detail", not(containsString("Exception")));
        given().auth().oauth2(Tokens.accessToken("dave")).when().put("/api/v1/teams/x/members/bob")
                .then().statusCode(503).contentType("application/problem+json");
    }
}
