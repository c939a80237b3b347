package org.detainerlab.api.claim;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.detainerlab.api.testing.Claims.claim;
import static org.detainerlab.api.testing.Claims.countQuery;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.detainerlab.api.testing.Claims;
import org.detainerlab.api.testing.Jobs;
import org.detainerlab.api.testing.Tokens;
import org.detainerlab.ingest.generate.Layout;
import org.detainerlab.ingest.generate.SyntheticReleases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The claims ledger: curated claims with ETags and history, and checks against a generated modern-layout release
 * whose counts the generator tallied as it wrote the file, apart from the ingest and the statistics.
 */
@QuarkusTest
class ClaimResourceTest {

    private static String curator;
    private static String researcher;
    private static long release;
    private static String sha256;
    private static LocalDate coverageFrom;
    private static LocalDate coverageTo;
    private static SyntheticReleases.Tally tally;

    /** Once per class; in @BeforeEach because the application answers only once the test instance exists. */
    @BeforeEach
    void load() throws Exception {
        if (tally != null) {
            return;
        }
        curator = Tokens.accessToken("carol");
        researcher = Tokens.accessToken("alice");
        String admin = Tokens.accessToken("dave");
        Path file = Files.createTempFile("claims-modern", ".csv");
        tally = SyntheticReleases.write(Layout.ICE_MODERN_CSV, 3_000, 4801, file);
        JsonPath job = Jobs.await(admin, Jobs.upload(admin, file.toFile(), Map.of("title", "Claims test release")));
        assertThat(job.getString("status")).isEqualTo("SUCCEEDED");
        release = job.getLong("releaseId");
        JsonPath view = given().auth().oauth2(researcher).get("/api/v1/releases/" + release).jsonPath();
        sha256 = view.getString("sha256");
        coverageFrom = LocalDate.parse(view.getString("coverageFrom"));
        coverageTo = LocalDate.parse(view.getString("coverageTo"));
    }

    private static long create(Map<String, Object> body) {
        return Claims.create(curator, body);
    }

    private static JsonPath check(long id, Long onRelease) {
        var request = given().auth().oauth2(researcher);
        if (onRelease != null) {
            request.queryParam("release", onRelease);
        }
        return request.when().post("/api/v1/claims/" + id + "/check").then().statusCode(200)
                .contentType("application/json").extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    /** The whole months strictly inside the release's coverage, and what the generator wrote in them. */
    private static long countInMonths(YearMonth first, YearMonth last) {
        long n = 0;
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            n += tally.byMonth().getOrDefault(m.toString(), 0L);
        }
        return n;
    }

    @Test
    void aClaimTheTallyBearsOutIsSupportedAndOneBeyondItsToleranceIsContradicted() {
        YearMonth first = YearMonth.from(coverageFrom).plusMonths(1);
        YearMonth last = YearMonth.from(coverageTo).minusMonths(1);
        long expected = countInMonths(first, last);
        Map<String, Object> query = countQuery(first.atDay(1), last.atEndOfMonth(), 10);

        long right = create(claim("Detainers in those months numbered " + expected, expected, query));
        JsonPath supported = check(right, release);
        assertThat(supported.getList("")).hasSize(1);
        assertThat(supported.getString("[0].status")).isEqualTo("SUPPORTED");
        assertThat(supported.getDouble("[0].computedValue")).isEqualTo((double) expected);
        assertThat(supported.getDouble("[0].difference")).isEqualTo(0.0);
        assertThat(supported.getLong("[0].release.id")).isEqualTo(release);
        assertThat(supported.getString("[0].release.sha256")).isEqualTo(sha256);
        assertThat(supported.getString("[0].provenance.query")).isEqualTo("/api/v1/stats/detainers?measure=count"
                + "&release=" + release + "&from=" + first.atDay(1) + "&to=" + last.atEndOfMonth());
        assertThat(supported.getString("[0].provenance.applicationVersion")).isNotBlank();
        assertThat(supported.getString("[0].provenance.computedAt")).isNotBlank();
        assertThat(supported.getString("[0].checkedBy")).isEqualTo("alice");
        assertThat(supported.getString("[0].checkedAt")).isNotBlank();

        long wrong = create(claim("Detainers in those months numbered " + (expected + 50), expected + 50, query));
        JsonPath contradicted = check(wrong, release);
        assertThat(contradicted.getString("[0].status")).isEqualTo("CONTRADICTED");
        assertThat(contradicted.getDouble("[0].computedValue")).isEqualTo((double) expected);
        assertThat(contradicted.getDouble("[0].claimedValue")).isEqualTo((double) expected + 50);
        assertThat(contradicted.getDouble("[0].difference")).isEqualTo(-50.0);
        assertThat(contradicted.getString("[0].explanation")).contains("beyond the tolerance");

        given().auth().oauth2(researcher).when().get("/api/v1/claims/" + wrong + "/checks")
                .then().statusCode(200).body("status", contains("CONTRADICTED"))
                .body("[0].release.sha256", equalTo(sha256));
    }

