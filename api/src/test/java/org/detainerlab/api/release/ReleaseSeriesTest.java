package org.detainerlab.api.release;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.detainerlab.api.testing.Claims;
import org.detainerlab.api.testing.Jobs;
import org.detainerlab.api.testing.Tokens;
import org.detainerlab.core.stats.StatsService;
import org.detainerlab.ingest.generate.SyntheticReleases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The release series with two generated releases that overlap in time: a national one (2003) and a Pennsylvania
 * one loaded after it (mid-June 2003 to March 2004). Expected counts come from the generator's tallies (which
 * state and day each row it wrote has), never from the SQL under test. The years are ones no other test loads,
 * so default questions bounded to them read only these releases.
 */
@QuarkusTest
class ReleaseSeriesTest {

    @Inject
    StatsService statsService;

    private static final String PA = "PENNSYLVANIA";
    private static final String WINDOW = "from=2003-01-01&to=2004-12-31";

    private static String researcher;
    private static String admin;
    private static long national;
    private static long pennsylvania;
    private static SyntheticReleases.Tally nationalTally;
    private static SyntheticReleases.Tally paTally;
    private static LocalDate paFirst;
    private static LocalDate paLast;

    /** Once per class; in @BeforeEach because the application answers only once the test instance exists. */
    @BeforeEach
    void load() throws Exception {
        if (paTally != null) {
            return;
        }
        researcher = Tokens.accessToken("alice");
        admin = Tokens.accessToken("dave");
        Path nationalFile = Files.createTempFile("series-national", ".xlsx");
        nationalTally = SyntheticReleases.write2015(3_000, 1301, null, LocalDate.of(2003, 1, 1),
                LocalDate.of(2003, 12, 31), nationalFile);
        national = Jobs.loadRelease(nationalFile.toFile(), "Series test: national 2003");
        Path paFile = Files.createTempFile("series-pa", ".xlsx");
        paTally = SyntheticReleases.write2015(900, 1302, PA, LocalDate.of(2003, 6, 15), LocalDate.of(2004, 3, 31),
                paFile);
        pennsylvania = Jobs.loadRelease(paFile.toFile(), "Series test: Pennsylvania 2003-2004");
        paFirst = days(paTally).get(0);
        paLast = days(paTally).get(1);
    }

