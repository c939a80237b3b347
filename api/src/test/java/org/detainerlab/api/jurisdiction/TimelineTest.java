package org.detainerlab.api.jurisdiction;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import java.util.List;
import java.util.Map;

import org.detainerlab.api.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Timelines and in-force answers over the curated seed, which tests never change. */
@QuarkusTest
class TimelineTest {

    private static String alice;

    @BeforeAll
    static void login() {
        alice = Tokens.accessToken("alice");
    }

    private static List<String> inForce(String code, String at) {
        return given().auth().oauth2(alice).queryParam("at", at)
                .when().get("/api/v1/jurisdictions/" + code + "/policies")
                .then().statusCode(200).extract().path("policies.key");
    }

    @Test
    void sb54IsNotInForceOnNewYearsEve2017AndIsOnNewYearsDay2018() {
        assertThat(inForce("CA", "2017-12-31")).doesNotContain("ca-sb54-2017").contains("ca-ab4-2013");
        assertThat(inForce("CA", "2018-01-01")).contains("ca-sb54-2017", "ca-ab4-2013");
        given().auth().oauth2(alice).queryParam("at", "2018-01-01")
                .when().get("/api/v1/jurisdictions/CA/policies")
                .then().statusCode(200)
                .body("jurisdiction", equalTo("CA"))
                .body("includes", contains("CA", "US"))
                .body("policies.find { it.key == 'ca-sb54-2017' }.since", equalTo("2018-01-01"))
                .body("policies.find { it.key == 'ca-sb54-2017' }.sincePrecision", equalTo("DAY"))
                .body("policies.find { it.key == 'ca-sb54-2017' }.basis", equalTo("EFFECTIVE"));
    }

    @Test
    void aCountyIncludesItsOwnItsStatesAndFederalPoliciesInForce() {
        assertThat(inForce("06085", "2018-01-01")).contains("santa-clara-county-detainer-policy-2011",
                "ca-sb54-2017", "ca-ab4-2013", "us-ice-policy-10074-2", "us-secure-communities")
                .doesNotContain("us-priority-enforcement-program", "il-trust-act-2017", "tx-sb4-2017");
        given().auth().oauth2(alice).queryParam("at", "2012-01-01")
                .when().get("/api/v1/jurisdictions/06085/policies")
                .then().statusCode(200)
                .body("includes", contains("06085", "CA", "US"))
                .body("policies.find { it.key == 'santa-clara-county-detainer-policy-2011' }.sincePrecision",
                        equalTo("MONTH"))
                .body("policies.find { it.key == 'santa-clara-county-detainer-policy-2011' }.since",
                        equalTo("2011-10-01"));
    }

    @Test
    void anInjunctionBeforeTheEffectiveDateKeepsALawOutOfForceUntilItIsLifted() {
        assertThat(inForce("TX", "2017-09-10")).doesNotContain("tx-sb4-2017");
        given().auth().oauth2(alice).queryParam("at", "2017-09-25")
                .when().get("/api/v1/jurisdictions/TX/policies")
                .then().statusCode(200)
                .body("policies.find { it.key == 'tx-sb4-2017' }.basis", equalTo("UPHELD"))
                .body("policies.find { it.key == 'tx-sb4-2017' }.since", equalTo("2017-09-25"));
    }

    @Test
    void santaClaraCountysTimelineHasItsOwnCaliforniasAndFederalEventsInDateOrder() {
        JsonPath timeline = given().auth().oauth2(alice)
                .when().get("/api/v1/jurisdictions/06085/timeline")
                .then().statusCode(200)
                .body("jurisdiction", equalTo("06085"))
                .body("includes", contains("06085", "CA", "US"))
                .extract().jsonPath();
        List<Map<String, Object>> entries = timeline.getList("entries");
        List<String> labels = entries.stream().map(e -> e.get("key") + " " + e.get("event")).toList();
        assertThat(labels).contains("santa-clara-county-detainer-policy-2011 ADOPTED", "ca-sb54-2017 SIGNED",
                "ca-sb54-2017 EFFECTIVE", "us-ice-policy-10074-2 EFFECTIVE", "us-secure-communities EFFECTIVE",
                "ca9-2019-united-states-v-california DECIDED", "scotus-2020-united-states-v-california DECIDED",
                "ca9-2020-gonzalez-v-ice DECIDED");
        assertThat(labels).doesNotContain("tx-sb4-2017 SIGNED", "il-trust-act-2017 SIGNED",
                "mass-2017-lunn-v-commonwealth DECIDED");
        assertThat(labels.indexOf("santa-clara-county-detainer-policy-2011 ADOPTED"))
                .isLessThan(labels.indexOf("us-ice-policy-10074-2 EFFECTIVE"));
        assertThat(labels.indexOf("us-ice-policy-10074-2 EFFECTIVE")).isLessThan(labels.indexOf("ca-sb54-2017 SIGNED"));
        assertThat(labels.indexOf("ca-sb54-2017 EFFECTIVE"))
                .isLessThan(labels.indexOf("ca9-2019-united-states-v-california DECIDED"));
        List<String> dates = entries.stream().map(e -> (String) e.get("date")).toList();
        assertThat(dates).isSorted();
        assertThat(entries).allSatisfy(e -> assertThat(e.get("verification")).isEqualTo("UNVERIFIED"));
    }

    @Test
    void fromAndToLimitTheTimeline() {
        given().auth().oauth2(alice).queryParam("from", "2018-01-01").queryParam("to", "2018-12-31")
                .when().get("/api/v1/jurisdictions/06085/timeline")
                .then().statusCode(200)
                .body("entries.date", everyItem(startsWith("2018-")))
                .body("entries.key", hasItems("ca-sb54-2017", "edcal-2018-united-states-v-california"))
                .body("entries.key", not(hasItem("santa-clara-county-detainer-policy-2011")));
    }

    @Test
    void badDatesAre400NamingTheParameterAndAnUnknownPlaceIs404() {
        given().auth().oauth2(alice).queryParam("at", "2018-13-01")
                .when().get("/api/v1/jurisdictions/CA/policies")
                .then().statusCode(400).contentType("application/problem+json").body("parameter", equalTo("at"));
        given().auth().oauth2(alice).queryParam("from", "2019-01-01").queryParam("to", "2018-01-01")
                .when().get("/api/v1/jurisdictions/CA/timeline")
                .then().statusCode(400).contentType("application/problem+json").body("parameter", equalTo("from"));
        given().auth().oauth2(alice).when().get("/api/v1/jurisdictions/99999/timeline")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
