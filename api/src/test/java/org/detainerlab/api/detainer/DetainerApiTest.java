package org.detainerlab.api.detainer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.detainerlab.api.testing.Jobs;
import org.detainerlab.api.testing.Tokens;
import org.detainerlab.ingest.generate.Layout;
import org.detainerlab.ingest.generate.SyntheticReleases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Detainer rows through the API: cursor pages, filters, field selection and whole-set exports. */
@QuarkusTest
class DetainerApiTest {

    private static final int ROWS = 1_500;

    private static String researcher;
    private static long release;
    private static SyntheticReleases.Tally tally;

    /** Once per class; in @BeforeEach because the application answers only once the test instance exists. */
    @BeforeEach
    void load() throws Exception {
        if (tally != null) {
            return;
        }
        researcher = Tokens.accessToken("bob");
        String admin = Tokens.accessToken("dave");
        Path file = Files.createTempFile("rows-modern", ".csv");
        tally = SyntheticReleases.write(Layout.ICE_MODERN_CSV, ROWS, 4501, file);
        JsonPath job = Jobs.await(admin, Jobs.upload(admin, file.toFile(), Map.of("title", "Rows test release")));
        release = job.getLong("releaseId");
    }

    private static JsonPath page(String query) {
        return given().auth().oauth2(researcher).get("/api/v1/detainers?release=" + release + "&" + query)
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    /** Follows 'next' to the end and returns every row seen, in order. */
    private static List<Map<String, Object>> allPages(String query, int[] pages) {
        List<Map<String, Object>> rows = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = page(query + (cursor == null ? "" : "&cursor=" + cursor));
            rows.addAll(page.getList("items"));
            cursor = page.getString("next");
            pages[0]++;
        } while (cursor != null);
        return rows;
    }

    @Test
    void pagesCoverEveryRowOnceInProvenanceOrder() {
        int[] pages = {0};
        List<Map<String, Object>> rows = allPages("limit=400", pages);
        assertThat(pages[0]).isEqualTo(4);
        assertThat(rows).hasSize(ROWS);
        List<Integer> sourceRows = rows.stream().map(r -> (Integer) r.get("sourceRow")).toList();
        assertThat(sourceRows).isSorted().doesNotHaveDuplicates();
        assertThat(rows.get(0)).containsKeys("releaseId", "sourceSheet", "prepareDate", "state", "outcome", "redacted");
    }

    @Test
    void sortingByPrepareDateIsStableAcrossPages() {
        int[] pages = {0};
        List<Map<String, Object>> rows = allPages("sort=prepareDate&limit=333&fields=prepareDate", pages);
        assertThat(rows).hasSize(ROWS);
        assertThat(rows.stream().map(r -> (String) r.get("prepareDate")).toList()).isSorted();
        Set<Object> keys = new HashSet<>();
        rows.forEach(r -> keys.add(r.get("sourceSheet") + ":" + r.get("sourceRow")));
        assertThat(keys).hasSize(ROWS);
        assertThat(rows.get(0).keySet()).containsExactly("releaseId", "sourceSheet", "sourceRow", "prepareDate");
    }

    @Test
    void filtersSelectTheExpectedRows() {
        List<Map<String, Object>> declinedInCalifornia = allPages("state=California&outcome=DECLINED&limit=1000",
                new int[1]);
        assertThat((long) declinedInCalifornia.size()).isEqualTo(tally.declinedByState().get("CALIFORNIA"));
        assertThat(declinedInCalifornia).allSatisfy(r -> {
            assertThat(r.get("state")).isEqualTo("CA");
            assertThat(r.get("liftReason")).isEqualTo("Detainer Declined by LEA");
        });
        String month = tally.byMonth().keySet().iterator().next();
        long inMonth = allPages("from=" + month + "-01&to=" + month + "-31&fields=outcome&limit=1000", new int[1]).size();
        assertThat(inMonth).isEqualTo(tally.byMonth().get(month));
    }

