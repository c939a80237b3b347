package org.detainerlab.api.claim;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.detainerlab.api.testing.GeneratedRelease;
import org.detainerlab.api.testing.Tokens;
import org.detainerlab.ingest.generate.SyntheticReleases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, point 5: the seed claim about homicide charges ("72 people with homicide charges released despite
 * detainers", October 2022 to February 2025) checked against a generated modern release covering FY2023-FY2025,
 * which covers the claim's whole period. The expected figure is counted here straight from the release's rows in
 * SQL, by the raw lift reason and the charge code's first two digits, not through the statistics engine. The seed
 * claim about sanctuary jurisdictions is checked by the policy regime of a provision on the same release.
 */
@QuarkusTest
class SeedClaimsOnModernReleasesTest {

    private static final LocalDate CLAIM_FROM = LocalDate.of(2022, 10, 1);
    private static final LocalDate CLAIM_TO = LocalDate.of(2025, 2, 6);

    private static String researcher;
    private static long release;
    private static SyntheticReleases.Tally tally;
    private static int port;

    @Inject
    AgroalDataSource dataSource;

    /** Once per class; in @BeforeEach because the application answers only once the test instance exists. */
    @BeforeEach
    void load() throws Exception {
        if (tally != null) {
            return;
        }
        researcher = Tokens.accessToken("alice");
        port = RestAssured.port;
        // Homicide is 1 charge in 110 and a declined detainer 7 in 100: 20,000 rows give a few dozen such rows.
        GeneratedRelease generated = GeneratedRelease.load("Seed claims test release FY2023-FY2025", 20_000, 2023, 2023);
        tally = generated.tally();
        release = generated.id();
    }

    /**
     * The release goes when the class is done: it covers FY2023-FY2025 in every state, so it would serve FY2023 in
     * the release series of every later test class in this application's database.
     */
    @AfterAll
    static void deleteRelease() {
        if (tally != null) {
            // RestAssured's port is the application's only while a test runs
            given().port(port).auth().oauth2(Tokens.accessToken("dave")).queryParam("force", "true")
                    .when().delete("/api/v1/releases/" + release).then().statusCode(204);
        }
    }

    /** The seed claim (imported by system) whose text contains {@code words}. */
    private static Object seed(String words) {
        List<Object> ids = given().auth().oauth2(researcher).queryParam("q", words).queryParam("size", 200)
                .when().get("/api/v1/claims").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("items").stream()
                .filter(item -> "system".equals(item.get("createdBy"))).map(item -> item.get("id")).toList();
        assertThat(ids).as(words).hasSize(1);
        return ids.get(0);
    }

    private static JsonPath check(Object id) {
        return given().auth().oauth2(researcher).queryParam("release", release)
                .when().post("/api/v1/claims/" + id + "/check").then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    /**
     * Declined detainers of the release prepared in the claim's period, all or those whose most serious charge code
     * is in an NCIC group (09 is homicide), counted from the rows. The lift reason is ICE's own wording, as the generator writes
     * it; a code a spreadsheet shortened (999 for 0999) is padded back to four digits.
     */
    private long declinedInRows(String ncicGroup) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select count(*) from detainer"
                     + " where release_id = ? and prepare_date between ? and ?"
                     + " and lift_reason_raw = 'Detainer Declined by LEA'"
                     + (ncicGroup == null ? "" : " and left(lpad(btrim(msc_charge_code), 4, '0'), 2) = '" + ncicGroup + "'"))) {
            statement.setLong(1, release);
            statement.setObject(2, CLAIM_FROM);
            statement.setObject(3, CLAIM_TO);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void theHomicideClaimIsComputedExactlyWhereTheReleaseCoversItsPeriod() throws Exception {
        long expected = declinedInRows("09");
        assertThat(expected).as("the generated release has declined detainers with homicide charges").isPositive();
        assertThat(expected).as("no more than the generator wrote with homicide charges")
                .isLessThanOrEqualTo(tally.byCharge().get("Homicide"));

        JsonPath result = check(seed("with homicide charges or convictions"));
        assertThat(result.getList("")).hasSize(1);
        assertThat(result.getString("[0].status")).as("the release covers 2022-10-01..2025-02-06 whole")
                .isEqualTo(expected == 72 ? "SUPPORTED" : "CONTRADICTED");
        assertThat(result.getDouble("[0].computedValue")).isEqualTo((double) expected);
        assertThat(result.getDouble("[0].claimedValue")).isEqualTo(72.0);
        assertThat(result.getDouble("[0].difference")).isEqualTo((double) expected - 72);
        assertThat(result.getLong("[0].release.id")).isEqualTo(release);
        assertThat(result.getString("[0].provenance.query")).contains("release=" + release)
                .contains("outcome=DECLINED").contains("chargeCategory=homicide")
                .contains("from=2022-10-01").contains("to=2025-02-06");
    }

    /** The release's detainers in the claim's period by policy regime of DECLINES_DETAINER_HOLDS, from the API. */
    private static Map<String, Long> declinedByRegime() {
        Map<String, Long> byRegime = new TreeMap<>();
        for (Map<String, Object> row : given().auth().oauth2(researcher)
                .queryParam("groupBy", "policyRegime").queryParam("provision", "DECLINES_DETAINER_HOLDS")
                .queryParam("outcome", "DECLINED").queryParam("from", CLAIM_FROM.toString())
                .queryParam("to", CLAIM_TO.toString()).queryParam("release", release)
                .when().get("/api/v1/stats/detainers").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("rows")) {
            byRegime.put((String) ((Map<?, ?>) row.get("group")).get("policyRegime"), ((Number) row.get("count")).longValue());
        }
        return byRegime;
    }

    /**
     * The sanctuary claim is checked as the declined detainers where a policy declining detainer holds was in force
     * (the nearest the data come to the claim's undefined list): its figure is the statistics API's IN_FORCE count
     * (PolicyRegimeApiTest checks that against the rows), the regimes together are every declined row of the period
     * (counted in SQL), and rows whose regime the data cannot decide make the check partial, saying how many.
     */
    @Test
    void theSanctuaryClaimCountsTheDeclinedDetainersWhereAPolicyDecliningHoldsWasInForce() throws Exception {
        Map<String, Long> byRegime = declinedByRegime();
        assertThat(byRegime.values().stream().mapToLong(Long::longValue).sum())
                .as("every declined row of the period in one regime").isEqualTo(declinedInRows(null));
        long inForce = byRegime.getOrDefault("IN_FORCE", 0L);
        assertThat(inForce).as("the generated release has declined detainers where such a policy was in force")
                .isPositive();
        long undecided = byRegime.getOrDefault("PLACE_UNKNOWN", 0L) + byRegime.getOrDefault("DATE_UNKNOWN", 0L);

        JsonPath result = check(seed("sanctuary jurisdictions declined"));
        assertThat(result.getList("")).hasSize(1);
        assertThat(result.getDouble("[0].computedValue")).isEqualTo((double) inForce);
        assertThat(result.getDouble("[0].claimedValue")).isEqualTo(25_000.0);
        assertThat(result.getString("[0].provenance.query")).contains("release=" + release)
                .contains("policyRegime=IN_FORCE").contains("provision=DECLINES_DETAINER_HOLDS");
        if (undecided > 0) {
            assertThat(result.getString("[0].status")).isEqualTo("PARTIAL_COVERAGE");
            assertThat(result.getString("[0].explanation")).contains(undecided + " such detainers have a regime the"
                    + " data cannot decide");
        } else {
            assertThat(result.getString("[0].status")).isEqualTo(inForce >= 25_000 ? "SUPPORTED" : "CONTRADICTED");
        }
    }
}
