package org.detainerlab.api.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.detainerlab.api.testing.Jobs;
import org.detainerlab.api.testing.Tokens;
import org.detainerlab.bench.ColdQuestions;
import org.detainerlab.bench.DuckMirror;
import org.detainerlab.core.stats.StatsService;
import org.detainerlab.ingest.generate.Layout;
import org.detainerlab.ingest.generate.SyntheticReleases;
import org.junit.jupiter.api.Test;

/**
 * The cold benchmark compares the API with DuckDB only if both answer the same question: for sample questions of
 * every shape, the SQL the benchmark sends DuckDB, over the rows exported as the benchmark exports them, gives the
 * groups and counts the API answers, on a small generated release.
 */
@QuarkusTest
class ColdQuestionsExactTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    StatsService stats;

    @Test
    void duckDbOverTheExportedRowsAnswersEveryShapeAsTheApiDoes() throws Exception {
        String researcher = Tokens.accessToken("alice");
        Path file = Files.createTempFile("cold-questions", ".csv");
        SyntheticReleases.write(Layout.ICE_MODERN_CSV, 3_000, 1717, file);
        long release = Jobs.loadRelease(file.toFile(), "Cold questions exactness");
        Files.delete(file);
        String provision = "DECLINES_DETAINER_HOLDS";
        String rows = "d.release_id = " + release;
        String policies = given().auth().oauth2(researcher).get("/api/v1/stats/detainers?groupBy=policyRegime&provision="
                + provision + "&release=" + release).then().statusCode(200).extract().asString();
        Path parquet = Files.createTempFile("cold-questions", ".parquet");
        try (Connection postgres = dataSource.getConnection()) {
            ColdQuestions.Catalog catalog = DuckMirror.catalog(postgres, rows, provision);
            List<DuckMirror.Span> spans = DuckMirror.spans(postgres, policies);
            assertThat(spans).as("the seed's policies with " + provision).isNotEmpty();
            // five questions of each of the 18 shapes, every grouping among them
            List<ColdQuestions.Question> questions = ColdQuestions.draw(catalog, 90, 17);
            assertThat(questions.stream().flatMap(q -> q.groupBy().stream()).distinct())
                    .containsAll(ColdQuestions.DIMENSIONS);
            int answered = 0;
            try (DuckMirror duck = DuckMirror.export(postgres, rows, parquet, spans)) {
                for (ColdQuestions.Question question : questions) {
                    Map<List<String>, Long> api = api(researcher, question, "&release=" + release);
                    assertThat(duck.answer(question)).as(question.query()).isEqualTo(api);
                    answered += api.isEmpty() ? 0 : 1;
                }
                // the same questions answered by PostgreSQL's rollups and rows, as when the columnar copy is behind
                try (StatsService.PostgresOnly fromPostgres = stats.postgresOnly()) {
                    for (ColdQuestions.Question question : questions) {
                        assertThat(duck.answer(question)).as("PostgreSQL: " + question.query())
                                .isEqualTo(api(researcher, question, "&release=" + release));
                    }
                }
            }
            // a narrow filter may select nothing, but most questions must count something to compare
            assertThat(answered).isGreaterThan(questions.size() * 3 / 4);
        } finally {
            Files.deleteIfExists(parquet);
        }
    }

    /**
     * The benchmark's questions read the release series (no release=): exported with the series' condition
     * ({@link DuckMirror#seriesCondition}), DuckDB counts exactly the rows the API's series counts, whatever other
     * releases (overlapping ones too) the database holds.
     */
    @Test
    void theSeriesExportHoldsExactlyTheRowsTheSeriesCounts() throws Exception {
        String researcher = Tokens.accessToken("alice");
        for (int part = 0; part < 2; part++) {
            // the same fiscal years twice: the second release overlaps the first, and the series takes one per day
            Path file = Files.createTempFile("cold-series", ".csv");
            SyntheticReleases.write(Layout.ICE_MODERN_CSV, 1_500, 1800 + part, file, 2019);
            Jobs.loadRelease(file.toFile(), "Cold questions series " + part);
            Files.delete(file);
        }
        String provision = "DECLINES_DETAINER_HOLDS";
        String policies = given().auth().oauth2(researcher).get("/api/v1/stats/detainers?groupBy=policyRegime&provision="
                + provision).then().statusCode(200).extract().asString();
        Path parquet = Files.createTempFile("cold-series", ".parquet");
        try (Connection postgres = dataSource.getConnection()) {
            String series = DuckMirror.seriesCondition(postgres, policies);
            ColdQuestions.Catalog catalog = DuckMirror.catalog(postgres, series, provision);
            List<DuckMirror.Span> spans = DuckMirror.spans(postgres, policies);
            try (DuckMirror duck = DuckMirror.export(postgres, series, parquet, spans)) {
                for (ColdQuestions.Question question : ColdQuestions.draw(catalog, 18, 18)) {
                    assertThat(duck.answer(question)).as(question.query()).isEqualTo(api(researcher, question, ""));
                }
            }
        } finally {
            Files.deleteIfExists(parquet);
        }
    }

    /** The API's groups, keyed as DuckDB's answer is (each key as text, null where the source did not state it). */
    private static Map<List<String>, Long> api(String token, ColdQuestions.Question question, String release) {
        List<Map<String, Object>> rows = given().auth().oauth2(token).urlEncodingEnabled(false)
                .get("/api/v1/stats/detainers?" + question.query() + release)
                .then().statusCode(200).extract().jsonPath().getList("rows");
        Map<List<String>, Long> groups = new HashMap<>();
        for (Map<String, Object> row : rows) {
            @SuppressWarnings("unchecked")
            Map<String, Object> group = (Map<String, Object>) row.get("group");
            List<String> key = new ArrayList<>();
            for (String dimension : question.groupBy()) {
                Object value = group.get(dimension);
                key.add(value == null ? null : value.toString());
            }
            groups.put(key, ((Number) row.get("count")).longValue());
        }
        return groups;
    }
}
