package org.detainerlab.api.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import io.restassured.response.Response;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.detainerlab.api.testing.CuratedFixtures;
import org.detainerlab.api.testing.Jobs;
import org.detainerlab.api.testing.Tokens;
import org.detainerlab.core.stats.StatsService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Statistics by policy regime against a release written here row by row, each row with the regime it must fall in
 * by construction, and two policies made here with a provision that neither the seed nor any other test uses: one
 * of Autauga County, AL, in force from 2010-03-15 (mid-month, so that month is counted from the rows) until it is
 * repealed on 2010-09-01, and one of Wyoming in force from 2010-06-01.
 */
@QuarkusTest
class PolicyRegimeApiTest {

    private static final String COLUMNS = "detainer_columns (the columnar copy of detainer)";

    @Inject
    StatsService statsService;

    private static final String PROVISION = "BARS_ICE_JAIL_ACCESS";
    private static final String COUNTY_JAIL = "AUTAUGA COUNTY JAIL";
    /** A facility name that names no county, without a city: its place has a state and no county. */
    private static final String NO_COUNTY = "REGIONAL DETENTION FACILITY";

    /** date, state (full name, as the 2015 layout publishes it), facility, lift reason, expected regime. */
    private record Row(String date, String state, String facility, String liftReason, String regime) {
    }

    private static final List<Row> ROWS = new ArrayList<>();

    static {
        add(3, "2010-02-10", "ALABAMA", COUNTY_JAIL, "", "NOT_IN_FORCE");
        add(2, "2010-03-10", "ALABAMA", COUNTY_JAIL, "Detainer Declined by LEA", "NOT_IN_FORCE");
        add(4, "2010-03-20", "ALABAMA", COUNTY_JAIL, "Detainer Declined by LEA", "IN_FORCE");
        add(5, "2010-05-05", "ALABAMA", COUNTY_JAIL, "Booked into Detention", "IN_FORCE");
        add(2, "2010-09-15", "ALABAMA", COUNTY_JAIL, "", "NOT_IN_FORCE");
        // Alabama, county unknown: while Autauga's policy is in force it could decide, otherwise nothing could
        add(3, "2010-04-10", "ALABAMA", NO_COUNTY, "", "PLACE_UNKNOWN");
        add(2, "2010-02-10", "ALABAMA", NO_COUNTY, "", "NOT_IN_FORCE");
        // Wyoming's own policy decides without a county
        add(4, "2010-07-01", "WYOMING", NO_COUNTY, "Detainer Declined by LEA", "IN_FORCE");
        add(1, "2010-05-31", "WYOMING", NO_COUNTY, "", "NOT_IN_FORCE");
        // another state: no policy there
        add(6, "2010-04-10", "TEXAS", NO_COUNTY, "", "NOT_IN_FORCE");
        // no state, no county: unknown while any state's or county's policy is in force, else not in force
        add(2, "2010-07-01", "", NO_COUNTY, "", "PLACE_UNKNOWN");
        add(1, "2010-01-05", "", NO_COUNTY, "", "NOT_IN_FORCE");
    }

    private static void add(int times, String date, String state, String facility, String liftReason, String regime) {
        for (int i = 0; i < times; i++) {
            ROWS.add(new Row(date, state, facility, liftReason, regime));
        }
    }

    private static String researcher;
    private static long release;
    private static String countyPolicy;
    private static String statePolicy;

