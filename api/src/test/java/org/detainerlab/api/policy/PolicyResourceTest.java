package org.detainerlab.api.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.detainerlab.api.testing.CuratedFixtures;
import org.detainerlab.api.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PolicyResourceTest {

    private static String alice;
    private static String carol;

    @BeforeAll
    static void login() {
        alice = Tokens.accessToken("alice");
        carol = Tokens.accessToken("carol");
    }

    private static Response create(Map<String, Object> policy) {
        return CuratedFixtures.created(carol, "/api/v1/policies", policy);
    }

    private static Response put(String ref, String etag, Map<String, Object> policy) {
        var request = given().auth().oauth2(carol).contentType(ContentType.JSON).body(policy);
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return request.when().put("/api/v1/policies/" + ref);
    }

    @Test
    void aCreatedPolicyIsReadByIdOrKeyWithItsETag() {
        Map<String, Object> policy = CuratedFixtures.policy();
        Response created = create(policy);
        int id = created.path("id");
        String key = (String) policy.get("key");
        assertThat(created.header("Location")).endsWith("/api/v1/policies/" + key);
        assertThat(created.header("ETag")).isEqualTo("\"policy-" + id + "-v1\"");

        for (String ref : List.of(key, String.valueOf(id))) {
            given().auth().oauth2(alice).when().get("/api/v1/policies/" + ref)
                    .then().statusCode(200)
                    .header("ETag", "\"policy-" + id + "-v1\"")
                    .body("key", equalTo(key))
                    .body("jurisdictions", contains(CuratedFixtures.TEST_COUNTY))
                    .body("verification.status", equalTo("UNVERIFIED"))
                    .body("events.type", contains("SIGNED", "EFFECTIVE"))
                    .body("events[1].date", equalTo("2019-04-01"))
                    .body("events[1].precision", equalTo("DAY"));
        }
        given().auth().oauth2(alice).queryParam("jurisdiction", CuratedFixtures.TEST_COUNTY)
                .when().get("/api/v1/policies")
                .then().statusCode(200).body("key", hasItem(key));
    }

    @Test
    void twoEditorsWithTheSameETagCannotBothWin() {
        Map<String, Object> policy = CuratedFixtures.policy();
        String key = (String) policy.get("key");
        create(policy);
        String first = given().auth().oauth2(carol).get("/api/v1/policies/" + key).header("ETag");
        String second = given().auth().oauth2(carol).get("/api/v1/policies/" + key).header("ETag");
        assertThat(second).isEqualTo(first);

        policy.put("title", "First editor's title");
        Response won = put(key, first, policy);
        won.then().statusCode(200).body("title", equalTo("First editor's title")).body("version", equalTo(2));
        String current = won.header("ETag");
        assertThat(current).isNotEqualTo(first).endsWith("-v2\"");

        policy.put("title", "Second editor's title");
        put(key, second, policy).then().statusCode(412)
                .contentType("application/problem+json")
                .header("ETag", current)
                .body("type", equalTo("urn:detainerlab:problem:precondition-failed"));
        put(key, null, policy).then().statusCode(428)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:detainerlab:problem:precondition-required"));
        given().auth().oauth2(carol).contentType(PolicyResource.MERGE_PATCH).body(Map.of("title", "x"))
                .header("If-Match", first).when().patch("/api/v1/policies/" + key)
                .then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(carol).when().delete("/api/v1/policies/" + key)
                .then().statusCode(428).contentType("application/problem+json");

        given().auth().oauth2(alice).when().get("/api/v1/policies/" + key)
                .then().statusCode(200).body("title", equalTo("First editor's title")).header("ETag", current);
    }

    @Test
    void simultaneousEditsWithOneETagLetExactlyOneThrough() throws Exception {
        Map<String, Object> policy = CuratedFixtures.policy();
        String key = (String) policy.get("key");
        String etag = create(policy).header("ETag");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String title : List.of("Editor one", "Editor two")) {
                Map<String, Object> edit = CuratedFixtures.policy(key);
                edit.put("title", title);
                Callable<Integer> call = () -> {
                    start.await();
                    return put(key, etag, edit).statusCode();
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(alice).when().get("/api/v1/policies/" + key)
                .then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    void historyRecordsEveryChangeWithWhoAndBeforeAndAfterAndSurvivesDeletion() {
        Map<String, Object> policy = CuratedFixtures.policy();
        String key = (String) policy.get("key");
        Response created = create(policy);
        int id = created.path("id");
        policy.put("title", "Renamed ordinance");
        String v2 = put(key, created.header("ETag"), policy).then().statusCode(200).extract().header("ETag");
        String v3 = given().auth().oauth2(carol).contentType(PolicyResource.MERGE_PATCH)
                .body(Map.of("summary", "Patched summary")).header("If-Match", v2)
                .when().patch("/api/v1/policies/" + key)
                .then().statusCode(200).body("title", equalTo("Renamed ordinance"))
                .body("summary", equalTo("Patched summary")).body("events.type", contains("SIGNED", "EFFECTIVE"))
                .extract().header("ETag");
        given().auth().oauth2(carol).header("If-Match", v3).when().delete("/api/v1/policies/" + key)
                .then().statusCode(204);

        given().auth().oauth2(alice).when().get("/api/v1/policies/" + key).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(alice).when().get("/api/v1/policies/" + id + "/history")
                .then().statusCode(200)
                .body("version", contains(1, 2, 3, 4))
                .body("action", contains("CREATE", "UPDATE", "UPDATE", "DELETE"))
                .body("actor", contains("carol", "carol", "carol", "carol"))
                .body("[0].before", nullValue())
                .body("[0].after.title", equalTo("Test ordinance " + key))
                .body("[1].before.title", equalTo("Test ordinance " + key))
                .body("[1].after.title", equalTo("Renamed ordinance"))
                .body("[2].before.summary", nullValue())
                .body("[2].after.summary", equalTo("Patched summary"))
                .body("[3].before.version", equalTo(3))
                .body("[3].after", nullValue());
    }

    @Test
    void verificationRecordsTheCallerAndNowNotWhatTheBodyClaims() {
        Map<String, Object> policy = CuratedFixtures.policy();
        policy.put("verification", Map.of("status", "VERIFIED", "source", "0", "by", "mallory",
                "at", "2001-01-01T00:00:00Z"));
        create(policy).then()
                .body("verification.status", equalTo("VERIFIED"))
                .body("verification.by", equalTo("carol"))
                .body("verification.source", equalTo("Test County Code 1-1"))
                .body("verification.at", containsString(String.valueOf(LocalDate.now(ZoneOffset.UTC).getYear())));

        Map<String, Object> unknownSource = CuratedFixtures.policy();
        unknownSource.put("verification", Map.of("status", "VERIFIED", "source", "Some other paper"));
        given().auth().oauth2(carol).contentType(ContentType.JSON).body(unknownSource)
                .when().post("/api/v1/policies")
                .then().statusCode(422).body("errors.field", contains("verification.source"));
    }

    @Test
    void invalidPoliciesAre422WithEveryFieldNamed() {
        Map<String, Object> policy = CuratedFixtures.policy();
        List<Map<String, Object>> events = new ArrayList<>();
        events.add(CuratedFixtures.event("SIGNED", "2019-03-01"));
        events.add(CuratedFixtures.event("EFFECTIVE", "2019-02-01"));
        events.add(CuratedFixtures.event("ENJOINED", "1700-01-01"));
        events.add(CuratedFixtures.event("REPEALED", LocalDate.now(ZoneOffset.UTC).plusYears(3).toString()));
        Map<String, Object> noSource = CuratedFixtures.event("AMENDED", "2020-01-01");
        noSource.remove("sources");
        events.add(noSource);
        events.add(CuratedFixtures.event("ABOLISHED", "2020-01-01"));
        policy.put("events", events);
        policy.put("jurisdictions", List.of("06085", "99999"));
        policy.put("kind", "DECREE");
        policy.put("provisions", List.of("BANS_EVERYTHING"));

        given().auth().oauth2(carol).contentType(ContentType.JSON).body(policy)
                .when().post("/api/v1/policies")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:detainerlab:problem:validation"))
                .body("errors.field", contains("kind", "jurisdictions[1]", "provisions[0].provision", "events[2].date",
                        "events[3].date", "events[4].sources", "events[5].type", "events[1].date"))
                .body("errors.find { it.field == 'events[2].date' }.message", containsString("1776-07-04"))
                .body("errors.find { it.field == 'events[3].date' }.message", containsString("2 years"))
                .body("errors.find { it.field == 'events[1].date' }.message", containsString("note"));

        given().auth().oauth2(alice).queryParam("jurisdiction", CuratedFixtures.TEST_COUNTY)
                .when().get("/api/v1/policies")
                .then().statusCode(200).body("key", not(hasItem(policy.get("key"))));

        events.subList(2, events.size()).clear();
        events.get(1).put("note", "Retroactive to February by section 9");
        policy.put("kind", "ORDINANCE");
        policy.put("provisions", List.of());
        policy.put("jurisdictions", List.of(CuratedFixtures.TEST_COUNTY));
        create(policy).then().body("events.type", contains("EFFECTIVE", "SIGNED"));
    }

    @Test
    void coarseDatesKeepTheirPrecisionAndMustBeTheFirstDayOfTheirPeriod() {
        Map<String, Object> policy = CuratedFixtures.policy();
        policy.put("events", new ArrayList<>(List.of(CuratedFixtures.event("SIGNED", "2016-09"),
                CuratedFixtures.event("EFFECTIVE", "2017"))));
        create(policy).then()
                .body("events.date", contains("2016-09-01", "2017-01-01"))
                .body("events.precision", contains("MONTH", "YEAR"));

        Map<String, Object> wrong = CuratedFixtures.policy();
        Map<String, Object> event = CuratedFixtures.event("SIGNED", "2016-09-15");
        event.put("precision", "MONTH");
        wrong.put("events", List.of(event));
        given().auth().oauth2(carol).contentType(ContentType.JSON).body(wrong)
                .when().post("/api/v1/policies")
                .then().statusCode(422).body("errors.field", contains("events[0].date"));
    }

    @Test
    void aTakenKeyIs409AndAnUnknownPolicyIs404() {
        Map<String, Object> policy = CuratedFixtures.policy();
        create(policy);
        given().auth().oauth2(carol).contentType(ContentType.JSON).body(policy)
                .when().post("/api/v1/policies")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(alice).when().get("/api/v1/policies/no-such-policy")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void takingAVerifiedFactBackToUnverifiedNeedsAReasonThatTheHistoryKeeps() {
        String curator = Tokens.accessToken("carol");
        Map<String, Object> body = CuratedFixtures.policy();
        String key = (String) body.get("key");
        body.put("verification", Map.of("status", "VERIFIED", "source", "0"));
        String etag = given().auth().oauth2(curator).contentType(ContentType.JSON).body(body)
                .post("/api/v1/policies").then().statusCode(201).extract().header("ETag");
        String unverify = "{\"verification\":{\"status\":\"UNVERIFIED\"}}";
        given().auth().oauth2(curator).contentType("application/merge-patch+json").header("If-Match", etag)
                .body(unverify).when().patch("/api/v1/policies/" + key)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("reason"))
                .body("errors[0].message", equalTo("is required to take the policy back to unverified: say why"));
        given().auth().oauth2(curator).contentType("application/merge-patch+json").header("If-Match", etag)
                .queryParam("reason", "The code was renumbered").body(unverify)
                .when().patch("/api/v1/policies/" + key)
                .then().statusCode(200).body("verification.status", equalTo("UNVERIFIED"));
        given().auth().oauth2(curator).when().get("/api/v1/policies/" + key + "/history")
                .then().statusCode(200).body("[1].note", equalTo("The code was renumbered"))
                .body("[1].before.verification.status", equalTo("VERIFIED"));
    }
}
