package org.detainerlab.api.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.detainerlab.core.stats.StatsService;
import org.detainerlab.api.problem.Problem;
import org.detainerlab.api.testing.GeneratedRelease;
import org.detainerlab.api.testing.Tokens;
import org.detainerlab.ingest.generate.SyntheticReleases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14, point 4: the person and charge dimensions of the modern layouts, grouped and filtered, against a
 * generated release. Expected counts come from the detainer rows read back and classified here in Java (age bands,
 * charge groups), and for charge categories also from the generator's own tally, never from the SQL that answers.
 */
@QuarkusTest
class DimensionsApiTest {

    private static String researcher;
    private static long release;
    private static SyntheticReleases.Tally tally;
    private static List<Map<String, Object>> rows;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    StatsService statsService;

    private static final String COLUMNS = "detainer_columns (the columnar copy of detainer)";

    /** Once per class; in @BeforeEach because the application answers only once the test instance exists. */
    @BeforeEach
    void load() throws Exception {
        if (tally != null) {
            return;
        }
        researcher = Tokens.accessToken("alice");
        GeneratedRelease generated = GeneratedRelease.load("Dimensions test release", 3_000, 1414, 2024);
        tally = generated.tally();
        release = generated.id();
        rows = readRows();
    }

    private List<Map<String, Object>> readRows() throws Exception {
        List<Map<String, Object>> read = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select prepare_date, birth_year, criminality,"
                     + " threat_level, gender, citizenship_country, notify_release_request, msc_charge, msc_charge_code,"
                     + " detainer_type from detainer where release_id = ?")) {
            statement.setLong(1, release);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new HashMap<>();
                    LocalDate prepared = rs.getObject(1, LocalDate.class);
                    Integer birthYear = rs.getObject(2, Integer.class);
                    row.put("ageBand", prepared == null || birthYear == null ? null : band(prepared.getYear() - birthYear));
                    row.put("criminality", rs.getString(3));
                    row.put("threatLevel", rs.getString(4));
                    row.put("gender", rs.getString(5));
                    row.put("citizenshipCountry", rs.getString(6));
                    row.put("notifyRelease", rs.getObject(7, Boolean.class));
                    row.put("mscCharge", rs.getString(8));
                    row.put("chargeCode", rs.getString(9));
                    row.put("detainerType", rs.getString(10));
                    read.add(row);
                }
            }
        }
        assertThat(read).hasSize(3_000);
        return read;
    }

    private static String band(int age) {
        if (age < 18) {
            return "0-17";
        }
        if (age >= 65) {
            return "65+";
        }
        int[] starts = {18, 25, 35, 45, 55};
        int[] ends = {24, 34, 44, 54, 64};
        for (int i = 0; i < starts.length; i++) {
            if (age <= ends[i]) {
                return starts[i] + "-" + ends[i];
            }
        }
        throw new IllegalStateException("no band for " + age);
    }

    private static JsonPath stats(String query) {
        return given().auth().oauth2(researcher).get("/api/v1/stats/detainers?" + query + "&release=" + release)
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    private static Map<Object, Long> expected(Function<Map<String, Object>, Object> key) {
        Map<Object, Long> counts = new HashMap<>();
        rows.forEach(row -> counts.merge(String.valueOf(key.apply(row)), 1L, Long::sum));
        return counts;
    }

    private static Map<Object, Long> answered(JsonPath answer, String dimension) {
        Map<Object, Long> counts = new HashMap<>();
        for (Map<String, Object> row : answer.<Map<String, Object>>getList("rows")) {
            counts.put(String.valueOf(((Map<?, ?>) row.get("group")).get(dimension)), ((Number) row.get("count")).longValue());
        }
        return counts;
    }

    @ParameterizedTest
    @ValueSource(strings = {"criminality", "threatLevel", "gender", "citizenshipCountry", "ageBand", "notifyRelease",
            "mscCharge", "detainerType"})
    void eachDimensionGroupsExactlyAsTheRowsCount(String dimension) {
        Map<Object, Long> expected = expected(row -> row.get(dimension));
        assertThat(expected).as("the generator varies " + dimension).hasSizeGreaterThan(1);
        JsonPath answer = stats("groupBy=" + dimension);
        assertThat(answered(answer, dimension)).isEqualTo(expected);
        assertThat(answer.getLong("total")).isEqualTo(3_000);
        assertThat(answer.getString("provenance.source")).isEqualTo(COLUMNS);
        try (StatsService.PostgresOnly postgres = statsService.postgresOnly()) {
            JsonPath fromPostgres = stats("groupBy=" + dimension);
            assertThat(answered(fromPostgres, dimension)).isEqualTo(expected);
            assertThat(fromPostgres.getString("provenance.source")).startsWith("detainer").isNotEqualTo(COLUMNS);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"criminality", "threatLevel", "gender", "citizenshipCountry", "ageBand", "notifyRelease",
            "mscCharge", "detainerType"})
    void eachDimensionFiltersToItsGroupsCount(String dimension) {
        expected(row -> row.get(dimension)).forEach((value, count) -> {
            if (!value.equals("null")) {
                JsonPath answer = given().auth().oauth2(researcher).queryParam(dimension, value)
                        .queryParam("release", release).get("/api/v1/stats/detainers")
                        .then().statusCode(200).extract().jsonPath();
                assertThat(answer.getLong("total")).as(dimension + "=" + value).isEqualTo(count);
                assertThat(answer.getString("provenance.query")).contains(dimension + "=");
            }
        });
    }

    @Test
    void chargeCategoriesFollowTheCodesGroupAndTheGeneratorsTally() {
        Map<Object, Long> expected = expected(row -> {
            String code = (String) row.get("chargeCode");
            return code == null ? null : switch (code.substring(0, 2)) {
                case "09" -> "homicide";
                case "13" -> "assault";
                case "22" -> "burglary";
                case "23" -> "larceny";
                case "26" -> "fraud";
                case "35" -> "dangerous-drugs";
                case "52" -> "weapon-offenses";
                case "54" -> "traffic-offenses";
                default -> "unclassified";
            };
        });
        JsonPath answer = stats("groupBy=chargeCategory");
        assertThat(answered(answer, "chargeCategory")).isEqualTo(expected);
        assertThat(answer.getString("provenance.source")).isEqualTo(COLUMNS);
        try (StatsService.PostgresOnly postgres = statsService.postgresOnly()) {
            JsonPath fromRows = stats("groupBy=chargeCategory");
            assertThat(answered(fromRows, "chargeCategory")).isEqualTo(expected);
            assertThat(fromRows.getString("provenance.source")).isEqualTo("detainer");
            assertThat(stats("chargeCategory=homicide").getLong("total")).isEqualTo(tally.byCharge().get("Homicide"));
        }

        long homicide = tally.byCharge().get("Homicide");
        assertThat(homicide).isPositive();
        assertThat(stats("chargeCategory=homicide").getLong("total")).isEqualTo(homicide);
        assertThat(stats("chargeCategory=traffic-offenses").getLong("total"))
                .isEqualTo(tally.byCharge().get("Traffic Offenses") + tally.byCharge().get("Driving Under Influence Liquor"));
        assertThat(stats("chargeCategory=homicide,dangerous-drugs").getLong("total"))
                .isEqualTo(homicide + tally.byCharge().get("Dangerous Drugs"));
    }

    @Test
    void theNewDimensionsCombineWithEachOtherAndWithTheOutcome() {
        long expected = rows.stream().filter(r -> "Female".equals(r.get("gender")) && "25-34".equals(r.get("ageBand"))
                && Boolean.TRUE.equals(r.get("notifyRelease"))).count();
        JsonPath answer = stats("groupBy=outcome,gender&gender=Female&ageBand=25-34&notifyRelease=true");
        assertThat(answer.getLong("total")).isEqualTo(expected);
        assertThat(answer.getString("provenance.query")).contains("ageBand=25-34").contains("notifyRelease=true");
    }

    /**
     * The columnar copy answers when it is current; PostgreSQL (kept for when it is not, and for policy regimes)
     * answers criminality from the rollup and the person fields from the rows, the same counts.
     */
    @Test
    void theColumnarCopyOrElseCriminalityFromTheRollupAndTheOthersFromTheRows() {
        List<String> questions = List.of("groupBy=criminality,month", "groupBy=gender,month", "groupBy=month&threatLevel=1");
        List<JsonPath> columnar = questions.stream().map(DimensionsApiTest::stats).toList();
        columnar.forEach(answer -> assertThat(answer.getString("provenance.source")).isEqualTo(COLUMNS));
        try (StatsService.PostgresOnly postgres = statsService.postgresOnly()) {
            List<JsonPath> fromPostgres = questions.stream().map(DimensionsApiTest::stats).toList();
            assertThat(fromPostgres.get(0).getString("provenance.source")).isEqualTo("detainer_rollup");
            assertThat(fromPostgres.get(1).getString("provenance.source")).isEqualTo("detainer");
            assertThat(fromPostgres.get(2).getString("provenance.source")).isEqualTo("detainer");
            for (int i = 0; i < questions.size(); i++) {
                assertThat(fromPostgres.get(i).getList("rows")).as(questions.get(i))
                        .isEqualTo(columnar.get(i).getList("rows"));
            }
        }
    }

    @Test
    void theDetainerRowsTakeTheSameFilters() {
        long expected = rows.stream().filter(r -> "MEXICO".equals(r.get("citizenshipCountry"))
                && "homicide".equals(chargeGroup(r))).count();
        JsonPath page = given().auth().oauth2(researcher)
                .get("/api/v1/detainers?citizenshipCountry=MEXICO&chargeCategory=homicide&limit=1000&release=" + release)
                .then().statusCode(200).extract().jsonPath();
        assertThat(expected).isPositive();
        assertThat(page.getList("items")).hasSize((int) expected);
    }

    private static String chargeGroup(Map<String, Object> row) {
        String code = (String) row.get("chargeCode");
        return code != null && code.startsWith("09") ? "homicide" : null;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "groupBy=shoeSize|groupBy|chargeCategory",
            "chargeCategory=piracy|chargeCategory|homicide",
            "ageBand=10-20|ageBand|18-24",
            "notifyRelease=maybe|notifyRelease|true or false"})
    void anUnknownDimensionOrValueIsA400NamingTheParameter(String query, String parameter, String listed) {
        given().auth().oauth2(researcher).get("/api/v1/stats/detainers?" + query)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("parameter", equalTo(parameter)).body("detail", containsString(listed));
    }
}
