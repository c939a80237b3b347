package org.detainerlab.api.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import org.detainerlab.api.testing.GeneratedRelease;
import org.detainerlab.api.testing.Jobs;
import org.detainerlab.api.testing.Tokens;
import org.detainerlab.core.detainer.FiscalYear;
import org.detainerlab.core.stats.StatsService;
import org.detainerlab.ingest.generate.Layout;
import org.detainerlab.ingest.generate.SyntheticReleases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The statistics API against a generated release whose expected counts the generator tallied as it wrote the
 * file, independently of the ingest and of the SQL that answers.
 */
@QuarkusTest
class StatsApiTest {

    private static final String DECLINED = "Detainer Declined by LEA";

    private static String researcher;
    private static long release;
    private static String sha256;
    private static SyntheticReleases.Tally tally;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    StatsService stats;

    private static final String COLUMNS = "detainer_columns (the columnar copy of detainer)";

    /** Once per class; in @BeforeEach because the application answers only once the test instance exists. */
    @BeforeEach
    void load() throws Exception {
        if (tally != null) {
            return;
        }
        researcher = Tokens.accessToken("alice");
        GeneratedRelease generated = GeneratedRelease.load("Stats test release", 4_000, 4401, 2024);
        tally = generated.tally();
        release = generated.id();
        sha256 = given().auth().oauth2(researcher).get("/api/v1/releases/" + release).jsonPath().getString("sha256");
    }

