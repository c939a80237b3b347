package org.detainerlab.api.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;

import org.eclipse.microprofile.config.ConfigProvider;

/** Real access tokens from the test Keycloak, by the password grant of the public client detainerlab-cli. */
public final class Tokens {

    private Tokens() {
    }

    /** Demo users have their username as password (local realm only). */
    public static String accessToken(String username) {
        String issuer = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        return given()
                .contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("client_id", "detainerlab-cli")
                .formParam("username", username)
                .formParam("password", username)
                .post(issuer + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
