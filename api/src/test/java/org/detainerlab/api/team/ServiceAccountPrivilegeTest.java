package org.detainerlab.api.team;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.detainerlab.api.security.RealmUrl;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The team service account holds no realm-management role; the realm's fine-grained admin permissions give it
 * exactly what team membership needs (find users, list and create groups, add and remove members) and nothing
 * that changes a user. Asked of the real Keycloak with the account's own token, as the platform asks.
 */
@QuarkusTest
class ServiceAccountPrivilegeTest {

    private static String token;
    private static String admin;

    @BeforeAll
    static void serviceAccountToken() {
        String issuer = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        RealmUrl realm = RealmUrl.of(issuer);
        admin = realm.serverUrl() + "/admin/realms/" + realm.realm();
        token = given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "detainerlab-admin-api")
                .formParam("client_secret",
                        ConfigProvider.getConfig().getValue("detainerlab.teams.client-secret", String.class))
                .post(issuer + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    private static RequestSpecification asServiceAccount() {
        return given().auth().oauth2(token);
    }

    private static String bobId() {
        return asServiceAccount().queryParam("username", "bob").queryParam("exact", true)
                .get(admin + "/users")
                .then().statusCode(200).body("", hasSize(1))
                .extract().path("[0].id");
    }

    @Test
    void theTokenCarriesNoRealmManagementRole() {
        asServiceAccount().get(admin + "/users/" + bobId() + "/groups")
                .then().statusCode(200).body("name", hasItem("Team B"));
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(new JsonPath(payload).get("resource_access.realm-management"), nullValue());
    }

    @Test
    void itCannotChangeDeleteOrResetAUser() {
        String bob = bobId();
        asServiceAccount().contentType(ContentType.JSON).body(Map.of("firstName", "Changed"))
                .put(admin + "/users/" + bob).then().statusCode(403);
        asServiceAccount().contentType(ContentType.JSON)
                .body(Map.of("type", "password", "value", "not-bob", "temporary", false))
                .put(admin + "/users/" + bob + "/reset-password").then().statusCode(403);
        asServiceAccount().delete(admin + "/users/" + bob).then().statusCode(403);
        asServiceAccount().contentType(ContentType.JSON).body(Map.of("username", "intruder", "enabled", true))
                .post(admin + "/users").then().statusCode(403);
    }

    @Test
    void itCannotReadClientsOrMakeRoles() {
        asServiceAccount().get(admin + "/clients").then().statusCode(403);
        asServiceAccount().contentType(ContentType.JSON).body(Map.of("name", "intruder"))
                .post(admin + "/roles").then().statusCode(403);
    }
}
