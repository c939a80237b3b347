package org.detainerlab.api.claim;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.detainerlab.api.testing.Claims;
import org.detainerlab.api.testing.RealReleases;
import org.detainerlab.api.testing.Tokens;
import org.detainerlab.core.testing.RealData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed claims checked on the real FY2015 release (ICE LESA-STU, FOIA 15-87693). Skipped, saying so, when the
 * data folder is absent.
 */
@QuarkusTest
class RealDataClaimsTest {

    private static String researcher;
    private static long release;

    @BeforeEach
    void load() {
        RealData.file(RealReleases.FY2015);
        if (researcher != null) {
            return;
        }
        release = RealReleases.fy2015();
        researcher = Tokens.accessToken("alice");
    }

    /** The ids of the seed claims (imported by system) whose text contains {@code words}. */
    private static List<Object> seeds(String words) {
        List<Object> ids = given().auth().oauth2(researcher).queryParam("q", words).queryParam("size", 200)
                .when().get("/api/v1/claims").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("items").stream()
                .filter(item -> "system".equals(item.get("createdBy"))).map(item -> item.get("id")).toList();
        assertThat(ids).as(words).isNotEmpty();
        return ids;
    }

    private static JsonPath check(Object id) {
        return given().auth().oauth2(researcher).queryParam("release", release)
                .when().post("/api/v1/claims/" + id + "/check").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theTwoFy2015ChecksAreSupported() {
        JsonPath prepared = check(seeds("detainers prepared 2015-01-01..2015-07-19 = 49,653").get(0));
        assertThat(prepared.getString("[0].status")).isEqualTo("SUPPORTED");
        assertThat(prepared.getDouble("[0].computedValue")).isEqualTo(49_653.0);
        assertThat(prepared.getLong("[0].release.id")).isEqualTo(release);
        assertThat(prepared.getString("[0].release.sha256")).hasSize(64);
        assertThat(prepared.getString("[0].provenance.query"))
                .isEqualTo("/api/v1/stats/detainers?measure=count&release=" + release + "&from=2015-01-01&to=2015-07-19");

        JsonPath declined = check(seeds("declined by LEA in the same months = 2,785").get(0));
        assertThat(declined.getString("[0].status")).isEqualTo("SUPPORTED");
        assertThat(declined.getDouble("[0].computedValue")).isEqualTo(2_785.0);
    }

    @Test
    void theClaimsAbout2022To2025AreOutsideTheReleaseOrNotCheckableSayingWhy() {
        for (String words : List.of("California's jails and prisons refused", "sanctuary jurisdictions declined",
                "with homicide charges or convictions", "Santa Clara County's main jail declined")) {
            for (Object id : seeds(words)) {
                JsonPath result = check(id);
                String status = result.getString("[0].status");
                String explanation = result.getString("[0].explanation");
                if (status.equals("PARTIAL_COVERAGE")) {
                    assertThat(explanation).as(words).contains("Release " + release + " covers 2014-10-")
                            .contains("none of the claim's period 2022-10-01..2025-02-06");
                } else {
                    assertThat(status).as(words).isEqualTo("NOT_CHECKABLE");
                    assertThat(explanation).as(words).startsWith("The data cannot check this claim: The data hold no");
                }
            }
        }
        assertThat(check(seeds("sanctuary jurisdictions declined").get(0)).getString("[0].status"))
                .isEqualTo("PARTIAL_COVERAGE");
        assertThat(check(seeds("California's jails and prisons refused").get(0)).getString("[0].status"))
                .isEqualTo("PARTIAL_COVERAGE");
        assertThat(check(seeds("with homicide charges or convictions").get(0)).getString("[0].status"))
                .isEqualTo("PARTIAL_COVERAGE");
    }

    /** Issue 14: the 2015 layout has no charge columns, so a count by charge category in its period is partial. */
    @Test
    void aChargeCategoryClaimInThe2015PeriodIsPartialForTheLayoutHasNoCharges() {
        Map<String, Object> query = Claims.countQuery(LocalDate.of(2015, 1, 1), LocalDate.of(2015, 7, 19), 0);
        query.put("outcome", List.of("DECLINED"));
        query.put("chargeCategory", List.of("homicide"));
        long id = Claims.create(Tokens.accessToken("carol"),
                Claims.claim("Declined detainers of people charged with homicide, 2015", 10, query));
        JsonPath result = check(id);
        assertThat(result.getString("[0].status")).isEqualTo("PARTIAL_COVERAGE");
        assertThat(result.getString("[0].explanation")).contains("release " + release + " has no charge codes")
                .contains("0 detainers");
    }
}