    @Test
    void aStatesShareOfTheNationalTotalIsTheTwoCountsDivided() {
        long declined = tally.declinedByState().values().stream().mapToLong(Long::longValue).sum();
        double share = (double) tally.declinedByState().get("CALIFORNIA") / declined;
        Map<String, Object> query = countQuery(coverageFrom, coverageTo, 0.0005);
        query.put("measure", "share");
        query.put("outcome", List.of("DECLINED"));
        query.put("state", List.of("California"));

        long id = create(claim("California declined a share of all declined detainers", share, query));
        JsonPath result = check(id, release);
        assertThat(result.getString("[0].status")).isEqualTo("SUPPORTED");
        assertThat(result.getDouble("[0].computedValue")).isCloseTo(share, within(1e-12));
        assertThat(result.getString("[0].explanation"))
                .contains(tally.declinedByState().get("CALIFORNIA") + " of " + declined);
    }

    @Test
    void aPeriodTheReleaseCoversOnlyInPartIsPartialCoverageSayingHowMuch() {
        Map<String, Object> query = countQuery(coverageFrom.minusDays(30), coverageTo, 0);
        long id = create(claim("All detainers, and a month before", tally.rows(), query));
        JsonPath result = check(id, release);
        assertThat(result.getString("[0].status")).isEqualTo("PARTIAL_COVERAGE");
        assertThat(result.getString("[0].explanation")).contains("covers " + coverageFrom + ".." + coverageTo)
                .contains("of the " + (ChronoUnit.DAYS.between(coverageFrom, coverageTo) + 31)
                        + " days");
        assertThat(result.getDouble("[0].computedValue")).isEqualTo((double) tally.rows());
        assertThat((Object) result.get("[0].difference")).isNull();

        Map<String, Object> longAgo = countQuery(LocalDate.of(1991, 1, 1), LocalDate.of(1991, 12, 31), 0);
        long old = create(claim("Detainers in 1991", 5, longAgo));
        JsonPath none = check(old, null);
        assertThat(none.getList("")).hasSize(1);
        assertThat(none.getString("[0].status")).isEqualTo("PARTIAL_COVERAGE");
        assertThat(none.getString("[0].explanation")).startsWith("No loaded release covers any of the claim's period"
                + " 1991-01-01..1991-12-31").contains("release " + release + " " + coverageFrom + ".." + coverageTo);
        assertThat((Object) none.get("[0].release")).isNull();
    }

    /** Issue 14: a claim can count by charge category; the generator's tally says how many homicide charges it wrote. */
    @Test
    void aClaimAboutAChargeCategoryIsCountedExactly() {
        long homicide = tally.byCharge().get("Homicide");
        Map<String, Object> query = countQuery(coverageFrom, coverageTo, 0);
        query.put("chargeCategory", List.of("homicide"));
        long id = create(claim("Detainers of people whose most serious charge is a homicide", homicide, query));
        JsonPath result = check(id, release);
        assertThat(result.getString("[0].status")).isEqualTo("SUPPORTED");
        assertThat(result.getDouble("[0].computedValue")).isEqualTo((double) homicide);
        assertThat(result.getString("[0].provenance.query")).contains("chargeCategory=homicide");
    }

