package org.detainerlab.api.detainer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.detainerlab.api.testing.Jobs;
import org.detainerlab.api.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The facility of a row is the curated facility of its place, whatever the order in which releases are loaded and
 * places decided: for two overlapping releases of one state (a release series), the groups of groupBy=facility add
 * up to the total, and each facility's group equals the filtered count facility=X, the facility's total
 * (GET /api/v1/facilities/X), the rows a page returns for facility=X, and a count in SQL over the rows the series
 * reads with the rule written out here. Each scenario has its own year (one no other test loads) and its own
 * spellings, so that its questions read only its own rows.
 */
@QuarkusTest
class FacilityCountsAcrossReleasesTest {

    private static final String HEADER = "Detainer Prepare Date,Facility State,Detainer Facility,Detainer Lift Reason,"
            + "Detainer Type\n";
    private static final String COUNTY = "50007";

    @Inject
    AgroalDataSource dataSource;

    /** The spellings of one scenario: one that is a curated alias from the start, one a curator decides, one raw. */
    private record Spellings(String alias, String decided, String raw) {
        static Spellings of(int year) {
            return new Spellings("FCA" + year + " ALIAS JAIL", "FCA" + year + " DECIDED JAIL", "FCA" + year + " RAW JAIL");
        }
    }

    @Test
    void loadBothReleasesThenDecideThePlaceThenMoveIt() throws Exception {
        int year = 1995;
        Spellings s = Spellings.of(year);
        long f = facility("FCA " + year + " Facility F", s.alias());
        long h = facility("FCA " + year + " Facility H", "FCA" + year + " OTHER NAME OF H");
        load(year, s, true);
        load(year, s, false);
        check(year, List.of(f), List.of(s.decided(), s.raw()));

        decide(s.decided(), f);
        check(year, List.of(f), List.of(s.raw()));

        // the alias rows were matched to F when they loaded; their place now says H, and so does every count
        decide(s.alias(), h);
        Map<Long, Long> counts = check(year, List.of(f, h), List.of(s.raw()));
        assertThat(counts.get(h)).isEqualTo(rowsInSeries(year, "upper(btrim(d.facility_raw)) = ?", s.alias()));
        assertThat(loadTimeMatches(year, f)).as("rows still matched to F at load").isPositive();
    }

    @Test
    void decideThePlaceBetweenTheTwoLoads() throws Exception {
        int year = 1996;
        Spellings s = Spellings.of(year);
        long f = facility("FCA " + year + " Facility F", s.alias());
        load(year, s, true);
        decide(s.decided(), f);
        check(year, List.of(f), List.of(s.raw()));
        load(year, s, false);
        check(year, List.of(f), List.of(s.raw()));
    }

    @Test
    void addTheAliasAfterBothLoadsThenDecide() throws Exception {
        int year = 1997;
        Spellings s = Spellings.of(year);
        load(year, s, true);
        load(year, s, false);
        check(year, List.of(), List.of(s.alias(), s.decided(), s.raw()));

        long f = facility("FCA " + year + " Facility F", s.alias());
        check(year, List.of(f), List.of(s.decided(), s.raw()));
        assertThat(loadTimeMatches(year, f)).as("no row was matched to F at load").isZero();

        decide(s.decided(), f);
        check(year, List.of(f), List.of(s.raw()));
    }

    /**
     * Every count of the year's rows by facility agrees; the facilities and raw spellings named are exactly the
     * groups. Answers each facility's count.
     */
    private Map<Long, Long> check(int year, List<Long> facilities, List<String> rawNames) {
        String window = window(year);
        JsonPath grouped = stats(window + "&groupBy=facility");
        long total = stats(window).getLong("total");
        assertThat(grouped.getLong("total")).isEqualTo(total).isPositive();
        List<Map<String, Object>> rows = grouped.getList("rows");
        assertThat(rows.stream().mapToLong(r -> ((Number) r.get("count")).longValue()).sum())
                .as("the groups add up to the total").isEqualTo(total);
        List<Long> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Map<Long, Long> byFacility = new java.util.HashMap<>();
        for (Map<String, Object> row : rows) {
            Map<?, ?> group = (Map<?, ?>) row.get("group");
            long count = ((Number) row.get("count")).longValue();
            Number id = (Number) group.get("facilityId");
            if (id != null) {
                long facility = id.longValue();
                ids.add(facility);
                byFacility.put(facility, count);
                assertThat(stats(window + "&facility=" + facility).getLong("total")).as("facility=" + facility)
                        .isEqualTo(count);
                JsonPath summary = given().auth().oauth2(Tokens.accessToken("alice"))
                        .get("/api/v1/facilities/" + facility).then().statusCode(200).extract().jsonPath();
                assertThat(summary.getLong("detainers")).as("the facility's total").isEqualTo(count);
                assertThat(summary.getList("seenAs.detainers", Long.class).stream().mapToLong(Long::longValue).sum())
                        .as("its spellings seen").isEqualTo(count);
                assertThat(rowsInSeries(year, "p.facility_id = ?", facility)).as("SQL by the rule").isEqualTo(count);
                List<Object> page = page(window + "&facility=" + facility, "facilityId");
                assertThat(page).hasSize((int) count).allSatisfy(v -> assertThat(((Number) v).longValue()).isEqualTo(facility));
            } else {
                String name = (String) group.get("facility");
                names.add(name);
                assertThat(stats(window + "&facility=" + name).getLong("total")).as("facility=" + name)
                        .isEqualTo(count);
                assertThat(rowsInSeries(year, "p.facility_id is null and upper(btrim(d.facility_raw)) = ?", name))
                        .as("SQL by the rule").isEqualTo(count);
                assertThat(page(window + "&facility=" + name, "facilityId")).hasSize((int) count)
                        .containsOnlyNulls();
            }
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(facilities);
        assertThat(names).containsExactlyInAnyOrderElementsOf(rawNames);
        return byFacility;
    }

    private static String window(int year) {
        return "from=" + year + "-01-01&to=" + year + "-12-31";
    }

    /**
     * Loads the first release (January to June) or the second (April to September) of the year, both in Vermont, so
     * that they overlap in April to June and the series reads one of them there.
     */
    private static void load(int year, Spellings s, boolean first) throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        int from = first ? 1 : 4;
        int[] per = first ? new int[] {3, 2, 1} : new int[] {2, 3, 2};
        for (int month = from; month < from + 6; month++) {
            for (int day = 1; day <= 3; day++) {
                String date = LocalDate.of(year, month, day * 7 + (first ? 0 : 1)).toString();
                append(csv, date, s.alias(), per[0] * day % 4 + 1);
                append(csv, date, s.decided(), per[1]);
                append(csv, date, s.raw(), per[2]);
            }
        }
        Path file = Files.createTempFile("facility-counts-" + year, ".csv");
        Files.writeString(file, csv.toString());
        Jobs.loadRelease(file.toFile(), "Facility counts " + year + (first ? " first" : " second"));
    }

