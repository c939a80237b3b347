package org.detainerlab.api.place;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.detainerlab.api.testing.Claims;
import org.detainerlab.api.testing.CuratedFixtures;
import org.detainerlab.api.testing.Jobs;
import org.detainerlab.api.testing.Tokens;
import org.detainerlab.ingest.generate.Layout;
import org.detainerlab.ingest.generate.SyntheticReleases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Places of a freshly loaded release are resolved without anyone asking; a curator's decision, under If-Match and
 * with history, changes the county statistics at once; bad decisions and bad crosswalks are refused, naming what.
 */
@QuarkusTest
class PlaceReviewApiTest {

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    private static long release;

    /** Once per class; in @BeforeEach because the application answers only once the test instance exists. */
    @BeforeEach
    void load() throws Exception {
        if (release != 0) {
            return;
        }
        Path file = Files.createTempFile("places-modern", ".csv");
        SyntheticReleases.write(Layout.ICE_MODERN_CSV, 4_000, 1207, file);
        String admin = Tokens.accessToken("dave");
        JsonPath job = Jobs.await(admin, Jobs.upload(admin, file.toFile(), Map.of()));
        assertThat(job.getString("status")).isEqualTo("SUCCEEDED");
        release = job.getLong("releaseId");
    }

    /**
     * The county's detainers in the release series, as a question that names no release counts them, and as a
     * place's {@code detainers} counts its rows (other test classes load releases with the same synthetic spellings).
     */
    private static long countyTotal(String county) {
        return given().auth().oauth2(Tokens.accessToken("alice"))
                .get("/api/v1/stats/detainers?county=" + county)
                .then().statusCode(200).extract().jsonPath().getLong("total");
    }

    /**
     * Two releases that hold the same days of one place: its {@code detainers} on the review page and in the
     * crosswalk count the release series' rows, each detainer once, as the statistics do; not both releases' rows.
     */
    @Test
    void aPlaceThatOverlappingReleasesBothHoldCountsItsDetainersOnce() throws Exception {
        String facility = "REVIEW OVERLAP JAIL " + System.nanoTime();
        long first = loadWyoming(facility, 3);
        long second = loadWyoming(facility, 5);
        long place;
        Map<Long, Long> rowsByRelease = new java.util.HashMap<>();
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement statement = connection.prepareStatement("select d.place_id, d.release_id,"
                     + " count(*) from detainer d where d.facility_raw = ? group by 1, 2")) {
            statement.setString(1, facility);
            try (java.sql.ResultSet rs = statement.executeQuery()) {
                place = 0;
                while (rs.next()) {
                    place = rs.getLong(1);
                    rowsByRelease.put(rs.getLong(2), rs.getLong(3));
                }
            }
        }
        assertThat(rowsByRelease).containsEntry(first, 3L).containsEntry(second, 5L).hasSize(2);
        long placeId = place;
        String alice = Tokens.accessToken("alice");
        long series = given().auth().oauth2(alice).get("/api/v1/stats/detainers?state=WY&from=1998-03-01&to=1998-03-31")
                .then().statusCode(200).extract().jsonPath().getLong("total");
        // the second release holds every day of the first: the series reads each day from one of them
        assertThat(series).isEqualTo(5);

        JsonPath view = given().auth().oauth2(alice).get("/api/v1/places/review/" + placeId).then().statusCode(200)
                .extract().jsonPath();
        assertThat(view.getLong("detainers")).isEqualTo(series);
        String crosswalk = given().auth().oauth2(alice).get("/api/v1/places/crosswalk").then().statusCode(200)
                .extract().asString();
        assertThat(crosswalk.lines().filter(line -> line.startsWith(placeId + ",")).toList())
                .singleElement().satisfies(line -> assertThat(line).endsWith("," + series));

