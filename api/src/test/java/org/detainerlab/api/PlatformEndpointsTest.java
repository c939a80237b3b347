package org.detainerlab.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;

import org.detainerlab.api.testing.Tokens;
import org.junit.jupiter.api.Test;

/** The endpoints around the API: readiness, the OpenAPI description, Swagger UI, the home page, unknown paths. */
@QuarkusTest
class PlatformEndpointsTest {

    @Test
    void readinessReportsTheDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database connections health check")));
    }

    @Test
    void openApiDescribesEveryEndpointAndTheTokenScheme() {
        given().queryParam("format", "json")
                .when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/me'.get.summary", notNullValue())
                .body("paths.'/api/v1/facilities'.post.description", containsString("curator"))
                .body("paths.'/api/v1/admin/system'.get.description", containsString("admin"))
                .body("components.securitySchemes.keycloak.type", equalTo("openIdConnect"))
                .body("paths.'/api/v1/rulings'.post.summary", equalTo("Add an item"))
                .body("paths.'/api/v1/claims'.post.description", containsString("claimed value"))
                // every operation but the front end's public settings declares the token it needs
                .body("paths.findAll { it.key != '/api/v1/client-config' }.collectMany { it.value.findAll {"
                        + " it.key in ['get', 'put', 'post', 'patch', 'delete'] }.values() }"
                        + ".findAll { it.security == null }.collect { it.summary }", empty());
    }

    @Test
    void swaggerUiAndHomePageAreServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().when().get("/")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("DetainerLab"))
                .body(containsString("/q/swagger-ui"));
    }

    @Test
    void unknownApiPathIs404ProblemJson() {
        given().auth().oauth2(Tokens.accessToken("alice"))
                .when().get("/api/v1/no-such-thing")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }
}
