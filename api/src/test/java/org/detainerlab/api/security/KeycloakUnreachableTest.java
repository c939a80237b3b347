package org.detainerlab.api.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.detainerlab.api.testing.PostgresResource;
import org.detainerlab.devstack.FreePort;
import org.junit.jupiter.api.Test;

/** Keycloak cannot be reached: protected endpoints answer 503 or 401 as problem+json, never a 500. */
@QuarkusTest
@TestProfile(KeycloakUnreachableTest.NoKeycloak.class)
class KeycloakUnreachableTest {

    public static class NoKeycloak implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.auth-server-url",
                    "http://localhost:" + FreePort.find() + "/realms/detainerlab");
        }
    }

    private static String unsignedToken() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"k\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString("{\"sub\":\"x\",\"preferred_username\":\"alice\"}".getBytes(StandardCharsets.UTF_8))
                + ".c2ln";
    }

    @Test
    void aTokenThatCannotBeCheckedIsNeverA500() {
        given().auth().oauth2(unsignedToken())
                .when().get("/api/v1/me")
                .then().statusCode(anyOf(equalTo(503), equalTo(401)))
                .contentType("application/problem+json")
                .body("type", equalTo("urn:detainerlab:problem:authentication-unavailable"))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void noTokenIsStill401() {
        given().when().get("/api/v1/jurisdictions")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void publicPagesStillAnswer() {
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