        String admin = Tokens.accessToken("dave");
        given().auth().oauth2(admin).delete("/api/v1/releases/" + first).then().statusCode(204);
        given().auth().oauth2(admin).delete("/api/v1/releases/" + second).then().statusCode(204);
    }

    /** A release of {@code rows} detainers at one facility in Wyoming on consecutive days from 1998-03-10. */
    private static long loadWyoming(String facility, int rows) throws java.io.IOException {
        StringBuilder csv = new StringBuilder("Detainer Prepare Date,Facility State,Detainer Facility,"
                + "Detainer Lift Reason,Detainer Type\n");
        for (int i = 0; i < rows; i++) {
            csv.append("1998-03-").append(10 + i).append(",WYOMING,").append(facility).append(",,I247D\n");
        }
        Path file = Files.createTempFile("places-overlap", ".csv");
        Files.writeString(file, csv.toString());
        long id = Jobs.loadRelease(file.toFile(), "Places overlap " + rows + " " + facility);
        Files.delete(file);
        return id;
    }

    @Test
    void aCuratorsDecisionMovesTheCountyCountsAndIsKeptInHistory() {
        String alice = Tokens.accessToken("alice");
        String carol = Tokens.accessToken("carol");
        JsonPath proposed = given().auth().oauth2(alice).get("/api/v1/places/review?status=PROPOSED&limit=500")
                .then().statusCode(200).extract().jsonPath();
        // "NEW YORK COUNTY JAIL 2", "UTAH COUNTY ...": the synthetic names that name a county of their state
        Map<String, Object> place = proposed.getMap("find { it.county != null && it.method == 'NAME_PATTERN' && it.detainers > 0 }");
        assertThat(place).as("a place resolved by its name").isNotNull();
        long id = ((Number) place.get("id")).longValue();
        String county = (String) place.get("county");
        long detainers = ((Number) place.get("detainers")).longValue();
        assertThat(((Map<?, ?>) place.get("evidence")).get("pattern").toString()).contains("names a county");
        long before = countyTotal(county);
        assertThat(before).isGreaterThanOrEqualTo(detainers);

        Response read = given().auth().oauth2(carol).get("/api/v1/places/review/" + id);
        String etag = read.header("ETag");
        assertThat(etag).isEqualTo("\"place-" + id + "-v0\"");

        given().auth().oauth2(carol).contentType(ContentType.JSON).body(Map.of("action", "REJECT"))
                .put("/api/v1/places/review/" + id).then().statusCode(428);
        given().auth().oauth2(carol).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("action", "ACCEPT", "countyCode", "99999")).put("/api/v1/places/review/" + id)
                .then().statusCode(422).contentType("application/problem+json");
        String otherState = county.startsWith("06") ? "48201" : "06085";
        String wrongState = given().auth().oauth2(carol).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("action", "ACCEPT", "countyCode", otherState)).put("/api/v1/places/review/" + id)
                .then().statusCode(422).extract().asString();
        assertThat(wrongState).contains("countyCode").contains("is a county of");
        given().auth().oauth2(carol).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("action", "ACCEPT", "facilityId", 987654321)).put("/api/v1/places/review/" + id)
                .then().statusCode(422).body(org.hamcrest.Matchers.containsString("facilityId"));

        JsonPath rejected = given().auth().oauth2(carol).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("action", "REJECT", "note", "test: the name alone is not enough"))
                .put("/api/v1/places/review/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(rejected.getString("status")).isEqualTo("REJECTED");
        assertThat(rejected.getString("decidedBy")).isEqualTo("carol");
        assertThat(countyTotal(county)).isEqualTo(before - detainers);
        // a second curator who read the same version is stopped
        given().auth().oauth2(carol).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("action", "ACCEPT")).put("/api/v1/places/review/" + id).then().statusCode(412);

        String current = given().auth().oauth2(carol).get("/api/v1/places/review/" + id).header("ETag");
        JsonPath accepted = given().auth().oauth2(carol).contentType(ContentType.JSON).header("If-Match", current)
                .body(Map.of("action", "ACCEPT")).put("/api/v1/places/review/" + id)
                .then().statusCode(200).extract().jsonPath();
        assertThat(accepted.getString("status")).isEqualTo("ACCEPTED");
        assertThat(accepted.getString("county")).isEqualTo(county);
        assertThat(accepted.getLong("facilityId")).as("an accepted spelling becomes a facility").isPositive();
        assertThat(countyTotal(county)).isEqualTo(before);
        assertThat(given().auth().oauth2(alice).get("/api/v1/facilities/" + accepted.getLong("facilityId"))
                .then().statusCode(200).extract().jsonPath().getList("aliases")).contains(accepted.getString("facility"));

        JsonPath history = given().auth().oauth2(alice).get("/api/v1/places/review/" + id + "/history")
                .then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("actor")).containsExactly("carol", "carol");
        assertThat(history.getString("[0].note")).isEqualTo("test: the name alone is not enough");
    }

    private static long policyEffectTotal(String county, String policy) {
        JsonPath effect = given().auth().oauth2(Tokens.accessToken("alice")).get("/api/v1/stats/policy-effect?jurisdiction="
                + county + "&policy=" + policy + "&event=effective&months=60&release=" + release)
                .then().statusCode(200).extract().jsonPath();
        assertThat(effect.getString("provenance.query")).contains("county=" + county);
        return effect.getLong("before.total") + effect.getLong("after.total");
    }

    private static JsonPath checkClaim(long claim) {
        return given().auth().oauth2(Tokens.accessToken("alice")).queryParam("release", release)
                .post("/api/v1/claims/" + claim + "/check").then().statusCode(200).extract().jsonPath();
    }

    /** The county's detainers in this class's release, which the policy effect and the claim check are asked about. */
    private static long releaseCountyTotal(String county) {
        return given().auth().oauth2(Tokens.accessToken("alice"))
                .get("/api/v1/stats/detainers?county=" + county + "&release=" + release)
                .then().statusCode(200).extract().jsonPath().getLong("total");
    }

    @Test
    void policyEffectAndClaimsAboutACountyCountItsResolvedPlacesAndFollowADecision() {
        String carol = Tokens.accessToken("carol");
        // a proposed place with rows in this class's release (places are shared with the releases of other test
        // classes, and the real FY2015 release puts thousands of places ahead of it in the review list)
        long placeId;
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement statement = connection.prepareStatement("select p.id from place p"
                     + " join detainer d on d.place_id = p.id where d.release_id = ? and p.status = 'PROPOSED'"
                     + " and p.county_id is not null and p.facility_key <> '' group by p.id order by count(*) desc, p.id"
                     + " limit 1")) {
            statement.setLong(1, release);
            try (java.sql.ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).as("a proposed place with a county in this release").isTrue();
                placeId = rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Object> place = given().auth().oauth2(carol).get("/api/v1/places/review/" + placeId)
                .then().statusCode(200).extract().jsonPath().getMap("");
        long id = ((Number) place.get("id")).longValue();
        String county = (String) place.get("county");
        String state = (String) place.get("state");
        long total = releaseCountyTotal(county);

        String policy = CuratedFixtures.uniqueKey("county-effect");
        Map<String, Object> body = CuratedFixtures.policy(policy);
        body.put("events", List.of(CuratedFixtures.event("EFFECTIVE", "2025-01-01")));
        given().auth().oauth2(carol).contentType(ContentType.JSON).body(body).post("/api/v1/policies").then().statusCode(201);
        assertThat(policyEffectTotal(county, policy)).as("the policy effect's months cover the whole release")
                .isEqualTo(total);

        long unknownInState = given().auth().oauth2(Tokens.accessToken("alice"))
                .get("/api/v1/stats/detainers?groupBy=county&state=" + state + "&release=" + release)
                .then().statusCode(200).extract().jsonPath().getLong("rows.find { it.group.county == null }?.count ?: 0");
        JsonPath loaded = given().auth().oauth2(carol).get("/api/v1/releases/" + release).then().extract().jsonPath();
        Map<String, Object> query = Claims.countQuery(LocalDate.parse(loaded.getString("coverageFrom")),
                LocalDate.parse(loaded.getString("coverageTo")), 0);
        query.put("county", List.of(county));
        long claim = Claims.create(carol, Claims.claim("Detainers in county " + county + " numbered " + total, total, query));
        JsonPath checked = checkClaim(claim);
        assertThat(checked.getDouble("[0].computedValue")).isEqualTo((double) total);
        if (unknownInState > 0) {
            assertThat(checked.getString("[0].status")).isEqualTo("PARTIAL_COVERAGE");
            assertThat(checked.getString("[0].explanation")).contains(unknownInState + " such detainers in " + state
                    + " have no known county");
        } else {
            assertThat(checked.getString("[0].status")).isEqualTo("SUPPORTED");
        }

        String etag = given().auth().oauth2(carol).get("/api/v1/places/review/" + id).header("ETag");
        given().auth().oauth2(carol).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("action", "REJECT", "note", "test: policy effect follows places"))
                .put("/api/v1/places/review/" + id).then().statusCode(200);
        long without = releaseCountyTotal(county);
        assertThat(without).as("the rejected place's detainers leave the county").isLessThan(total);
        assertThat(policyEffectTotal(county, policy)).isEqualTo(without);
        JsonPath rejected = checkClaim(claim);
        assertThat(rejected.getDouble("[0].computedValue")).isEqualTo((double) without);
        assertThat(rejected.getString("[0].status")).isEqualTo("PARTIAL_COVERAGE");
        assertThat(rejected.getString("[0].explanation")).contains((unknownInState + total - without)
                + " such detainers in " + state + " have no known county");

        etag = given().auth().oauth2(carol).get("/api/v1/places/review/" + id).header("ETag");
        given().auth().oauth2(carol).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("action", "ACCEPT", "countyCode", county)).put("/api/v1/places/review/" + id)
                .then().statusCode(200);
        assertThat(policyEffectTotal(county, policy)).isEqualTo(total);
    }

    @Test
    void acceptingAllCuratedProposalsLinksEachPlaceToItsFacility() {
        String carol = Tokens.accessToken("carol");
        List<Map<String, Object>> unresolved = given().auth().oauth2(carol)
                .get("/api/v1/places/review?status=UNRESOLVED&limit=500").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.state == 'TX' && it.facility.length() > 8 && it.detainers > 0 }");
        assertThat(unresolved).as("an unresolved Texas place with a facility spelling").isNotEmpty();
        Map<String, Object> place = unresolved.get(unresolved.size() - 1);
        long id = ((Number) place.get("id")).longValue();
        String spelling = (String) place.get("facility");

        long facility = given().auth().oauth2(carol).contentType(ContentType.JSON)
                .body(Map.of("name", "Test facility for " + spelling, "stateCode", "TX", "countyCode", "48201",
                        "aliases", List.of(spelling)))
                .post("/api/v1/facilities").then().statusCode(201).extract().jsonPath().getLong("id");
        JsonPath proposed = given().auth().oauth2(carol).get("/api/v1/places/review/" + id).then().extract().jsonPath();
        assertThat(proposed.getString("status")).isEqualTo("PROPOSED");
        assertThat(proposed.getString("method")).isEqualTo("CURATED");

        given().auth().oauth2(carol).contentType(ContentType.JSON).body(Map.of("minConfidence", 1.0))
                .post("/api/v1/places/review/accept-all").then().statusCode(200)
                .body("accepted", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        JsonPath accepted = given().auth().oauth2(carol).get("/api/v1/places/review/" + id).then().extract().jsonPath();
        assertThat(accepted.getString("status")).isEqualTo("ACCEPTED");
        assertThat(accepted.getString("county")).isEqualTo("48201");
        assertThat(accepted.getLong("facilityId")).isEqualTo(facility);
        assertThat(given().auth().oauth2(carol).get("/api/v1/facilities/" + facility).then().extract().jsonPath()
                .getList("aliases")).contains(spelling);
    }

    @Test
    void everyAnswerSaysHowMuchHadACountyAndByWhichMethod() {
        JsonPath answer = given().auth().oauth2(Tokens.accessToken("alice"))
                .get("/api/v1/stats/detainers?groupBy=county&release=" + release).then().statusCode(200)
                .extract().jsonPath();
        assertThat(answer.getList("provenance.notes", String.class))
                .anyMatch(n -> n.startsWith("County known for ") && n.contains("facility name") && n.contains("unknown."));
        assertThat(answer.getList("rows.group.county")).contains((Object) null);
    }

    @Test
    void theCoverageOfAStateQuestionAgreesWithTheRollupsAndFollowsADecision() throws Exception {
        String carol = Tokens.accessToken("carol");
        // by month (the state rollup, coverage from county_coverage) and by county (the place-keyed rollup)
        String byMonth = "groupBy=month&state=NY&release=" + release;
        String byCounty = "groupBy=county&state=NY&release=" + release;
        assertThat(coverageNote(byMonth)).isEqualTo(coverageNote(byCounty));

        long id = proposedPlaceOf("NY");
        String before = coverageNote(byMonth);
        String etag = given().auth().oauth2(carol).get("/api/v1/places/review/" + id).header("ETag");
        given().auth().oauth2(carol).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("action", "REJECT", "note", "test: coverage follows places"))
                .put("/api/v1/places/review/" + id).then().statusCode(200);
        String after = coverageNote(byMonth);
        assertThat(after).isNotEqualTo(before).isEqualTo(coverageNote(byCounty));

        etag = given().auth().oauth2(carol).get("/api/v1/places/review/" + id).header("ETag");
        given().auth().oauth2(carol).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("action", "ACCEPT")).put("/api/v1/places/review/" + id).then().statusCode(200);
        assertThat(coverageNote(byMonth)).isEqualTo(before);
    }

    private static String coverageNote(String query) {
        return given().auth().oauth2(Tokens.accessToken("alice")).get("/api/v1/stats/detainers?" + query)
                .then().statusCode(200).extract().jsonPath().getList("provenance.notes", String.class).stream()
                .filter(n -> n.startsWith("County known for ")).findFirst().orElseThrow();
    }

    /** The proposed place with a county that has the most rows of this class's release in a state. */
    private long proposedPlaceOf(String state) throws java.sql.SQLException {
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement statement = connection.prepareStatement("select p.id from place p"
                     + " join detainer d on d.place_id = p.id join jurisdiction s on s.id = p.state_id"
                     + " where d.release_id = ? and s.code = ? and p.status = 'PROPOSED' and p.county_id is not null"
                     + " group by p.id order by count(*) desc, p.id limit 1")) {
            statement.setLong(1, release);
            statement.setString(2, state);
            try (java.sql.ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).as("a proposed place with a county in " + state).isTrue();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void countiesAreFoundByNameAndAnAmbiguousNameListsItsCandidates() {
        String alice = Tokens.accessToken("alice");
        assertThat(countyTotal("Santa Clara")).isEqualTo(countyTotal("06085"));
        assertThat(countyTotal("Santa Clara, CA")).isEqualTo(countyTotal("06085"));
        String orange = given().auth().oauth2(alice).get("/api/v1/stats/detainers?county=Orange")
                .then().statusCode(400).contentType("application/problem+json").extract().asString();
        assertThat(orange).contains("Orange, CA (06059)").contains("Orange, FL (12095)").contains("county");
        JsonPath matches = given().auth().oauth2(alice).get("/api/v1/places?q=santa clara")
                .then().statusCode(200).extract().jsonPath();
        assertThat(matches.getList("findAll { it.kind == 'county' }.value")).contains("06085");
        given().auth().oauth2(alice).get("/api/v1/places").then().statusCode(400);
    }

    @Test
    void aCrosswalkWithBadLinesIsRefusedWholeListingEachAndAGoodOneApplies() {
        String carol = Tokens.accessToken("carol");
        String csv = given().auth().oauth2(carol).get("/api/v1/places/crosswalk").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("place_id,state,facility,facility_code,city,status,method,county,county_name,"
                + "facility_id,confidence,detainers");
        String unresolved = java.util.Arrays.stream(lines).filter(l -> l.contains(",UNRESOLVED,") && l.contains(",UT,"))
                .findFirst().orElseThrow();
        String id = unresolved.substring(0, unresolved.indexOf(','));
        String bad = lines[0] + "\n" + id + ",UT,,,,ACCEPTED,,49035,,,,\n987654321,UT,,,,ACCEPTED,,49035,,,,\n"
                + id + ",UT,,,,ACCEPTED,,06085,,,,\n" + id + ",UT,,,,MAYBE,,49035,,,,\n";
        String refused = given().auth().oauth2(carol).contentType("text/csv").body(bad).put("/api/v1/places/crosswalk")
                .then().statusCode(422).extract().asString();
        assertThat(refused).contains("line 3: place_id").contains("line 4: county").contains("line 5: status");
        assertThat(given().auth().oauth2(carol).get("/api/v1/places/review/" + id).then().extract().jsonPath()
                .getString("status")).isEqualTo("UNRESOLVED");

        long saltLake = countyTotal("49035");
        given().auth().oauth2(carol).contentType("text/csv").body(lines[0] + "\n" + id + ",UT,,,,ACCEPTED,,49035,,,,\n")
                .put("/api/v1/places/crosswalk").then().statusCode(200).body("changed", org.hamcrest.Matchers.is(1));
        JsonPath place = given().auth().oauth2(carol).get("/api/v1/places/review/" + id).then().extract().jsonPath();
        assertThat(place.getString("status")).isEqualTo("ACCEPTED");
        assertThat(place.getString("method")).isEqualTo("CURATED");
        assertThat(countyTotal("49035")).isEqualTo(saltLake + place.getLong("detainers"));
        JsonPath facility = given().auth().oauth2(carol).get("/api/v1/facilities/" + place.getLong("facilityId"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(facility.getList("aliases")).as("an imported acceptance becomes a facility with the spelling as alias")
                .contains(place.getString("facility"));
        assertThat(facility.getString("countyCode")).isEqualTo("49035");
        assertThat(given().auth().oauth2(carol).get("/api/v1/places/review/" + id + "/history").then().extract()
                .jsonPath().getString("[-1].note")).contains("created facility " + place.getLong("facilityId"));
    }

    @Test
    void theReviewListPagesThroughEveryPlaceOnceFollowingItsLinkHeaders() {
        String alice = Tokens.accessToken("alice");
        List<Long> expected = new java.util.ArrayList<>();
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement statement = connection.prepareStatement("select id from place"
                     + " where status in ('UNRESOLVED', 'PROPOSED')");
             java.sql.ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                expected.add(rs.getLong(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(expected).hasSizeGreaterThan(3);
        int limit = Math.min(expected.size() / 3, 500);
        List<Long> seen = new java.util.ArrayList<>();
        List<Long> detainers = new java.util.ArrayList<>();
        String next = "/api/v1/places/review?limit=" + limit;
        int pages = 0;
        while (next != null) {
            Response response = given().urlEncodingEnabled(false).auth().oauth2(alice).get(next)
                    .then().statusCode(200).extract().response();
            List<Map<String, Object>> items = response.jsonPath().getList("");
            items.forEach(p -> {
                seen.add(((Number) p.get("id")).longValue());
                detainers.add(((Number) p.get("detainers")).longValue());
            });
            String link = response.header("Link");
            if (link != null) {
                assertThat(items).hasSize(limit);
                assertThat(link).matches("<http[^>]*/api/v1/places/review\\?[^>]*cursor=[^>]*>; rel=\"next\"");
                next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            } else {
                next = null;
            }
            pages++;
        }
        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(seen).as("every place once").doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(detainers.get(i) < detainers.get(i - 1)
                    || detainers.get(i).equals(detainers.get(i - 1)) && seen.get(i) > seen.get(i - 1))
                    .as("most detainers first, then by id, at " + i).isTrue();
        }

        String other = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("SOURCE||1|2|Sheet1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (String bad : List.of("not-a-cursor", other)) {
            given().auth().oauth2(alice).get("/api/v1/places/review?cursor=" + bad).then().statusCode(400)
                    .contentType("application/problem+json").body("parameter", org.hamcrest.Matchers.equalTo("cursor"));
        }
    }

    @Test
    void aReviewQuestionWithAnUnknownStatusOrAConfidenceOutsideZeroToOneIsRefusedNamingTheParameter() {
        String alice = Tokens.accessToken("alice");
        given().auth().oauth2(alice).get("/api/v1/places/review?status=PROPOSED&status=MAYBE").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", org.hamcrest.Matchers.equalTo("status"))
                .body("detail", org.hamcrest.Matchers.containsString("'MAYBE'"));
        for (String below : List.of("-0.1", "1.5")) {
            given().auth().oauth2(alice).get("/api/v1/places/review?below=" + below).then().statusCode(400)
                    .contentType("application/problem+json").body("parameter", org.hamcrest.Matchers.equalTo("below"));
        }
        given().auth().oauth2(alice).get("/api/v1/places/review?below=sure").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(alice).get("/api/v1/places/review?status=accepted&below=1").then().statusCode(200);
    }
}
