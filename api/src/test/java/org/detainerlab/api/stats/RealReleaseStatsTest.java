package org.detainerlab.api.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.detainerlab.api.testing.RealReleases;
import org.detainerlab.api.testing.Tokens;
import org.detainerlab.core.stats.StatsService;
import org.detainerlab.core.testing.RealData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The statistics of the real FY2015 release (ICE LESA-STU, FOIA 15-87693) against the figures counted from the file
 * in ../shared/data/README.md. Skipped, saying so, when the data folder is absent.
 */
@QuarkusTest
class RealReleaseStatsTest {

    @Inject
    StatsService statsService;

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

    private static JsonPath stats(String query) {
        return given().auth().oauth2(researcher).get("/api/v1/stats/detainers?release=" + release + "&" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<Object, Long> counts(JsonPath answer, String key) {
        Map<Object, Long> counts = new LinkedHashMap<>();
        for (Map<String, Object> row : answer.<Map<String, Object>>getList("rows")) {
            counts.put(((Map<?, ?>) row.get("group")).get(key), ((Number) row.get("count")).longValue());
        }
        return counts;
    }

    @Test
    void monthlyTotals() {
        JsonPath answer = stats("groupBy=month");
        assertThat(counts(answer, "month")).containsExactly(
                Map.entry("2014-10", 11437L), Map.entry("2014-11", 9657L), Map.entry("2014-12", 8306L),
                Map.entry("2015-01", 7140L), Map.entry("2015-02", 7079L), Map.entry("2015-03", 8081L),
                Map.entry("2015-04", 8139L), Map.entry("2015-05", 7638L), Map.entry("2015-06", 7590L),
                Map.entry("2015-07", 3986L));
        assertThat(answer.getLong("total")).isEqualTo(79_053);
    }

    /** Issue 14: every detainer falls in one regime, and Santa Clara County's fall under its 2011 policy. */
    @Test
    void policyRegimesAddUpAndSantaClaraCountyFallsUnderItsPolicy() {
        JsonPath all = stats("groupBy=policyRegime&provision=DECLINES_DETAINER_HOLDS");
        Map<Object, Long> regimes = counts(all, "policyRegime");
        assertThat(regimes.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(79_053);
        assertThat(regimes).containsKeys("IN_FORCE", "NOT_IN_FORCE");

        JsonPath santaClara = stats("groupBy=policyRegime&provision=DECLINES_DETAINER_HOLDS&county=06085");
        long countyTotal = stats("county=06085").getLong("total");
        assertThat(countyTotal).isPositive();
        assertThat(counts(santaClara, "policyRegime")).containsExactly(Map.entry("IN_FORCE", countyTotal));
        assertThat(santaClara.getList("provenance.policies.key", String.class))
                .contains("santa-clara-county-detainer-policy-2011", "ca-ab4-2013")
                .doesNotContain("ca-sb54-2017", "cook-county-ordinance-11-o-73");
    }

    @Test
    void liftReasonCounts() {
        Map<Object, Long> reasons = counts(stats("groupBy=liftReason"), "liftReason");
        // A blank lift reason is a group of its own, whose key is null.
        assertThat(reasons.remove(null)).isEqualTo(52_263L);
        assertThat(reasons).containsOnly(
                Map.entry("Booked into Detention", 15877L), Map.entry("Detainer Declined by LEA", 5501L),
                Map.entry("Lifted", 3773L), Map.entry("Prosecutorial Discretion", 520L), Map.entry("Case Closed", 503L),
                Map.entry("Transferred", 299L), Map.entry("Alien Not Subject to Deportation", 180L),
                Map.entry("Early Release", 61L), Map.entry("United States Citizen Interviewed", 55L),
                Map.entry("Lifted - Lack of Funds", 10L), Map.entry("Lifted - Lack of Space", 8L), Map.entry("Died", 3L));
        JsonPath unknown = stats("outcome=UNKNOWN");
        assertThat(unknown.getLong("total")).isEqualTo(52_263);
    }

    @Test
    void declinedByState() {
        Map<Object, Long> declined = counts(stats("groupBy=state&outcome=DECLINED"), "state");
        assertThat(declined).contains(Map.entry("CA", 2134L), Map.entry("CO", 416L), Map.entry("NY", 399L),
                Map.entry("NV", 240L));
        assertThat(declined.get(null)).isEqualTo(1272L);
        assertThat(stats("state=California&outcome=declined").getLong("total")).isEqualTo(2134);
        List<String> lines = given().auth().oauth2(researcher).accept("text/csv")
                .get("/api/v1/detainers?release=" + release + "&state=CA&outcome=DECLINED&fields=facilityRaw")
                .then().statusCode(200).extract().asString().lines().toList();
        assertThat(lines).hasSize(1 + 2134);
    }

    @Test
    void theNprPeriodTotal() {
        JsonPath total = stats("from=2015-01-01&to=2015-07-19");
        assertThat(total.getLong("total")).isEqualTo(49_653);
        assertThat(total.getString("provenance.source")).isEqualTo("detainer_columns (the columnar copy of detainer)");
        assertThat(stats("from=2015-01-01&to=2015-07-19&outcome=DECLINED").getLong("total")).isEqualTo(2_785);
        try (StatsService.PostgresOnly postgres = statsService.postgresOnly()) {
            JsonPath fromPostgres = stats("from=2015-01-01&to=2015-07-19");
            assertThat(fromPostgres.getLong("total")).isEqualTo(49_653);
            // the NPR period ends on July 19: the whole months from the rollup, July from the rows
            assertThat(fromPostgres.getString("provenance.source"))
                    .isEqualTo("detainer_rollup_state, and detainer for [2015-07]");
            assertThat(stats("from=2015-01-01&to=2015-07-19&outcome=DECLINED").getLong("total")).isEqualTo(2_785);
        }
    }
}