    private static JsonPath stats(String query) {
        return given().auth().oauth2(researcher).get("/api/v1/stats/detainers?" + query + "&release=" + release)
                .then().statusCode(200).contentType("application/json").extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    /**
     * Issue 19: the warm path. A repeated question must come from the cache as the bytes written the first time
     * (same computedAt), not be counted or serialised again; a different spelling of it is the same question.
     */
    @Test
    void aRepeatedQuestionIsAnsweredFromTheCacheAsWrittenTheFirstTime() {
        String query = "/api/v1/stats/detainers?groupBy=state,month&outcome=DECLINED&release=" + release;
        byte[] first = given().auth().oauth2(researcher).get(query).then().statusCode(200).extract().asByteArray();
        byte[] again = given().auth().oauth2(Tokens.accessToken("bob")).get(query)
                .then().statusCode(200).extract().asByteArray();
        byte[] respelled = given().auth().oauth2(researcher)
                .get("/api/v1/stats/detainers?outcome=declined&release=" + release + "&groupBy=state,month")
                .then().statusCode(200).extract().asByteArray();
        assertThat(again).isEqualTo(first);
        assertThat(respelled).isEqualTo(first);
        assertThat(JsonPath.from(new String(first, StandardCharsets.UTF_8))
                .getString("provenance.computedAt")).isNotBlank();
    }

    /**
     * Issue 19's cause: the answer grew to about 700 KB, and its bytes were most of what a repeated question cost. A
     * client that accepts gzip gets the same JSON compressed, compressed once however often the question is asked.
     */
    @Test
    void aClientThatAcceptsGzipGetsTheSameAnswerCompressedOnlyOnce() throws IOException {
        String query = "/api/v1/stats/detainers?groupBy=state,fiscalYear&outcome=DECLINED&release=" + release;
        RestAssuredConfig raw = RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        byte[] plain = given().config(raw).auth().oauth2(researcher).header("Accept-Encoding", "identity").get(query)
                .then().statusCode(200).header("Vary", containsString("Accept-Encoding"))
                .header("Content-Encoding", nullValue()).extract().asByteArray();
        long before = stats.compressions();
        List<byte[]> compressed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            compressed.add(given().config(raw).auth().oauth2(researcher).header("Accept-Encoding", "gzip, deflate")
                    .get(query).then().statusCode(200).contentType("application/json")
                    .header("Content-Encoding", "gzip").extract().asByteArray());
        }
        assertThat(stats.compressions() - before).isEqualTo(1);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed.get(0)))) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
        assertThat(compressed.get(0).length).isLessThan(plain.length);
        assertThat(compressed.get(2)).isEqualTo(compressed.get(0));
    }

    @Test
    void monthlyTotalsMatchWhatWasGenerated() {
        JsonPath answer = stats("groupBy=month");
        Map<String, Long> byMonth = new TreeMap<>();
        for (Map<String, Object> row : answer.<Map<String, Object>>getList("rows")) {
            byMonth.put((String) ((Map<?, ?>) row.get("group")).get("month"), ((Number) row.get("count")).longValue());
        }
        assertThat(byMonth).isEqualTo(tally.byMonth());
        assertThat(answer.getLong("total")).isEqualTo(4_000);
        assertThat(answer.getString("provenance.source")).isEqualTo(COLUMNS);
        try (StatsService.PostgresOnly postgres = stats.postgresOnly()) {
            JsonPath fromRollup = stats("groupBy=month");
            assertThat(fromRollup.getString("provenance.source")).isEqualTo("detainer_rollup_state");
            assertThat(fromRollup.getList("rows")).isEqualTo(answer.getList("rows"));
        }
    }

    @Test
    void declinedByStateMatchesAndTheUnstatedStateIsItsOwnGroup() {
        Map<String, Long> declined = byStateName(stats("groupBy=state&outcome=DECLINED"));
        assertThat(declined).isEqualTo(tally.declinedByState());
    }

    @Test
    void theDeclinedShareOfEachStateUsesAllOfTheStatesDetainersAsDenominator() {
        JsonPath answer = stats("groupBy=state&outcome=declined&measure=share");
        long declinedTotal = tally.declinedByState().values().stream().mapToLong(Long::longValue).sum();
        assertThat(answer.getLong("total")).isEqualTo(declinedTotal);
        List<Map<String, Object>> rows = answer.getList("rows");
        assertThat(rows).hasSize(tally.byState().size());
        double sharesOfTotal = 0;
        for (Map<String, Object> row : rows) {
            String state = stateKey(row);
            long expectedCount = tally.declinedByState().getOrDefault(state, 0L);
            long expectedGroup = tally.byState().get(state);
            assertThat(((Number) row.get("count")).longValue()).as(state).isEqualTo(expectedCount);
            assertThat(((Number) row.get("groupTotal")).longValue()).as(state).isEqualTo(expectedGroup);
            assertThat(((Number) row.get("shareWithinGroup")).doubleValue()).as(state)
                    .isCloseTo((double) expectedCount / expectedGroup, within(1e-12));
            sharesOfTotal += ((Number) row.get("shareOfTotal")).doubleValue();
        }
        assertThat(sharesOfTotal).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void outcomesAsAGroupGetTheirShareWithinEachOtherGroupIncludingZeros() {
        JsonPath answer = stats("groupBy=state,outcome&measure=share&state=CA,TX");
        List<Map<String, Object>> rows = answer.getList("rows");
        assertThat(rows).hasSize(2 * 5);
        for (String state : List.of("CALIFORNIA", "TEXAS")) {
            double sum = rows.stream().filter(r -> stateKey(r).equals(state))
                    .mapToDouble(r -> ((Number) r.get("shareWithinGroup")).doubleValue()).sum();
            assertThat(sum).as(state).isCloseTo(1.0, within(1e-9));
        }
    }

    @Test
    void liftReasonsAndFiscalYearsMatch() {
        Map<String, Long> reasons = new HashMap<>();
        for (Map<String, Object> row : stats("groupBy=liftReason").<Map<String, Object>>getList("rows")) {
            Object reason = ((Map<?, ?>) row.get("group")).get("liftReason");
            reasons.put(reason == null ? "" : (String) reason, ((Number) row.get("count")).longValue());
        }
        assertThat(reasons).isEqualTo(tally.byLiftReason());

        Map<Integer, Long> expectedYears = new TreeMap<>();
        tally.byMonth().forEach((month, n) -> expectedYears.merge(
                FiscalYear.of(java.time.LocalDate.parse(month + "-01")), n, Long::sum));
        Map<Integer, Long> years = new TreeMap<>();
        for (Map<String, Object> row : stats("groupBy=fiscalYear").<Map<String, Object>>getList("rows")) {
            years.put(((Number) ((Map<?, ?>) row.get("group")).get("fiscalYear")).intValue(), ((Number) row.get("count")).longValue());
        }
        assertThat(years).isEqualTo(expectedYears);
        assertThat(stats("fiscalYear=FY2025").getLong("total")).isEqualTo(expectedYears.get(2025));
    }

    @Test
    void bothRollupsTheRowsAndTheColumnarCopyGiveTheSameAnswers() {
        // The generator writes nothing before FY2024, so a range starting a day earlier holds the same rows.
        assertThat(tally.byMonth().keySet().iterator().next()).isEqualTo("2023-10");
        String aligned = "&from=2023-10-01&to=2026-09-30";
        String daily = "&from=2023-09-30&to=2026-09-30";

        JsonPath columnar = stats("groupBy=state,month,outcome" + daily);
        assertThat(columnar.getString("provenance.source")).isEqualTo(COLUMNS);
        JsonPath columnarByType = stats("groupBy=detainerType,fiscalYear,liftReason&criminality=1 Convicted Criminal"
                + daily);
        assertThat(columnarByType.getString("provenance.source")).isEqualTo(COLUMNS);
        try (StatsService.PostgresOnly postgres = stats.postgresOnly()) {
            JsonPath byState = stats("groupBy=state,month,outcome" + aligned);
            assertThat(byState.getList("rows")).isEqualTo(columnar.getList("rows"));
            JsonPath byType = stats("groupBy=detainerType,fiscalYear,liftReason&criminality=1 Convicted Criminal"
                    + aligned);
            assertThat(byType.getList("rows")).isEqualTo(columnarByType.getList("rows"));
            fromPostgresTheRollupsAndTheRowsAgree(aligned, daily);
        }
    }

    private void fromPostgresTheRollupsAndTheRowsAgree(String aligned, String daily) {
        JsonPath byState = stats("groupBy=state,month,outcome" + aligned);
        JsonPath byStateDaily = stats("groupBy=state,month,outcome" + daily);
        assertThat(byState.getString("provenance.source")).isEqualTo("detainer_rollup_state");
        // a day-precise bound: the whole months from the rollup, the bound's month from the rows
        assertThat(byStateDaily.getString("provenance.source"))
                .isEqualTo("detainer_rollup_state, and detainer for [2023-09]");
        assertThat(byStateDaily.getList("rows")).isEqualTo(byState.getList("rows"));

        JsonPath byType = stats("groupBy=detainerType,fiscalYear,liftReason&criminality=1 Convicted Criminal" + aligned);
        JsonPath byTypeDaily = stats("groupBy=detainerType,fiscalYear,liftReason&criminality=1 Convicted Criminal"
                + daily);
        assertThat(byType.getString("provenance.source")).isEqualTo("detainer_rollup");
        assertThat(byTypeDaily.getString("provenance.source")).isEqualTo("detainer_rollup, and detainer for [2023-09]");
        assertThat(byTypeDaily.getList("rows")).isEqualTo(byType.getList("rows"));
        assertThat(byType.getList("rows")).hasSizeGreaterThan(20);

    }

    /**
     * Issue 17: a range whose both ends fall inside months is answered from the monthly rollups for the whole
     * months and from the rows for the two boundary months; the counts equal those made from the rows by SQL, and
     * the county coverage note counts the same rows as the answer.
     */
    @Test
    void dayPreciseRangesCountTheBoundaryMonthsFromTheRowsAndTheRestFromTheRollups() throws Exception {
        String range = "&from=2024-01-17&to=2025-06-09";
        try (StatsService.PostgresOnly postgres = stats.postgresOnly()) {
            dayPreciseRangesCountAsTheRows(range, ", and detainer for [2024-01, 2025-06]");
        }
        dayPreciseRangesCountAsTheRows(range, COLUMNS);
    }

    /** The answers over {@code range} equal SQL over the rows; each names a source ending with {@code source}. */
    private void dayPreciseRangesCountAsTheRows(String range, String source) throws Exception {
        for (String groupBy : List.of("state,month,outcome", "county,detainerType", "fiscalYear")) {
            JsonPath answer = stats("groupBy=" + groupBy + range);
            assertThat(answer.getString("provenance.source")).as(groupBy).endsWith(source);
            String[] dimensions = groupBy.split(",");
            Map<List<String>, Long> api = new HashMap<>();
            for (Map<String, Object> row : answer.<Map<String, Object>>getList("rows")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> group = (Map<String, Object>) row.get("group");
                List<String> key = new ArrayList<>();
                for (String dimension : dimensions) {
                    Object value = group.get(dimension);
                    key.add(value instanceof Number n ? Long.toString(n.longValue()) : value == null ? null : value.toString());
                }
                api.put(key, ((Number) row.get("count")).longValue());
            }
            assertThat(api).as(groupBy).isEqualTo(fromRows(dimensions, "2024-01-17", "2025-06-09"));
        }
        JsonPath byCounty = stats("groupBy=county" + range);
        long total = byCounty.getLong("total");
        assertThat(total).isEqualTo(fromRows(new String[] {"fiscalYear"}, "2024-01-17", "2025-06-09").values().stream()
                .mapToLong(Long::longValue).sum());
        assertThat(byCounty.getList("provenance.notes", String.class))
                .anyMatch(note -> note.startsWith("County known for ") && note.contains(String.format(Locale.ROOT,
                        " of %,d rows", total)));
    }

    /** The groups counted straight from the detainer rows of the release, keys spelled as the API spells them. */
    private Map<List<String>, Long> fromRows(String[] dimensions, String from, String to) throws Exception {
        List<String> keys = new ArrayList<>();
        for (String dimension : dimensions) {
            keys.add(switch (dimension) {
                case "state" -> "s.code";
                case "county" -> "c.code";
                case "month" -> "to_char(d.prepare_date, 'YYYY-MM')";
                case "fiscalYear" -> "(extract(year from d.prepare_date + interval '3 months')::int)::text";
                case "outcome" -> "d.outcome";
                case "detainerType" -> "d.detainer_type";
                default -> throw new IllegalArgumentException(dimension);
            });
        }
        String sql = "select " + String.join(", ", keys) + ", count(*) from detainer d"
                + " left join jurisdiction s on s.id = d.state_id left join place p on p.id = d.place_id"
                + " left join jurisdiction c on c.id = p.county_id where d.release_id = ? and d.prepare_date between ?::date"
                + " and ?::date group by " + String.join(", ", keys);
        Map<List<String>, Long> groups = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, release);
            statement.setString(2, from);
            statement.setString(3, to);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String[] key = new String[dimensions.length];
                    for (int i = 0; i < key.length; i++) {
                        key[i] = rs.getString(i + 1);
                    }
                    groups.put(Arrays.asList(key), rs.getLong(dimensions.length + 1));
                }
            }
        }
        return groups;
    }

    @Test
    void smallCountsAreSuppressedInJsonAndCsv() {
        JsonPath answer = stats("groupBy=state&suppressBelow=50");
        for (Map<String, Object> row : answer.<Map<String, Object>>getList("rows")) {
            long expected = tally.byState().get(stateKey(row));
            if (expected < 50) {
                assertThat(row.get("count")).isNull();
                assertThat(row.get("suppressed")).isEqualTo(true);
            } else {
                assertThat(((Number) row.get("count")).longValue()).isEqualTo(expected);
            }
        }
        String csv = given().auth().oauth2(researcher).accept("text/csv")
                .get("/api/v1/stats/detainers?groupBy=state&suppressBelow=50&release=" + release)
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        String wyoming = csv.lines().filter(l -> l.startsWith("WY,")).findFirst().orElseThrow();
        assertThat(wyoming).isEqualTo("WY,Wyoming,,true");
    }

    @Test
    void everyAnswerCarriesItsProvenance() {
        JsonPath answer = stats("state=california&groupBy=outcome&outcome=DECLINED,ICE_CUSTODY&measure=share");
        assertThat(answer.getString("provenance.query")).isEqualTo("/api/v1/stats/detainers?groupBy=outcome"
                + "&measure=share&release=" + release + "&state=CA&outcome=DECLINED,ICE_CUSTODY");
        assertThat(answer.getLong("provenance.releases[0].id")).isEqualTo(release);
        assertThat(answer.getString("provenance.releases[0].sha256")).isEqualTo(sha256);
        assertThat(answer.getString("provenance.releases[0].coverageFrom")).isEqualTo(tally.byMonth().keySet()
                .iterator().next().substring(0, 4) + "-10-01");
        assertThat(answer.getString("provenance.applicationVersion")).isNotBlank();
        assertThat(answer.getString("provenance.computedAt")).isNotBlank();
        assertThat(answer.getList("provenance.notes", String.class)).anyMatch(n -> n.contains("UNKNOWN"));

        Response csv = given().auth().oauth2(researcher).accept("text/csv")
                .get("/api/v1/stats/detainers?groupBy=month&release=" + release);
        csv.then().statusCode(200).header("DetainerLab-Query", startsWith("/api/v1/stats/detainers?groupBy=month"))
                .header("Server-Timing", matchesPattern("app;dur=\\d+\\.\\d{3}"))
                .header("DetainerLab-Releases", containsString("sha256=" + sha256));
        assertThat(csv.asString().lines().findFirst().orElseThrow()).isEqualTo("month,count,suppressed");
        assertThat(csv.asString().lines().count()).isEqualTo(1 + tally.byMonth().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "groupBy=bogus|groupBy",
            "groupBy=state,month,outcome,year|groupBy",
            "groupBy=state,state|groupBy",
            "groupby=state|groupby",
            "from=2015-13-01|from",
            "to=19-07-2015|to",
            "from=2015-08-01&to=2015-07-19|from",
            "outcome=MAYBE|outcome",
            "state=Atlantis|state",
            "county=99999|county",
            "release=987654321|release",
            "fiscalYear=15|fiscalYear",
            "measure=median|measure",
            "suppressBelow=0|suppressBelow",
            "excludeLikelyDuplicates=perhaps|excludeLikelyDuplicates"})
    void aBadParameterIs400NamingIt(String query, String parameter) {
        given().auth().oauth2(researcher).get("/api/v1/stats/detainers?" + query)
                .then().statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo(parameter))
                .body("detail", containsString(parameter));
    }

    @Test
    void anAnswerWithoutChosenReleasesReadsTheSeriesWhichANewerReleaseJoins() throws Exception {
        List<Long> before = given().auth().oauth2(researcher).get("/api/v1/stats/detainers")
                .then().statusCode(200).extract().jsonPath().getList("provenance.releases.id", Long.class);
        String admin = Tokens.accessToken("dave");
        Path file = Files.createTempFile("stats-more", ".csv");
        SyntheticReleases.write(Layout.ICE_MODERN_CSV, 50, 4402, file);
        long added = Jobs.await(admin, Jobs.upload(admin, file.toFile(), Map.of())).getLong("releaseId");
        List<Long> after = given().auth().oauth2(researcher).get("/api/v1/stats/detainers")
                .then().statusCode(200).extract().jsonPath().getList("provenance.releases.id", Long.class);
        assertThat(before).doesNotContain(added);
        assertThat(after).contains(added);
        // The newer release ranks first, so a national release it covers entirely serves no day any more.
        JsonPath newer = given().auth().oauth2(researcher).get("/api/v1/releases/" + added).jsonPath();
        for (long gone : before.stream().filter(id -> !after.contains(id)).toList()) {
            JsonPath old = given().auth().oauth2(researcher).get("/api/v1/releases/" + gone).jsonPath();
            assertThat(old.getString("coverageFrom")).isGreaterThanOrEqualTo(newer.getString("coverageFrom"));
            assertThat(old.getString("coverageTo")).isLessThanOrEqualTo(newer.getString("coverageTo"));
        }
    }

    private static Map<String, Long> byStateName(JsonPath answer) {
        Map<String, Long> counts = new TreeMap<>();
        for (Map<String, Object> row : answer.<Map<String, Object>>getList("rows")) {
            counts.put(stateKey(row), ((Number) row.get("count")).longValue());
        }
        return counts;
    }

    /** The generator's key for a row's state: its upper-case name, "" when unstated. */
    private static String stateKey(Map<String, Object> row) {
        Object name = ((Map<?, ?>) row.get("group")).get("stateName");
        return name == null ? "" : ((String) name).toUpperCase(Locale.ROOT);
    }
}
