package org.detainerlab.api.caserecord;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.io.InputStream;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.detainerlab.api.testing.CaseRecords;
import org.detainerlab.api.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CaseRecordResourceTest {

    private static String curator;
    private static String researcher;

    @BeforeAll
    static void login() {
        curator = Tokens.accessToken("carol");
        researcher = Tokens.accessToken("alice");
    }

    @Test
    void aCuratorCreatesARecordThatResearchersReadWithItsSourcesAndFramingAsAQuotation() {
        CaseRecords.Created created = CaseRecords.create(curator, "A man was arrested in Houston in March 2021.");
        given().auth().oauth2(researcher).when().get("/api/v1/case-records/" + created.id())
                .then().statusCode(200)
                .header("ETag", equalTo("\"case-record-" + created.id() + "-v1\""))
                .body("title", equalTo(created.title()))
                .body("jurisdictions", contains("TX"))
                .body("facility.name", equalTo("HARRIS COUNTY JAIL"))
                .body("subject[0].kind", equalTo("AGE"))
                .body("subject[0].passage", equalTo("a 41-year-old man"))
                .body("sourceFraming.quote", equalTo("a dangerous offender was let go"))
                .body("sourceFraming.source", equalTo("report"))
                .body("sourceFraming.citation", equalTo("Test report, 2021"))
                .body("events.key", contains("arrest", "declined"))
                .body("events[1].date", equalTo("2021-03-01"))
                .body("events[1].precision", equalTo("MONTH"))
                .body("verified", equalTo(false))
                .body("createdBy", equalTo("carol"));
    }

    @Test
    void editsNeedTheCurrentETagAndEveryChangeIsInTheHistory() {
        CaseRecords.Created created = CaseRecords.create(curator, "First narrative.");
        String path = "/api/v1/case-records/" + created.id();
        Map<String, Object> body = CaseRecords.body("Second narrative.");

        given().auth().oauth2(curator).contentType(ContentType.JSON).body(body).when().put(path)
                .then().statusCode(428).contentType("application/problem+json");
        String v2 = given().auth().oauth2(curator).header("If-Match", created.etag()).contentType(ContentType.JSON)
                .body(body).when().put(path)
                .then().statusCode(200).body("narrative", equalTo("Second narrative.")).body("version", equalTo(2))
                .extract().header("ETag");
        given().auth().oauth2(curator).header("If-Match", created.etag()).contentType(ContentType.JSON)
                .body(body).when().put(path)
                .then().statusCode(412).contentType("application/problem+json").header("ETag", equalTo(v2));

        String v3 = given().auth().oauth2(curator).header("If-Match", v2).contentType("application/merge-patch+json")
                .body(Map.of("verified", true, "facilityName", "BEXAR COUNTY JAIL")).when().patch(path)
                .then().statusCode(200)
                .body("verified", equalTo(true)).body("facility.name", equalTo("BEXAR COUNTY JAIL"))
                .body("narrative", equalTo("Second narrative.")).body("events", hasSize(2))
                .extract().header("ETag");

        given().auth().oauth2(researcher).when().get(path + "/history")
                .then().statusCode(200)
                .body("action", contains("CREATE", "UPDATE", "UPDATE"))
                .body("actor", everyItem(equalTo("carol")))
                .body("[1].before.narrative", equalTo("First narrative."))
                .body("[1].after.narrative", equalTo("Second narrative."))
                .body("[2].after.verified", equalTo(true));

        given().auth().oauth2(curator).when().delete(path).then().statusCode(428);
        given().auth().oauth2(curator).header("If-Match", v3).when().delete(path).then().statusCode(204);
        given().auth().oauth2(researcher).when().get(path).then().statusCode(404)
                .contentType("application/problem+json");
        // deleted outright, its history stays readable: every change, the deletion last with what the record held
        given().auth().oauth2(researcher).when().get(path + "/history").then().statusCode(200)
                .body("action", contains("CREATE", "UPDATE", "UPDATE", "DELETE"))
                .body("[3].actor", equalTo("carol"))
                .body("[3].before.verified", equalTo(true))
                .body("[3].after", nullValue());
        given().auth().oauth2(researcher).when().get("/api/v1/case-records/999999999/history").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void everyBrokenRuleIsA422FieldErrorAndNothingIsSaved() {
        Map<String, Object> body = CaseRecords.body("Narrative.");
        body.put("events", List.of(Map.of("key", "arrest", "type", "ARREST", "date", "2021-03-14", "source", "nope")));
        body.put("jurisdictions", List.of("ZZ"));
        body.put("policies", List.of("no-such-policy"));
        body.put("rulings", List.of("no-such-ruling"));
        body.put("detainerRows", List.of(Map.of("releaseId", 987654321, "sheet", "FY2024", "row", 5)));
        String title = (String) body.get("title");

        given().auth().oauth2(curator).contentType(ContentType.JSON).body(body).when().post("/api/v1/case-records")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("events[0].precision", "events[0].source", "jurisdictions[0]",
                        "policies[0]", "rulings[0]", "detainerRows[0]"))
                .body("errors.find { it.field == 'policies[0]' }.message", equalTo("is not a known policy"))
                .body("errors.find { it.field == 'detainerRows[0]' }.message",
                        equalTo("is not a known detainer row"))
                .body("detail", not(containsString("Exception")));
        given().auth().oauth2(researcher).queryParam("q", title).when().get("/api/v1/case-records")
                .then().statusCode(200).body("total", equalTo(0));

        body.put("sources", List.of());
        given().auth().oauth2(curator).contentType(ContentType.JSON).body(body).when().post("/api/v1/case-records")
                .then().statusCode(422).body("errors.field", hasItem("sources"));
    }

    @Test
    void searchFindsRecordsByTextJurisdictionEventTypeAndDate() {
        String word = "Zebulon" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> body = CaseRecords.body("Arrested near " + word + " county line.");
        body.put("jurisdictions", List.of("NM"));
        body.put("policies", List.of("ca-sb54-2017"));
        body.put("rulings", List.of("ca9-2019-united-states-v-california"));
        long id = given().auth().oauth2(curator).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/case-records").then().statusCode(201).extract().jsonPath().getLong("id");

        given().auth().oauth2(researcher).queryParam("q", word.toLowerCase()).when().get("/api/v1/case-records")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo((int) id))
                .body("items[0].eventTypes", contains("ARREST", "DETAINER_DECLINED"));
        given().auth().oauth2(researcher).queryParam("q", word).queryParam("jurisdiction", "nm")
                .queryParam("eventType", "detainer_declined").queryParam("from", "2021-03-01").queryParam("to", "2021-03-31")
                .when().get("/api/v1/case-records")
                .then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(researcher).queryParam("q", word).queryParam("jurisdiction", "TX")
                .when().get("/api/v1/case-records").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(researcher).queryParam("q", word).queryParam("eventType", "RELEASE")
                .when().get("/api/v1/case-records").then().statusCode(200).body("total", equalTo(0));
        // the one event of that type must also fall in the date range
        given().auth().oauth2(researcher).queryParam("q", word).queryParam("eventType", "ARREST")
                .queryParam("from", "2021-03-15").when().get("/api/v1/case-records")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void badQueryParametersAre400NamingThem() {
        given().auth().oauth2(researcher).queryParam("eventType", "PARADE").when().get("/api/v1/case-records")
                .then().statusCode(400).contentType("application/problem+json").body("parameter", equalTo("eventType"));
        given().auth().oauth2(researcher).queryParam("from", "yesterday").when().get("/api/v1/case-records")
                .then().statusCode(400).body("parameter", equalTo("from"));
        given().auth().oauth2(researcher).queryParam("jurisdiction", "ZZ").when().get("/api/v1/case-records")
                .then().statusCode(400).body("parameter", equalTo("jurisdiction"));
        given().auth().oauth2(researcher).queryParam("size", 0).when().get("/api/v1/case-records")
                .then().statusCode(400).body("parameter", equalTo("size"));
    }

    @Test
    void eachSeedCaseIsImportedOnceUnverifiedWithItsSourceAndAnImportBySystem() throws Exception {
        JsonNode seeds;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("seed/case-records.json")) {
            seeds = new ObjectMapper().readTree(in).get("records");
        }
        assertThat(seeds).isNotEmpty();
        for (JsonNode seed : seeds) {
            String title = seed.at("/record/title").asText();
            JsonPath found = given().auth().oauth2(researcher).queryParam("q", title).queryParam("size", 200)
                    .when().get("/api/v1/case-records").then().statusCode(200).extract().jsonPath();
            List<Integer> ids = found.<Map<String, Object>>getList("items").stream()
                    .filter(item -> title.equals(item.get("title"))).map(item -> (Integer) item.get("id")).toList();
            assertThat(ids).as(title).hasSize(1);
            given().auth().oauth2(researcher).when().get("/api/v1/case-records/" + ids.get(0))
                    .then().statusCode(200)
                    .body("verified", equalTo(false))
                    .body("sources[0].citation", equalTo(seed.at("/record/sources/0/citation").asText()))
                    .body("sourceFraming.quote", equalTo(seed.at("/record/sourceFraming/quote").asText()))
                    .body("sourceFraming.citation", equalTo(seed.at("/record/sources/0/citation").asText()));
            given().auth().oauth2(researcher).when().get("/api/v1/case-records/" + ids.get(0) + "/history")
                    .then().statusCode(200).body("action", contains("IMPORT")).body("actor", contains("system"));
        }
        int sf = given().auth().oauth2(researcher).queryParam("q", "San Francisco, 2015").queryParam("jurisdiction", "CA")
                .when().get("/api/v1/case-records").then().statusCode(200).extract().path("items[0].id");
        // the summaries give no dates, so none is invented
        given().auth().oauth2(researcher).when().get("/api/v1/case-records/" + sf)
                .then().statusCode(200).body("events.date", everyItem(nullValue()));
    }
}