    @Test
    void aClaimWithoutAQueryIsNotCheckableAndSaysWhy() {
        Map<String, Object> body = claim("Most of them re-offend", null, null);
        body.put("notCheckableReason", "The data hold no later arrests.");
        long id = create(body);
        JsonPath result = check(id, release);
        assertThat(result.getString("[0].status")).isEqualTo("NOT_CHECKABLE");
        assertThat(result.getString("[0].explanation")).contains("The data hold no later arrests.");
        assertThat((Object) result.get("[0].computedValue")).isNull();
    }

    @Test
    void editsNeedTheCurrentETagAndEveryChangeIsInTheHistory() {
        Map<String, Object> body = claim("First wording", 10, countQuery(coverageFrom, coverageTo, 0));
        var created = given().auth().oauth2(curator).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/claims").then().statusCode(201)
                .body("source.publisher", equalTo("Test Gazette")).body("source.published", equalTo("2025-03"))
                .body("query.measure", equalTo("count")).body("verified", equalTo(false))
                .extract();
        long id = created.jsonPath().getLong("id");
        String v1 = created.header("ETag");
        assertThat(v1).isEqualTo("\"claim-" + id + "-v1\"");
        String path = "/api/v1/claims/" + id;
        body.put("text", "Second wording");

        given().auth().oauth2(curator).contentType(ContentType.JSON).body(body).when().put(path)
                .then().statusCode(428).contentType("application/problem+json");
        String v2 = given().auth().oauth2(curator).header("If-Match", v1).contentType(ContentType.JSON).body(body)
                .when().put(path).then().statusCode(200).body("text", equalTo("Second wording"))
                .body("version", equalTo(2)).extract().header("ETag");
        given().auth().oauth2(curator).header("If-Match", v1).contentType(ContentType.JSON).body(body)
                .when().put(path).then().statusCode(412).contentType("application/problem+json")
                .header("ETag", equalTo(v2));

        given().auth().oauth2(researcher).when().get(path + "/history")
                .then().statusCode(200)
                .body("action", contains("CREATE", "UPDATE"))
                .body("actor", contains("carol", "carol"))
                .body("[1].before.text", equalTo("First wording"))
                .body("[1].after.text", equalTo("Second wording"));

        given().auth().oauth2(curator).when().delete(path).then().statusCode(428);
        given().auth().oauth2(curator).header("If-Match", v2).when().delete(path).then().statusCode(204);
        given().auth().oauth2(researcher).when().get(path).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(researcher).when().post(path + "/check").then().statusCode(404);
        given().auth().oauth2(researcher).when().get(path + "/history").then().statusCode(200)
                .body("action", contains("CREATE", "UPDATE", "DELETE"))
                .body("[2].before.text", equalTo("Second wording"))
                .body("[2].after", nullValue());
    }

    @Test
    void everyBrokenRuleIsA422FieldErrorAndNothingIsSaved() {
        String text = "Broken claim " + UUID.randomUUID();
        Map<String, Object> query = new HashMap<>();
        query.put("measure", "share");
        query.put("outcome", List.of("REFUSED"));
        query.put("tolerance", Map.of());
        Map<String, Object> body = claim(text, 1.5, query);
        body.put("notCheckableReason", "both at once");
        Map<String, Object> source = new HashMap<>(Map.of("publisher", "", "published", "March 2025"));
        body.put("source", source);

        given().auth().oauth2(curator).contentType(ContentType.JSON).body(body).when().post("/api/v1/claims")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("source.publisher", "source.published"));
        source.put("publisher", "Test Gazette");
        source.remove("published");
        given().auth().oauth2(curator).contentType(ContentType.JSON).body(body).when().post("/api/v1/claims")
                .then().statusCode(422)
                .body("errors.field", hasItems("notCheckableReason", "claimedValue", "query.from", "query.state",
                        "query.tolerance", "query.outcome"))
                .body("errors.find { it.field == 'claimedValue' }.message", containsString("52% is 0.52"));
        given().auth().oauth2(researcher).queryParam("q", text).when().get("/api/v1/claims")
                .then().statusCode(200).body("total", equalTo(0));