    private static void append(StringBuilder csv, String date, String spelling, int times) {
        for (int i = 0; i < times; i++) {
            csv.append(date).append(",VERMONT,").append(spelling).append(",,I247A\n");
        }
    }

    private static long facility(String name, String alias) {
        return given().auth().oauth2(Tokens.accessToken("carol")).contentType(ContentType.JSON)
                .body(Map.of("name", name, "stateCode", "VT", "countyCode", COUNTY, "aliases", List.of(alias)))
                .post("/api/v1/facilities").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A curator accepts the spelling's place in Vermont with the county and the facility given. */
    private void decide(String spelling, long facility) {
        long place = single("select id from place where facility_key = ?", spelling);
        String carol = Tokens.accessToken("carol");
        String etag = given().auth().oauth2(carol).get("/api/v1/places/review/" + place).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(carol).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("action", "ACCEPT", "countyCode", COUNTY, "facilityId", facility))
                .put("/api/v1/places/review/" + place).then().statusCode(200);
    }

    /** Rows of the year in the releases that still carry the facility matched when they were loaded. */
    private long loadTimeMatches(int year, long facility) {
        return single("select count(*) from detainer d where d.facility_id = ? and d.prepare_date between ? and ?",
                facility, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /**
     * The rows of the year that the release series reads (each part the answer's provenance names: release, days,
     * states), counted in SQL under a condition over the row {@code d} and its place {@code p}.
     */
    private long rowsInSeries(int year, String condition, Object value) {
        JsonPath answer = stats(window(year));
        List<Map<String, Object>> parts = answer.getList("provenance.series");
        assertThat(parts).isNotEmpty();
        StringBuilder sql = new StringBuilder("select count(*) from detainer d left join place p on p.id = d.place_id"
                + " left join jurisdiction s on s.id = d.state_id where " + condition + " and (false");
        List<Object> values = new ArrayList<>();
        values.add(value);
        for (Map<String, Object> part : parts) {
            sql.append(" or (d.release_id = ? and d.prepare_date between ? and ? and s.code = any(?))");
            values.add(((Number) part.get("release")).longValue());
            values.add(LocalDate.parse((String) part.get("from")));
            values.add(LocalDate.parse((String) part.get("to")));
            values.add(((List<?>) part.get("states")).toArray(new Object[0]));
        }
        sql.append(") and d.prepare_date between ? and ?");
        values.add(LocalDate.of(year, 1, 1));
        values.add(LocalDate.of(year, 12, 31));
        return single(sql.toString(), values.toArray());
    }

    private long single(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] instanceof Object[] array) {
                    statement.setArray(i + 1, connection.createArrayOf("text", array));
                } else {
                    statement.setObject(i + 1, values[i]);
                }
            }
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
                long found = rs.getLong(1);
                assertThat(rs.next()).as("one answer to " + sql).isFalse();
                return found;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonPath stats(String query) {
        return given().auth().oauth2(Tokens.accessToken("alice")).get("/api/v1/stats/detainers?" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    /** One field of every row a page of up to 1,000 rows returns. */
    private static List<Object> page(String query, String field) {
        JsonPath page = given().auth().oauth2(Tokens.accessToken("alice"))
                .get("/api/v1/detainers?limit=1000&fields=" + field + "&" + query).then().statusCode(200)
                .extract().jsonPath();
        assertThat(page.getString("next")).isNull();
        return page.getList("items." + field);
    }
}