    @Test
    void csvStreamsTheWholeFilteredSetWithItsProvenance() {
        Response csv = given().auth().oauth2(researcher).accept("text/csv")
                .get("/api/v1/detainers?release=" + release + "&fields=prepareDate,state,outcome");
        csv.then().statusCode(200).contentType(startsWith("text/csv"))
                .header("DetainerLab-Query", startsWith("/api/v1/detainers/export?release=" + release))
                .header("DetainerLab-Releases", startsWith(release + ";sha256="));
        List<String> lines = csv.asString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("releaseId,sourceSheet,sourceRow,prepareDate,state,outcome");
        assertThat(lines).hasSize(1 + ROWS);
        assertThat(lines.get(1)).startsWith(release + ",csv,2,");
    }

    @Test
    void theJsonExportHoldsEveryRow() {
        JsonPath export = given().auth().oauth2(researcher).accept("application/json")
                .get("/api/v1/detainers/export?release=" + release + "&outcome=UNKNOWN")
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
        assertThat((long) export.getList("items").size()).isEqualTo(tally.byLiftReason().get(""));
        assertThat(export.getList("provenance.releases.id", Long.class)).containsExactly(release);
        assertThat(export.getString("provenance.query")).contains("outcome=UNKNOWN");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "fields=prepareDate,shoeSize|fields",
            "cursor=not-a-cursor|cursor",
            "limit=0|limit",
            "limit=5000|limit",
            "sort=random|sort",
            "state=XX|state",
            "groupBy=state|groupBy"})
    void aBadParameterIs400NamingIt(String query, String parameter) {
        given().auth().oauth2(researcher).get("/api/v1/detainers?" + query)
                .then().statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo(parameter)).body("detail", containsString(parameter));
    }

    @Test
    void aCursorOfOneSortIsRefusedForAnother() {
        String next = page("limit=10").getString("next");
        given().auth().oauth2(researcher).get("/api/v1/detainers?release=" + release + "&sort=prepareDate&cursor=" + next)
                .then().statusCode(400).body("parameter", equalTo("cursor"))
                .body("detail", containsString("sort=source"));
    }

    @Test
    void rowPagesAndExportsAreCompressedForClientsThatAcceptGzip() throws IOException {
        RestAssuredConfig raw = RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        List<List<String>> asks = List.of(
                List.of("/api/v1/detainers?limit=1000&release=" + release, "application/json"),
                List.of("/api/v1/detainers?release=" + release, "text/csv"),
                List.of("/api/v1/detainers/export?release=" + release, "text/csv"),
                List.of("/api/v1/detainers/export?release=" + release, "application/json"));
        for (List<String> ask : asks) {
            String what = ask.get(1) + " from " + ask.get(0);
            byte[] plain = given().config(raw).auth().oauth2(researcher).accept(ask.get(1))
                    .header("Accept-Encoding", "identity").get(ask.get(0)).then().statusCode(200)
                    .contentType(startsWith(ask.get(1))).header("Content-Encoding", nullValue()).extract().asByteArray();
            byte[] compressed = given().config(raw).auth().oauth2(researcher).accept(ask.get(1))
                    .header("Accept-Encoding", "gzip").get(ask.get(0)).then().statusCode(200)
                    .contentType(startsWith(ask.get(1))).header("Content-Encoding", "gzip").extract().asByteArray();
            byte[] inflated;
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
                inflated = in.readAllBytes();
            }
            assertThat(compressed.length).as(what).isLessThan(plain.length / 3);
            if (ask.get(1).equals("text/csv")) {
                assertThat(inflated).as(what).isEqualTo(plain);
            } else {
                // the provenance says when each answer was computed; the rows are the same
                assertThat(JsonPath.from(new String(inflated, StandardCharsets.UTF_8)).getList("items")).as(what)
                        .isEqualTo(JsonPath.from(new String(plain, StandardCharsets.UTF_8)).getList("items"))
                        .isNotEmpty();
            }
        }
    }
}
