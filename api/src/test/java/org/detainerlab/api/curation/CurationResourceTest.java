package org.detainerlab.api.curation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.detainerlab.api.testing.CuratedFixtures;
import org.detainerlab.api.testing.Tokens;
import org.detainerlab.core.exchange.CuratedExchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CurationResourceTest {

    private static final List<String> SEED_POLICIES = List.of("ca-ab4-2013", "ca-ab2792-2016", "ca-sb54-2017",
            "santa-clara-county-detainer-policy-2011", "cook-county-ordinance-11-o-73", "il-trust-act-2017",
            "il-way-forward-act-2021", "philadelphia-eo-1-14", "philadelphia-eo-5-16", "tx-sb4-2017",
            "us-secure-communities", "us-priority-enforcement-program", "us-ice-policy-10074-2", "us-eo-14287-2025");

    private static String alice;
    private static String carol;

    @Inject
    CuratedExchange exchange;

    @BeforeAll
    static void login() {
        alice = Tokens.accessToken("alice");
        carol = Tokens.accessToken("carol");
    }

    private static JsonPath export() {
        return given().auth().oauth2(alice).when().get("/api/v1/curation/export")
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    @Test
    void theSeedIsLoadedOnceAllUnverifiedAndImportedBySystem() {
        JsonPath all = export();
        for (String key : SEED_POLICIES) {
            Map<String, Object> policy = all.getMap("policies.find { it.key == '" + key + "' }");
            assertThat(policy).as(key).isNotNull();
            assertThat(all.getString("policies.find { it.key == '" + key + "' }.verification.status"))
                    .isEqualTo("UNVERIFIED");
            assertThat(all.getList("policies.find { it.key == '" + key + "' }.events.verification.status", String.class))
                    .isNotEmpty().containsOnly("UNVERIFIED");
        }
        assertThat(all.getList("rulings.key", String.class)).contains("ca3-2014-galarza-v-szalczyk",
                "ndill-2016-moreno-v-napolitano", "ca5-2018-city-of-el-cenizo-v-texas", "ca9-2020-gonzalez-v-ice");
        assertThat(all.getList("rulings.findAll { it.key in ['ca3-2014-galarza-v-szalczyk',"
                + " 'ca9-2019-united-states-v-california'] }.verification.status", String.class))
                .containsOnly("UNVERIFIED");
        assertThat(all.getString("policies.find { it.key == 'ca-ab2792-2016' }.events[0].precision")).isEqualTo("MONTH");
        assertThat(all.getString("policies.find { it.key == 'ca-ab2792-2016' }.events[0].note")).contains("uncertain");

        given().auth().oauth2(alice).when().get("/api/v1/policies/ca-sb54-2017/history")
                .then().statusCode(200)
                .body("[0].action", equalTo("IMPORT"))
                .body("[0].actor", equalTo("system"));

        assertThat(exchange.seedOnce()).isEmpty();
    }

    @Test
    void anExportImportsBackUnchangedAndAnEditedEntryWithItsVersionUpdates() {
        Map<String, Object> policy = CuratedFixtures.policy();
        Map<String, Object> ruling = CuratedFixtures.ruling();
        ruling.put("policies", List.of(policy.get("key")));
        given().auth().oauth2(carol).contentType(ContentType.JSON)
                .body(Map.of("format", "detainerlab-curated", "policies", List.of(policy), "rulings", List.of(ruling)))
                .when().post("/api/v1/curation/import")
                .then().statusCode(200)
                .body("policies.created", equalTo(1)).body("rulings.created", equalTo(1));

        Map<String, Object> exported = new HashMap<>(export().getMap(""));
        given().auth().oauth2(carol).contentType(ContentType.JSON).body(exported)
                .when().post("/api/v1/curation/import")
                .then().statusCode(200)
                .body("policies.created", equalTo(0)).body("policies.updated", equalTo(0))
                .body("rulings.created", equalTo(0)).body("rulings.updated", equalTo(0));

        Map<String, Object> mine = new HashMap<>(export().getMap("policies.find { it.key == '" + policy.get("key") + "' }"));
        mine.put("title", "Edited in a spreadsheet");
        given().auth().oauth2(carol).contentType(ContentType.JSON).body(Map.of("policies", List.of(mine)))
                .when().post("/api/v1/curation/import")
                .then().statusCode(200).body("policies.updated", equalTo(1));
        given().auth().oauth2(alice).when().get("/api/v1/policies/" + policy.get("key") + "/history")
                .then().statusCode(200)
                .body("action", contains("IMPORT", "IMPORT"))
                .body("actor", contains("carol", "carol"))
                .body("[1].after.title", equalTo("Edited in a spreadsheet"));

        mine.put("title", "Edited from a stale copy");
        given().auth().oauth2(carol).contentType(ContentType.JSON).body(Map.of("policies", List.of(mine)))
                .when().post("/api/v1/curation/import")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString((String) policy.get("key")));
    }

    @Test
    void aDryRunSaysWhatWouldChangeAndWritesNothing() {
        Map<String, Object> fresh = CuratedFixtures.policy();
        Map<String, Object> existing = CuratedFixtures.policy();
        given().auth().oauth2(carol).contentType(ContentType.JSON).body(existing)
                .post("/api/v1/policies").then().statusCode(201);
        Map<String, Object> edited = new HashMap<>(export().getMap("policies.find { it.key == '" + existing.get("key") + "' }"));
        edited.put("title", "Edited, not yet imported");
        given().auth().oauth2(carol).contentType(ContentType.JSON).queryParam("dryRun", true)
                .body(Map.of("policies", List.of(fresh, edited)))
                .when().post("/api/v1/curation/import")
                .then().statusCode(200)
                .body("dryRun", equalTo(true))
                .body("policies.created", equalTo(1)).body("policies.createdKeys", contains(fresh.get("key")))
                .body("policies.updated", equalTo(1)).body("policies.updatedKeys", contains(existing.get("key")));
        given().auth().oauth2(alice).when().get("/api/v1/policies/" + fresh.get("key")).then().statusCode(404);
        given().auth().oauth2(alice).when().get("/api/v1/policies/" + existing.get("key"))
                .then().statusCode(200).body("title", equalTo(existing.get("title"))).body("version", equalTo(1));
        given().auth().oauth2(alice).when().get("/api/v1/policies/" + existing.get("key") + "/history")
                .then().statusCode(200).body("action", contains("CREATE"));

        Map<String, Object> bad = CuratedFixtures.policy();
        bad.put("events", List.of(CuratedFixtures.event("EFFECTIVE", "1600")));
        given().auth().oauth2(carol).contentType(ContentType.JSON).queryParam("dryRun", true)
                .body(Map.of("policies", List.of(bad)))
                .when().post("/api/v1/curation/import")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("policies[0].events[0].date"));
    }

    @Test
    void anInvalidEntryImportsNothingAndNamesItsPath() {
        Map<String, Object> good = CuratedFixtures.policy();
        Map<String, Object> bad = CuratedFixtures.policy();
        bad.put("events", List.of(CuratedFixtures.event("EFFECTIVE", "1600")));
        given().auth().oauth2(carol).contentType(ContentType.JSON).body(Map.of("policies", List.of(good, bad)))
                .when().post("/api/v1/curation/import")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("policies[1].events[0].date"));
        given().auth().oauth2(alice).when().get("/api/v1/policies/" + good.get("key"))
                .then().statusCode(404);
    }

    @Test
    void eachItemTypeExportsAsCsv() {
        String policies = given().auth().oauth2(alice).queryParam("format", "csv")
                .when().get("/api/v1/curation/export")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertThat(policies).startsWith("key,title,kind,jurisdictions,provisions,summary,sources,verification,");
        assertThat(policies).contains("\r\nca-sb54-2017,California Values Act (SB 54, 2017),STATUTE,CA,".replace(
                "California Values Act (SB 54, 2017)", "\"California Values Act (SB 54, 2017)\""));
        given().auth().oauth2(alice).accept("text/csv").queryParam("type", "policy-events")
                .when().get("/api/v1/curation/export")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .body(containsString("ca-sb54-2017,EFFECTIVE,2018-01-01,DAY,"));
        given().auth().oauth2(alice).queryParam("format", "csv").queryParam("type", "rulings")
                .when().get("/api/v1/curation/export")
                .then().statusCode(200)
                .body(containsString("ca9-2019-united-states-v-california,ca9,United States v. California,"))
                .body(not(containsString("\"policies\"")));
        given().auth().oauth2(alice).queryParam("format", "csv").queryParam("type", "claims")
                .when().get("/api/v1/curation/export")
                .then().statusCode(400).body("parameter", equalTo("type"));
        given().auth().oauth2(alice).queryParam("format", "xml")
                .when().get("/api/v1/curation/export")
                .then().statusCode(400).body("parameter", equalTo("format"));
    }

    @Test
    void exportListsRulingsBeforeTheRulingsThatReviewThem() {
        List<String> keys = export().getList("rulings.key", String.class);
        assertThat(keys.indexOf("edcal-2018-united-states-v-california"))
                .isLessThan(keys.indexOf("ca9-2019-united-states-v-california"));
        assertThat(keys).doesNotHaveDuplicates().contains("scotus-2020-united-states-v-california");
        assertThat(export().getList("policies.key", String.class)).contains("ca-sb54-2017")
                .doesNotContain((String) null);
        given().auth().oauth2(alice).when().get("/api/v1/curation/export")
                .then().body("format", equalTo("detainerlab-curated")).body("formatVersion", equalTo(1))
                .body("policies.key", hasItem("us-eo-14287-2025"));
    }
}