    /** Once per class; in @BeforeEach because the application answers only once the test instance exists. */
    @BeforeEach
    void load() throws Exception {
        if (release != 0) {
            return;
        }
        researcher = Tokens.accessToken("alice");
        String admin = Tokens.accessToken("dave");
        StringBuilder csv = new StringBuilder("Prepare Date,Detainer Type,Detainer Detention Facility,State,City,"
                + "Detainer Lift Reason\n");
        for (Row row : ROWS) {
            csv.append(String.join(",", row.date(), "I-247A", row.facility(), row.state(), "", row.liftReason()))
                    .append('\n');
        }
        Path file = Files.createTempFile("policy-regime", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        JsonPath job = Jobs.await(admin, Jobs.upload(admin, file.toFile(), Map.of("title", "Policy regime test")));
        assertThat(job.getString("status")).isEqualTo("SUCCEEDED");
        release = job.getLong("releaseId");
        countyPolicy = policy("01001", "2010-03-15", "2010-09-01");
        statePolicy = policy("WY", "2010-06-01", null);
    }

    private static String policy(String jurisdiction, String effective, String repealed) {
        String key = CuratedFixtures.uniqueKey("regime-test");
        Map<String, Object> body = CuratedFixtures.policy(key);
        body.put("jurisdictions", List.of(jurisdiction));
        body.put("provisions", List.of(Map.of("provision", PROVISION,
                "sources", List.of(CuratedFixtures.source("Test Code 2-1")))));
        List<Map<String, Object>> events = new ArrayList<>(List.of(CuratedFixtures.event("ADOPTED", "2010-01-04"),
                CuratedFixtures.event("EFFECTIVE", effective)));
        if (repealed != null) {
            events.add(CuratedFixtures.event("REPEALED", repealed));
        }
        body.put("events", events);
        given().auth().oauth2(Tokens.accessToken("carol")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/policies").then().statusCode(201);
        return key;
    }

    private static JsonPath stats(String query) {
        return given().auth().oauth2(researcher).get("/api/v1/stats/detainers?" + query + "&release=" + release)
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    /** The answer's rows as "key|key|..." to count, in the order of {@code keys}. */
    private static Map<String, Long> counts(JsonPath answer, String... keys) {
        Map<String, Long> counts = new TreeMap<>();
        for (Map<String, Object> row : answer.<Map<String, Object>>getList("rows")) {
            Map<?, ?> group = (Map<?, ?>) row.get("group");
            List<String> values = new ArrayList<>();
            for (String key : keys) {
                values.add(String.valueOf(group.get(key)));
            }
            counts.put(String.join("|", values), ((Number) row.get("count")).longValue());
        }
        return counts;
    }

    private static Map<String, Long> expected(java.util.function.Function<Row, String> key) {
        Map<String, Long> expected = new TreeMap<>();
        ROWS.forEach(row -> expected.merge(key.apply(row), 1L, Long::sum));
        return expected;
    }

    @Test
    void theCountyJailRowsAreResolvedToAutaugaCounty() {
        assertThat(counts(stats("groupBy=county&state=AL"), "county"))
                .containsEntry("01001", ROWS.stream().filter(r -> r.facility().equals(COUNTY_JAIL)).count());
    }

    @Test
    void everyDetainerFallsInTheRegimeItWasWrittenFor() {
        JsonPath answer = stats("groupBy=policyRegime&provision=" + PROVISION);
        assertThat(counts(answer, "policyRegime")).isEqualTo(expected(Row::regime));
        assertThat(answer.getLong("total")).isEqualTo(ROWS.size());
        assertThat(answer.getList("provenance.policies.key", String.class))
                .containsExactlyInAnyOrder(countyPolicy, statePolicy);
        assertThat(answer.getList("provenance.policies.version", Integer.class)).containsOnly(1);
        assertThat(answer.getString("provenance.source")).isEqualTo(COLUMNS);
        try (StatsService.PostgresOnly postgres = statsService.postgresOnly()) {
            JsonPath fromPostgres = stats("groupBy=policyRegime&provision=" + PROVISION);
            assertThat(counts(fromPostgres, "policyRegime")).isEqualTo(expected(Row::regime));
            assertThat(fromPostgres.getString("provenance.source"))
                    .isEqualTo("detainer_rollup, and detainer for [2010-03]");
        }
        assertThat(answer.getString("provenance.query")).contains("groupBy=policyRegime").contains("provision=" + PROVISION);
        assertThat(answer.getList("provenance.notes", String.class)).anyMatch(n -> n.contains("PLACE_UNKNOWN when"));
    }

    @Test
    void byMonthStateAndOutcomeToo() {
        JsonPath byMonth = stats("groupBy=month,policyRegime&provision=" + PROVISION);
        assertThat(counts(byMonth, "month", "policyRegime"))
                .isEqualTo(expected(r -> r.date().substring(0, 7) + "|" + r.regime()));

        JsonPath byState = stats("groupBy=state,policyRegime,outcome&provision=" + PROVISION);
        Map<String, Long> expectedByState = expected(r -> code(r.state()) + "|" + r.regime() + "|"
                + (r.liftReason().isEmpty() ? "UNKNOWN"
                : r.liftReason().startsWith("Detainer Declined") ? "DECLINED" : "ICE_CUSTODY"));
        assertThat(counts(byState, "state", "policyRegime", "outcome")).isEqualTo(expectedByState);
        try (StatsService.PostgresOnly postgres = statsService.postgresOnly()) {
            assertThat(counts(stats("groupBy=month,policyRegime&provision=" + PROVISION), "month", "policyRegime"))
                    .isEqualTo(expected(r -> r.date().substring(0, 7) + "|" + r.regime()));
            assertThat(counts(stats("groupBy=state,policyRegime,outcome&provision=" + PROVISION), "state",
                    "policyRegime", "outcome")).isEqualTo(expectedByState);
        }
    }

    @Test
    void theRegimeAsAFilter() {
        JsonPath inForce = stats("groupBy=month&policyRegime=IN_FORCE&provision=" + PROVISION);
        Map<String, Long> expected = new TreeMap<>();
        ROWS.stream().filter(r -> r.regime().equals("IN_FORCE"))
                .forEach(r -> expected.merge(r.date().substring(0, 7), 1L, Long::sum));
        assertThat(counts(inForce, "month")).isEqualTo(expected);
        assertThat(inForce.getString("provenance.query")).contains("policyRegime=IN_FORCE");

        JsonPath declinedShare = stats("policyRegime=IN_FORCE,NOT_IN_FORCE&provision=" + PROVISION
                + "&outcome=DECLINED&measure=share&groupBy=policyRegime");
        long declinedInForce = ROWS.stream().filter(r -> r.regime().equals("IN_FORCE")
                && r.liftReason().startsWith("Detainer Declined")).count();
        long allInForce = ROWS.stream().filter(r -> r.regime().equals("IN_FORCE")).count();
        Map<String, Object> row = declinedShare.getMap("rows.find { it.group.policyRegime == 'IN_FORCE' }");
        assertThat(((Number) row.get("count")).longValue()).isEqualTo(declinedInForce);
        assertThat(((Number) row.get("groupTotal")).longValue()).isEqualTo(allInForce);
        assertThat(declinedShare.getList("rows.group.policyRegime", String.class))
                .containsExactlyInAnyOrder("IN_FORCE", "NOT_IN_FORCE");
    }

    @Test
    void aDayPreciseQuestionIsAnsweredFromTheRollupWithTheBoundaryMonthFromTheRowsAlike() {
        String question = "groupBy=policyRegime&provision=" + PROVISION + "&from=2010-03-16&to=2010-05-31";
        Map<String, Long> expected = new TreeMap<>();
        ROWS.stream().filter(r -> r.date().compareTo("2010-03-16") >= 0 && r.date().compareTo("2010-05-31") <= 0)
                .forEach(r -> expected.merge(r.regime(), 1L, Long::sum));
        JsonPath answer = stats(question);
        assertThat(answer.getString("provenance.source")).isEqualTo(COLUMNS);
        assertThat(counts(answer, "policyRegime")).isEqualTo(expected);
        try (StatsService.PostgresOnly postgres = statsService.postgresOnly()) {
            JsonPath fromPostgres = stats(question);
            // March 2010 is both the question's boundary month and a span's split month: the rows count it once
            assertThat(fromPostgres.getString("provenance.source"))
                    .isEqualTo("detainer_rollup, and detainer for [2010-03]");
            assertThat(counts(fromPostgres, "policyRegime")).isEqualTo(expected);
        }
    }

    @Test
    void aCuratorsChangeToAPolicyMovesTheAnswer() {
        // its own provision, so that this test's change leaves the other tests' policies alone
        String provision = "LIMITS_INFORMATION_SHARING";
        String key = CuratedFixtures.uniqueKey("regime-change");
        Map<String, Object> body = CuratedFixtures.policy(key);
        body.put("jurisdictions", List.of("01001"));
        body.put("provisions", List.of(provision));
        body.put("events", List.of(CuratedFixtures.event("ADOPTED", "2010-01-04"),
                CuratedFixtures.event("EFFECTIVE", "2010-05-01")));
        String carol = Tokens.accessToken("carol");
        String etag = given().auth().oauth2(carol).contentType(ContentType.JSON).body(body).post("/api/v1/policies")
                .then().statusCode(201).extract().header("ETag");
        String query = "groupBy=policyRegime&county=01001&provision=" + provision;
        JsonPath before = stats(query);
        assertThat(counts(before, "policyRegime")).isEqualTo(Map.of("IN_FORCE", 7L, "NOT_IN_FORCE", 9L));

        given().auth().oauth2(carol).contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("events", List.of(CuratedFixtures.event("ADOPTED", "2010-01-04"),
                        CuratedFixtures.event("EFFECTIVE", "2010-02-01"))))
                .patch("/api/v1/policies/" + key).then().statusCode(200);
        JsonPath after = stats(query);
        assertThat(after.getLong("provenance.dataGeneration")).isGreaterThan(before.getLong("provenance.dataGeneration"));
        assertThat(counts(after, "policyRegime")).isEqualTo(Map.of("IN_FORCE", 16L));
        assertThat(after.getList("provenance.policies.version", Integer.class)).containsExactly(2);
    }

    /**
     * A national policy decides every row on its days, with or without a state or county; over the columnar copy
     * its days are written into the statement as dates (PolicyRegimes.Sql.complete), over PostgreSQL bound as spans.
     */
    @Test
    void aNationalPolicyDecidesEveryRowOnItsDaysOnBothPaths() {
        // its own provision (the seed has it only in California from 2017), so the other tests' regimes stay as they are
        String provision = "REQUIRES_INTERVIEW_CONSENT";
        Map<String, Object> body = CuratedFixtures.policy(CuratedFixtures.uniqueKey("regime-nation"));
        body.put("jurisdictions", List.of("US"));
        body.put("provisions", List.of(provision));
        body.put("events", List.of(CuratedFixtures.event("ADOPTED", "2010-01-04"),
                CuratedFixtures.event("EFFECTIVE", "2010-04-01"), CuratedFixtures.event("REPEALED", "2010-06-15")));
        given().auth().oauth2(Tokens.accessToken("carol")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/policies").then().statusCode(201);
        long inForce = ROWS.stream().filter(r -> r.date().compareTo("2010-04-01") >= 0
                && r.date().compareTo("2010-06-15") < 0).count();
        String query = "groupBy=month,policyRegime&provision=" + provision;
        JsonPath answer = stats(query);
        assertThat(answer.getString("provenance.source")).isEqualTo(COLUMNS);
        Map<String, Long> byRegime = new TreeMap<>();
        counts(answer, "month", "policyRegime").forEach((k, v) -> byRegime.merge(k.substring(k.indexOf('|') + 1), v,
                Long::sum));
        assertThat(byRegime).isEqualTo(Map.of("IN_FORCE", inForce, "NOT_IN_FORCE", ROWS.size() - inForce));
        try (StatsService.PostgresOnly postgres = statsService.postgresOnly()) {
            assertThat(counts(stats(query), "month", "policyRegime")).isEqualTo(counts(answer, "month", "policyRegime"));
        }
    }

    /**
     * A regime of many distinct day intervals (17 counties' policies, each from its own day) is joined on the copy
     * rather than written out into the statement (PolicyRegimes.Sql.WRITTEN_OUT_UP_TO); it counts as PostgreSQL
     * counts it and as the rows were written.
     */
    @Test
    void aRegimeOfManyCountiesIsJoinedOnTheCopyAndCountsAsTheRowsSay() {
        // its own provision (the seed has it only for the nation in 2025)
        String provision = "LISTS_SANCTUARY_JURISDICTIONS";
        String carol = Tokens.accessToken("carol");
        for (int i = 0; i < 17; i++) {
            Map<String, Object> body = CuratedFixtures.policy(CuratedFixtures.uniqueKey("regime-many"));
            body.put("jurisdictions", List.of(String.format("01%03d", 1 + 2 * i)));
            body.put("provisions", List.of(provision));
            body.put("events", List.of(CuratedFixtures.event("ADOPTED", "2010-01-04"),
                    CuratedFixtures.event("EFFECTIVE", LocalDate.of(2010, 3, 1).plusDays(i).toString())));
            given().auth().oauth2(carol).contentType(ContentType.JSON).body(body).post("/api/v1/policies")
                    .then().statusCode(201);
        }
        // Autauga (01001) from March 1; Alabama's rows without a county and the rows without a state could be
        // decided by some county's policy from March 1 too
        String query = "groupBy=policyRegime&provision=" + provision;
        JsonPath answer = stats(query);
        assertThat(answer.getString("provenance.source")).isEqualTo(COLUMNS);
        assertThat(counts(answer, "policyRegime"))
                .isEqualTo(Map.of("IN_FORCE", 13L, "PLACE_UNKNOWN", 5L, "NOT_IN_FORCE", 17L));
        JsonPath byMonth = stats("groupBy=month,state,policyRegime&provision=" + provision);
        try (StatsService.PostgresOnly postgres = statsService.postgresOnly()) {
            assertThat(counts(stats(query), "policyRegime")).isEqualTo(counts(answer, "policyRegime"));
            assertThat(counts(stats("groupBy=month,state,policyRegime&provision=" + provision), "month", "state",
                    "policyRegime")).isEqualTo(counts(byMonth, "month", "state", "policyRegime"));
        }
    }

    @Test
    void theInverseListNamesThePlacesAndPolicies() {
        JsonPath april = places("2010-04-01");
        assertThat(april.getList("places.code", String.class)).containsExactly("01001");
        assertThat(april.getString("places[0].policies[0].key")).isEqualTo(countyPolicy);
        assertThat(april.getString("places[0].policies[0].title")).startsWith("Test ordinance");
        assertThat(april.getInt("places[0].policies[0].version")).isEqualTo(1);
        assertThat(april.getLong("places[0].policies[0].id")).isPositive();
        assertThat(april.getString("places[0].policies[0].since")).isEqualTo("2010-03-15");

        assertThat(places("2010-07-01").getList("places.code", String.class)).containsExactly("WY", "01001");
        assertThat(places("2010-09-01").getList("places.code", String.class)).containsExactly("WY");
        assertThat(places("2010-01-01").getList("places", Object.class)).isEmpty();
    }

    private static JsonPath places(String at) {
        return given().auth().oauth2(researcher).get("/api/v1/jurisdictions?provision=" + PROVISION + "&at=" + at)
                .then().statusCode(200).body("provision", equalTo(PROVISION)).body("at", equalTo(at))
                .extract().jsonPath();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/stats/detainers?groupBy=policyRegime&provision=BANS_EVERYTHING|provision|DECLINES_DETAINER_HOLDS",
            "/api/v1/stats/detainers?policyRegime=IN_FORCE|policyRegime|needs provision",
            "/api/v1/stats/detainers?groupBy=policyRegime|provision|needs provision",
            "/api/v1/stats/detainers?provision=BARS_287G|provision|read only with",
            "/api/v1/stats/detainers?policyRegime=SOMETIMES&provision=BARS_287G|policyRegime|IN_FORCE",
            "/api/v1/jurisdictions?provision=BANS_EVERYTHING|provision|DECLINES_DETAINER_HOLDS",
            "/api/v1/jurisdictions?provision=BARS_287G&at=2010-13-01|at|not a date",
            "/api/v1/jurisdictions?at=2010-01-01|at|only with provision",
            "/api/v1/jurisdictions?provision=BARS_287G&q=Cal|q|not read with"})
    void badInputIsA400NamingTheParameter(String path, String parameter, String says) {
        Response response = given().auth().oauth2(researcher).get(path);
        response.then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString(says));
        assertThat(response.asString()).contains("\"" + parameter + "\"");
    }

    private static String code(String state) {
        Map<String, String> codes = new HashMap<>(Map.of("ALABAMA", "AL", "WYOMING", "WY", "TEXAS", "TX"));
        return codes.getOrDefault(state, "null");
    }
}