    private static JsonPath stats(String query) {
        return given().auth().oauth2(researcher).get("/api/v1/stats/detainers?" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    /** Which releases the series holds and which one wins where they overlap. */
    private enum Rank {
        PENNSYLVANIA_FIRST, NATIONAL_FIRST, NATIONAL_ONLY
    }

    /**
     * What the series holds by the generators' tallies: on each state and day, the rows of the release that ranks
     * first among those whose coverage (first to last day written) holds that day.
     */
    private static long expected(String state, Rank rank) {
        LocalDate nationalFirst = days(nationalTally).get(0);
        LocalDate nationalLast = days(nationalTally).get(1);
        long n = 0;
        for (Map.Entry<String, Long> e : nationalTally.byStateAndDay().entrySet()) {
            String[] key = e.getKey().split("\\|");
            LocalDate day = LocalDate.parse(key[1]);
            boolean taken = rank == Rank.PENNSYLVANIA_FIRST && key[0].equals(PA) && !day.isBefore(paFirst)
                    && !day.isAfter(paLast);
            if ((state == null || state.equals(key[0])) && !taken) {
                n += e.getValue();
            }
        }
        if (rank != Rank.NATIONAL_ONLY && (state == null || state.equals(PA))) {
            for (Map.Entry<String, Long> e : paTally.byStateAndDay().entrySet()) {
                LocalDate day = LocalDate.parse(e.getKey().split("\\|")[1]);
                boolean nationalHasIt = !day.isBefore(nationalFirst) && !day.isAfter(nationalLast);
                if (rank == Rank.PENNSYLVANIA_FIRST || !nationalHasIt) {
                    n += e.getValue();
                }
            }
        }
        return n;
    }

    /** The first and last day a tally holds. */
    private static List<LocalDate> days(SyntheticReleases.Tally tally) {
        List<LocalDate> days = tally.byStateAndDay().keySet().stream()
                .map(k -> LocalDate.parse(k.split("\\|")[1])).sorted().toList();
        return List.of(days.get(0), days.get(days.size() - 1));
    }

    private static String etag(long release) {
        return given().auth().oauth2(admin).get("/api/v1/releases/" + release).then().statusCode(200)
                .extract().header("ETag");
    }

    @Test
    void aSingleStateFileIsProposedAsThatStateAndDefaultCountsReadEachDetainerOnce() {
        assertThat(given().auth().oauth2(researcher).get("/api/v1/releases/" + pennsylvania).jsonPath()
                .getList("scope")).containsExactly("PA");
        assertThat(given().auth().oauth2(researcher).get("/api/v1/releases/" + national).jsonPath()
                .getBoolean("national")).isTrue();

        JsonPath all = stats(WINDOW);
        assertThat(all.getLong("total")).isEqualTo(expected(null, Rank.PENNSYLVANIA_FIRST))
                .isLessThan(nationalTally.rows() + paTally.rows());
        assertThat(all.getString("provenance.query")).doesNotContain("release=");
        JsonPath pa = stats(WINDOW + "&state=PA");
        assertThat(pa.getLong("total")).isEqualTo(expected(PA, Rank.PENNSYLVANIA_FIRST));

        JsonPath both = stats(WINDOW + "&state=PA&release=" + national + "," + pennsylvania);
        assertThat(both.getLong("total")).isEqualTo(nationalTally.byState().get(PA) + paTally.rows());
        assertThat(both.getList("provenance.notes", String.class))
                .anyMatch(n -> n.contains("cover overlapping dates in PA") && n.contains("counted twice"));
    }

    @Test
    void provenanceListsThePartsAndTheGaps() {
        JsonPath pa = stats("from=2002-01-01&to=2004-12-31&state=PA");
        List<Map<String, Object>> parts = pa.getList("provenance.series");
        assertThat(parts).anySatisfy(p -> {
            assertThat(((Number) p.get("release")).longValue()).isEqualTo(pennsylvania);
            assertThat(p.get("from")).isEqualTo(paFirst.toString());
            assertThat(p.get("to")).isEqualTo(paLast.toString());
            assertThat(p.get("states")).isEqualTo(List.of("PA"));
        });
        assertThat(parts).anySatisfy(p -> {
            assertThat(((Number) p.get("release")).longValue()).isEqualTo(national);
            assertThat(p.get("to")).isEqualTo(paFirst.minusDays(1).toString());
        });
        assertThat(pa.getList("provenance.notes", String.class))
                .anyMatch(n -> n.startsWith("Gap: no loaded release covers PA from 2002-01-01 to "))
                .anyMatch(n -> n.startsWith("Gap: no loaded release covers PA from " + paLast.plusDays(1)
                        + " to 2004-12-31"));
        assertThat(pa.getString("provenance.source")).isEqualTo("detainer_columns (the columnar copy of detainer)");
        try (StatsService.PostgresOnly postgres = statsService.postgresOnly()) {
            JsonPath fromPostgres = stats("from=2002-01-01&to=2004-12-31&state=PA");
            assertThat(fromPostgres.getLong("total")).isEqualTo(pa.getLong("total"));
            assertThat(fromPostgres.getList("provenance.series")).isEqualTo(parts);
            // the boundary inside June 2003 cannot come from monthly counts
            assertThat(fromPostgres.getString("provenance.source")).isEqualTo("detainer");
            assertThat(stats("from=2003-01-01&to=2003-03-31&state=CA").getString("provenance.source"))
                    .isEqualTo("detainer_rollup_state");
        }
    }

    @Test
    void precedenceWithdrawalAndTheirGuards() {
        String paQuestion = WINDOW + "&state=PA";
        long generation = stats(paQuestion).getLong("provenance.dataGeneration");
        String tag = etag(national);

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("precedence", 10))
                .patch("/api/v1/releases/" + national).then().statusCode(428);
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", tag)
                .body(Map.of("states", List.of("PA", "Atlantis")))
                .patch("/api/v1/releases/" + national).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("states[1]"));
        given().auth().oauth2(researcher).contentType(ContentType.JSON).header("If-Match", tag)
                .body(Map.of("precedence", 10)).patch("/api/v1/releases/" + national).then().statusCode(403);

        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", tag)
                .body(Map.of("precedence", 10, "note", "the national file is the authoritative one"))
                .patch("/api/v1/releases/" + national).then().statusCode(200).body("precedence", equalTo(10));
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", tag)
                .body(Map.of("precedence", 5)).patch("/api/v1/releases/" + national).then().statusCode(412);
        JsonPath after = stats(paQuestion);
        assertThat(after.getLong("provenance.dataGeneration")).isGreaterThan(generation);
        assertThat(after.getLong("total")).isEqualTo(expected(PA, Rank.NATIONAL_FIRST))
                .isNotEqualTo(expected(PA, Rank.PENNSYLVANIA_FIRST));

        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", etag(national))
                .body(Map.of("precedence", 0)).patch("/api/v1/releases/" + national).then().statusCode(200);
        assertThat(stats(paQuestion).getLong("total")).isEqualTo(expected(PA, Rank.PENNSYLVANIA_FIRST));

        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", etag(pennsylvania))
                .body(Map.of("reason", "superseded by a corrected file"))
                .post("/api/v1/releases/" + pennsylvania + "/withdraw").then().statusCode(200)
                .body("withdrawn.reason", equalTo("superseded by a corrected file"));
        assertThat(stats(paQuestion).getLong("total")).isEqualTo(expected(PA, Rank.NATIONAL_ONLY));
        assertThat(given().auth().oauth2(researcher).get("/api/v1/releases?kind=DETAINERS").jsonPath()
                .getList("id", Long.class)).doesNotContain(pennsylvania);
        JsonPath named = stats(paQuestion + "&release=" + pennsylvania);
        assertThat(named.getLong("total")).isEqualTo(paTally.rows());
        assertThat(named.getList("provenance.notes", String.class)).anyMatch(n -> n.contains("was withdrawn"));

        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", etag(pennsylvania))
                .body(Map.of("reason", "the correction was withdrawn"))
                .post("/api/v1/releases/" + pennsylvania + "/restore").then().statusCode(200);
        assertThat(stats(paQuestion).getLong("total")).isEqualTo(expected(PA, Rank.PENNSYLVANIA_FIRST));
        List<String> actions = given().auth().oauth2(researcher).get("/api/v1/releases/" + pennsylvania + "/history")
                .jsonPath().getList("action");
        assertThat(actions).containsExactly("HIDE", "RESTORE");
    }

