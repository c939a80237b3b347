package org.detainerlab.api.team;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.detainerlab.api.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Teams against the real Keycloak. Each test makes its own uniquely named teams and removes every membership it
 * adds, so the demo users keep their teams (alice and carol in Team A, bob in Team B) for the other tests.
 */
@QuarkusTest
class TeamResourceTest {

    private static String admin;
    private final List<String[]> added = new ArrayList<>();

    @BeforeAll
    static void login() {
        admin = Tokens.accessToken("dave");
    }

    @AfterEach
    void removeAddedMemberships() {
        for (String[] membership : added) {
            given().auth().oauth2(admin).when().delete("/api/v1/teams/" + membership[0] + "/members/" + membership[1])
                    .then().statusCode(200);
        }
    }

    private static String createTeam(String name) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", name))
                .when().post("/api/v1/teams")
                .then().statusCode(201).body("name", equalTo(name)).body("members", equalTo(List.of()))
                .extract().path("id");
    }

    private void addMember(String teamId, String username) {
        given().auth().oauth2(admin).when().put("/api/v1/teams/" + teamId + "/members/" + username)
                .then().statusCode(200).body("members", hasItem(username));
        added.add(new String[] {teamId, username});
    }

    @Test
    void researchersSeeTheirOwnTeamsWithMembersAndAdminsSeeAll() {
        given().auth().oauth2(Tokens.accessToken("alice")).when().get("/api/v1/teams")
                .then().statusCode(200)
                .body("name", contains("Team A"))
                .body("[0].members", containsInAnyOrder("alice", "carol"))
                .body("[0].id", not(equalTo(null)));
        given().auth().oauth2(Tokens.accessToken("bob")).when().get("/api/v1/teams")
                .then().statusCode(200).body("name", contains("Team B")).body("[0].members", contains("bob"));
        given().auth().oauth2(admin).when().get("/api/v1/teams")
                .then().statusCode(200).body("name", hasItems("Team A", "Team B"));
    }

    @Test
    void aMembershipAddedByAnAdminShowsInTheMembersNextTokenAndGoesWhenRemoved() {
        String name = "Team " + UUID.randomUUID().toString().substring(0, 8);
        String id = createTeam(name);
        addMember(id, "bob");

        given().auth().oauth2(Tokens.accessToken("bob")).when().get("/api/v1/me")
                .then().statusCode(200).body("teams", containsInAnyOrder("Team B", name));
        given().auth().oauth2(Tokens.accessToken("bob")).when().get("/api/v1/teams")
                .then().statusCode(200).body("name", containsInAnyOrder("Team B", name));

        given().auth().oauth2(admin).when().delete("/api/v1/teams/" + id + "/members/bob")
                .then().statusCode(200).body("members", not(hasItem("bob")));
        added.clear();
        given().auth().oauth2(Tokens.accessToken("bob")).when().get("/api/v1/me")
                .then().statusCode(200).body("teams", contains("Team B"));
    }

    @Test
    void anExistingNameIs409AndABlankOne422() {
        String name = "Team " + UUID.randomUUID().toString().substring(0, 8);
        createTeam(name);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", name))
                .when().post("/api/v1/teams")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "   "))
                .when().post("/api/v1/teams")
                .then().statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("name"));
    }

    @Test
    void unknownTeamsAndUsersAre404() {
        String id = createTeam("Team " + UUID.randomUUID().toString().substring(0, 8));
        given().auth().oauth2(admin).when().put("/api/v1/teams/" + UUID.randomUUID() + "/members/bob")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(admin).when().put("/api/v1/teams/" + id + "/members/nobody-" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(admin).when().delete("/api/v1/teams/" + UUID.randomUUID() + "/members/bob")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void addingAMemberTwiceOrRemovingANonMemberIs409InWords() {
        String name = "Team " + UUID.randomUUID().toString().substring(0, 8);
        String id = createTeam(name);
        addMember(id, "bob");
        given().auth().oauth2(admin).when().put("/api/v1/teams/" + id + "/members/bob")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("bob is already a member of " + name));
        given().auth().oauth2(admin).when().delete("/api/v1/teams/" + id + "/members/alice")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("alice is not a member of " + name));
    }
}
