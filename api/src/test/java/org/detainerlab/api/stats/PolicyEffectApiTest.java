package org.detainerlab.api.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.util.List;
import java.util.Map;

import org.detainerlab.api.testing.CuratedFixtures;
import org.detainerlab.api.testing.GeneratedRelease;
import org.detainerlab.api.testing.Tokens;
import org.detainerlab.ingest.generate.SyntheticReleases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Before and after a policy event, against a generated release whose per-state, per-month counts the generator
 * tallied as it wrote them.
 */
@QuarkusTest
class PolicyEffectApiTest {

    private static String researcher;
    private static long release;
    private static SyntheticReleases.Tally tally;
    private static String onFirstOfMonth;
    private static String midMonth;

    /** Once per class; in @BeforeEach because the application answers only once the test instance exists. */
    @BeforeEach
    void load() throws Exception {
        if (tally != null) {
            return;
        }
        researcher = Tokens.accessToken("alice");
        GeneratedRelease generated = GeneratedRelease.load("Policy effect test release", 6_000, 4701, 2024);
        tally = generated.tally();
        release = generated.id();
        onFirstOfMonth = policy("2025-01-01");
        midMonth = policy("2025-01-15");
    }

    private static String policy(String effective) {
        String key = CuratedFixtures.uniqueKey("effect-test");
        Map<String, Object> body = CuratedFixtures.policy(key);
        body.put("events", List.of(CuratedFixtures.event("SIGNED", "2024-10-01"),
                CuratedFixtures.event("EFFECTIVE", effective)));
        given().auth().oauth2(Tokens.accessToken("carol")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/policies").then().statusCode(201);
        return key;
    }

    private static JsonPath effect(String query) {
        return given().auth().oauth2(researcher).get("/api/v1/stats/policy-effect?" + query + "&release=" + release)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void monthsBeforeAndAfterMatchWhatWasGenerated() {
        JsonPath answer = effect("jurisdiction=CA&policy=" + onFirstOfMonth + "&event=effective&months=6");
        assertThat(answer.getString("eventDate")).isEqualTo("2025-01-01");
        List<Map<String, Object>> series = answer.getList("series");
        assertThat(series).extracting(m -> m.get("month")).containsExactly("2024-07", "2024-08", "2024-09",
                "2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06");
        assertThat(series).extracting(m -> m.get("period")).containsExactly("BEFORE", "BEFORE", "BEFORE", "BEFORE",
                "BEFORE", "BEFORE", "AFTER", "AFTER", "AFTER", "AFTER", "AFTER", "AFTER");
        long beforeCount = 0;
        long beforeTotal = 0;
        for (Map<String, Object> month : series) {
            String key = "CALIFORNIA|" + month.get("month");
            long declined = tally.declinedByStateAndMonth().getOrDefault(key, 0L);
            long all = tally.byStateAndMonth().getOrDefault(key, 0L);
            assertThat(((Number) month.get("count")).longValue()).as(key).isEqualTo(declined);
            assertThat(((Number) month.get("total")).longValue()).as(key).isEqualTo(all);
            if (month.get("period").equals("BEFORE")) {
                beforeCount += declined;
                beforeTotal += all;
            }
        }
        assertThat(answer.getLong("before.count")).isEqualTo(beforeCount);
        assertThat(answer.getLong("before.total")).isEqualTo(beforeTotal);
        assertThat(answer.getDouble("before.rate")).isCloseTo((double) beforeCount / beforeTotal, within(1e-6));
        assertThat(answer.getBoolean("coverageComplete")).isTrue();
        assertThat(answer.getList("events.type", String.class)).containsExactly("SIGNED", "EFFECTIVE");
        assertThat(answer.getList("notes", String.class)).anyMatch(n -> n.contains("descriptive"))
                .anyMatch(n -> n.contains("not to CA"));
        assertThat(answer.getString("provenance.query")).contains("state=CA").contains("outcome=DECLINED")
                .contains("from=2024-07-01").contains("to=2025-06-30");
    }

    @Test
    void aMidMonthEventLeavesItsMonthOnNeitherSide() {
        JsonPath answer = effect("jurisdiction=California&policy=" + midMonth + "&months=3");
        assertThat(answer.getList("series.period", String.class))
                .containsExactly("BEFORE", "BEFORE", "BEFORE", "EVENT", "AFTER", "AFTER", "AFTER");
        assertThat(answer.getString("after.from")).isEqualTo("2025-02");
        assertThat(answer.getList("notes", String.class)).anyMatch(n -> n.contains("2025-01, which belongs to neither"));
    }

    @Test
    void aWindowBeyondTheDataIsFlaggedAsIncomplete() {
        JsonPath wide = effect("jurisdiction=CA&policy=" + onFirstOfMonth + "&months=24");
        assertThat(wide.getBoolean("coverageComplete")).isFalse();
        assertThat(wide.getList("notes", String.class)).anyMatch(n -> n.contains("not fully covered"));

        JsonPath sb54 = effect("jurisdiction=CA&policy=ca-sb54-2017&event=effective");
        assertThat(sb54.getString("eventDate")).isEqualTo("2018-01-01");
        assertThat(sb54.getBoolean("coverageComplete")).isFalse();
        assertThat(sb54.getList("notes", String.class)).anyMatch(n -> n.contains("No detainers at all in 24 month"));
        assertThat(sb54.getList("series.rate")).containsOnlyNulls();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "policy=ca-sb54-2017|jurisdiction",
            "jurisdiction=CA|policy",
            "jurisdiction=Atlantis&policy=ca-sb54-2017|jurisdiction",
            "jurisdiction=CA&policy=no-such-policy|policy",
            "jurisdiction=CA&policy=ca-sb54-2017&event=repealed|event",
            "jurisdiction=CA&policy=ca-sb54-2017&event=dissolved|event",
            "jurisdiction=CA&policy=ca-sb54-2017&months=0|months",
            "jurisdiction=CA&policy=ca-sb54-2017&outcome=NOPE|outcome",
            "jurisdiction=CA&policy=ca-sb54-2017&groupBy=state|groupBy"})
    void aBadParameterIs400NamingIt(String query, String parameter) {
        given().auth().oauth2(researcher).get("/api/v1/stats/policy-effect?" + query)
                .then().statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo(parameter)).body("detail", containsString(parameter));
    }
}