    @Test
    void aClaimChecksOnceAgainstTheSeriesAndACitedReleaseIsNotDeletedWithoutForce() throws Exception {
        String curator = Tokens.accessToken("carol");
        Map<String, Object> query = Claims.countQuery(LocalDate.of(2003, 1, 1), LocalDate.of(2003, 12, 31), 0);
        query.put("state", List.of("PA"));
        long claim = Claims.create(curator, Claims.claim("Pennsylvania detainers in 2003", expected2003(), query));

        JsonPath checked = given().auth().oauth2(researcher).post("/api/v1/claims/" + claim + "/check")
                .then().statusCode(200).extract().jsonPath();
        assertThat(checked.getList("")).hasSize(1);
        assertThat(checked.getString("[0].status")).isEqualTo("SUPPORTED");
        assertThat((Object) checked.get("[0].release")).isNull();
        assertThat(checked.getList("[0].series.release", Long.class)).contains(national, pennsylvania);
        assertThat(checked.getString("[0].provenance.query"))
                .isEqualTo("/api/v1/stats/detainers?measure=count&state=PA&from=2003-01-01&to=2003-12-31");

        Path file = Files.createTempFile("series-delete", ".xlsx");
        SyntheticReleases.write2015(50, 1303, "DELAWARE", LocalDate.of(2006, 1, 1), LocalDate.of(2006, 3, 31), file);
        long cited = Jobs.loadRelease(file.toFile(), "Series test: Delaware 2006, to delete");
        Map<String, Object> delaware = Claims.countQuery(LocalDate.of(2006, 1, 1), LocalDate.of(2006, 3, 31), 100);
        delaware.put("state", List.of("DE"));
        long deClaim = Claims.create(curator, Claims.claim("Delaware detainers early 2006", 50, delaware));
        given().auth().oauth2(researcher).post("/api/v1/claims/" + deClaim + "/check").then().statusCode(200);

        Response refused = given().auth().oauth2(admin).delete("/api/v1/releases/" + cited);
        refused.then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("claims " + deClaim));
        given().auth().oauth2(admin).get("/api/v1/releases/" + cited).then().statusCode(200);
        given().auth().oauth2(admin).queryParam("force", true).delete("/api/v1/releases/" + cited)
                .then().statusCode(204);
        given().auth().oauth2(admin).get("/api/v1/releases/" + cited).then().statusCode(404);
    }

    @Test
    void aFigureOnTheSeriesDriftsWhenTheSeriesChangesAndNotOtherwise() {
        String url = given().auth().oauth2(researcher).contentType(ContentType.JSON)
                .body(Map.of("title", "Pennsylvania 2003-2004 on the series", "query", WINDOW + "&state=PA"))
                .post("/api/v1/figures").then().statusCode(201).extract().jsonPath().getString("url");
        JsonPath saved = given().auth().oauth2(researcher).get(url).then().statusCode(200).extract().jsonPath();
        assertThat(saved.getBoolean("drifted")).isFalse();
        assertThat(saved.getLong("saved.total")).isEqualTo(expected(PA, Rank.PENNSYLVANIA_FIRST));

        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", etag(national))
                .body(Map.of("precedence", 10)).patch("/api/v1/releases/" + national).then().statusCode(200);
        try {
            JsonPath drifted = given().auth().oauth2(researcher).get(url).then().statusCode(200).extract().jsonPath();
            assertThat(drifted.getBoolean("drifted")).isTrue();
            assertThat(drifted.getLong("saved.total")).isEqualTo(expected(PA, Rank.PENNSYLVANIA_FIRST));
            assertThat(drifted.getLong("current.total")).isEqualTo(expected(PA, Rank.NATIONAL_FIRST));
            assertThat(drifted.getList("notes", String.class))
                    .anyMatch(n -> n.startsWith("The release series changed since the figure was saved"));
        } finally {
            given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", etag(national))
                    .body(Map.of("precedence", 0)).patch("/api/v1/releases/" + national).then().statusCode(200);
        }
        assertThat(given().auth().oauth2(researcher).get(url).jsonPath().getBoolean("drifted")).isFalse();
    }

    /** Pennsylvania in 2003 by the tallies: the national release before the Pennsylvania one, then that one. */
    private static long expected2003() {
        long n = 0;
        for (Map.Entry<String, Long> e : nationalTally.byStateAndDay().entrySet()) {
            String[] key = e.getKey().split("\\|");
            if (key[0].equals(PA) && LocalDate.parse(key[1]).isBefore(paFirst)) {
                n += e.getValue();
            }
        }
        for (Map.Entry<String, Long> e : paTally.byStateAndDay().entrySet()) {
            if (LocalDate.parse(e.getKey().split("\\|")[1]).getYear() == 2003) {
                n += e.getValue();
            }
        }
        return n;
    }
}