        Map<String, Object> bare = claim(text, null, null);
        given().auth().oauth2(curator).contentType(ContentType.JSON).body(bare).when().post("/api/v1/claims")
                .then().statusCode(422).body("errors.field", contains("notCheckableReason"));
        long id = create(claim(text, 1, countQuery(coverageFrom, coverageTo, 0)));
        given().auth().oauth2(researcher).queryParam("release", "x").when().post("/api/v1/claims/" + id + "/check")
                .then().statusCode(400).body("parameter", equalTo("release"));
        given().auth().oauth2(researcher).queryParam("release", 987654321).when()
                .post("/api/v1/claims/" + id + "/check")
                .then().statusCode(400).contentType("application/problem+json").body("parameter", equalTo("release"));
        given().auth().oauth2(researcher).when().get("/api/v1/claims/" + id + "/checks")
                .then().statusCode(200).body("", hasSize(0));
    }

    /** Issue 14: a claim by policy regime is checked by the statistics parser; its refusals stand beside the fields. */
    @Test
    void aPolicyRegimeWithoutItsProvisionOrAnUnknownProvisionIsA422FieldError() {
        String text = "Regime claim " + UUID.randomUUID();
        Map<String, Object> query = countQuery(coverageFrom, coverageTo, 0);
        query.put("policyRegime", List.of("IN_FORCE"));
        given().auth().oauth2(curator).contentType(ContentType.JSON).body(claim(text, 1, query))
                .when().post("/api/v1/claims").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("query.policyRegime"))
                .body("errors[0].message", containsString("provision"));
        query.put("provision", "BANS_EVERYTHING");
        given().auth().oauth2(curator).contentType(ContentType.JSON).body(claim(text, 1, query))
                .when().post("/api/v1/claims").then().statusCode(422)
                .body("errors.field", contains("query.provision"))
                .body("errors[0].message", containsString("DECLINES_DETAINER_HOLDS"));
        given().auth().oauth2(researcher).queryParam("q", text).when().get("/api/v1/claims")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void eachSeedClaimIsImportedOnceUnverifiedWithAnImportBySystem() throws Exception {
        JsonNode seeds;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("seed/claims.json")) {
            seeds = new ObjectMapper().readTree(in).get("claims");
        }
        assertThat(seeds).isNotEmpty();
        List<String> texts = new ArrayList<>();
        seeds.forEach(seed -> texts.add(seed.at("/claim/text").asText()));
        for (JsonNode seed : seeds) {
            String text = seed.at("/claim/text").asText();
            long sameText = texts.stream().filter(text::equals).count();
            JsonPath found = given().auth().oauth2(researcher).queryParam("q", text).queryParam("size", 200)
                    .when().get("/api/v1/claims").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = found.<Map<String, Object>>getList("items").stream()
                    .filter(item -> text.equals(item.get("text")) && "system".equals(item.get("createdBy"))).toList();
            assertThat(items).as(text).hasSize((int) sameText);
            for (Map<String, Object> item : items) {
                assertThat(item.get("verified")).isEqualTo(false);
                given().auth().oauth2(researcher).when().get("/api/v1/claims/" + item.get("id") + "/history")
                        .then().statusCode(200).body("action", contains("IMPORT")).body("actor", contains("system"))
                        .body("[0].after.notCheckableReason", seed.at("/claim/notCheckableReason").isMissingNode()
                                ? nullValue() : equalTo(seed.at("/claim/notCheckableReason").asText()));
            }
        }
    }
}
