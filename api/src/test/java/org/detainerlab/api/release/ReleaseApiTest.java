package org.detainerlab.api.release;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.detainerlab.api.testing.Jobs;
import org.detainerlab.api.testing.Tokens;
import org.detainerlab.ingest.generate.Layout;
import org.detainerlab.ingest.generate.SyntheticReleases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Releases through the API: upload, job progress, the release and its report, idempotence, deletion. */
@QuarkusTest
class ReleaseApiTest {

    @Inject
    AgroalDataSource dataSource;

    private static String admin;
    private static String researcher;

    @BeforeAll
    static void login() {
        admin = Tokens.accessToken("dave");
        researcher = Tokens.accessToken("alice");
    }

    @Test
    void anUploadBecomesAReleaseThatResearchersReadAndOnlyAdminsChange() throws Exception {
        Path file = Files.createTempFile("synthetic-modern", ".xlsx");
        SyntheticReleases.Tally tally = SyntheticReleases.write(Layout.ICE_MODERN_XLSX, 3_000, 42, file);

        long jobId = Jobs.upload(admin, file.toFile(), Map.of("title", "Synthetic FY24-26", "foiaNumber", "TEST-0001",
                "publisher", "DetainerLab test suite", "retrievedOn", "2026-11-21"));
        JsonPath job = Jobs.await(admin, jobId);
        assertThat(job.getString("status")).as(job.getString("message")).isEqualTo("SUCCEEDED");
        assertThat(job.getBoolean("alreadyLoaded")).isFalse();
        long releaseId = job.getLong("releaseId");

        given().auth().oauth2(researcher).get("/api/v1/releases/" + releaseId)
                .then().statusCode(200)
                .body("title", equalTo("Synthetic FY24-26"))
                .body("foiaNumber", equalTo("TEST-0001"))
                .body("retrievedOn", equalTo("2026-11-21"))
                .body("profile", equalTo("ice-modern"))
                .body("rowsRead", equalTo((int) tally.rows()))
                .body("rowsLoaded", equalTo((int) tally.rows()))
                .body("likelyDuplicates", equalTo((int) tally.duplicates()))
                .body("coverageFrom", notNullValue())
                .body("sha256", notNullValue());
        given().auth().oauth2(researcher).get("/api/v1/releases")
                .then().statusCode(200).body("id", hasItem((int) releaseId));
        given().auth().oauth2(researcher).get("/api/v1/releases/" + releaseId + "/report")
                .then().statusCode(200)
                .body("rowsRead", equalTo((int) tally.rows()))
                .body("rules.rule", hasItem("redacted"))
                .body("rules.find { it.rule == 'redacted' }.examples[0].sheet", notNullValue());

        long again = Jobs.upload(admin, file.toFile(), Map.of("title", "the same file again"));
        JsonPath second = Jobs.await(admin, again);
        assertThat(second.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(second.getBoolean("alreadyLoaded")).isTrue();
        assertThat(second.getLong("releaseId")).isEqualTo(releaseId);
        assertThat(second.getString("message")).contains("already loaded as release " + releaseId);

        given().auth().oauth2(researcher).delete("/api/v1/releases/" + releaseId).then().statusCode(403);
        given().auth().oauth2(researcher).multiPart("file", file.toFile()).post("/api/v1/releases").then().statusCode(403);
        assertThat(tables(releaseId)).containsExactlyInAnyOrder("detainer_r" + releaseId, "detainer_rollup_r" + releaseId);
        given().auth().oauth2(admin).delete("/api/v1/releases/" + releaseId).then().statusCode(204);
        given().auth().oauth2(researcher).get("/api/v1/releases/" + releaseId).then().statusCode(404);
        assertThat(tables(releaseId)).as("the release's partitions of detainer and detainer_rollup").isEmpty();
        Files.delete(file);
    }

    /** The partitions that hold a release's rows and rollup groups. */
    private List<String> tables(long releaseId) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select relname from pg_class where relkind = 'r' and relname in"
                     + " ('detainer_r" + releaseId + "', 'detainer_rollup_r" + releaseId + "')")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Test
    void a287gAgreementListIsRecognisedByItsHeader() throws Exception {
        Path file = Files.writeString(Files.createTempFile("participating", ".csv"),
                "STATE,LAW ENFORCEMENT AGENCY,TYPE,COUNTY,SUPPORT TYPE,SIGNED,MOA,ADDENDUM\n"
                        + "TX,Harris County Sheriff's Office,County,Harris,Jail Enforcement Model ,2025-01-02,,\n"
                        + "FL,Lake County Sheriff's Office,County,Lake,Task Force Model,2025-02-26,,\n");
        JsonPath job = Jobs.await(admin, Jobs.upload(admin, file.toFile(), Map.of("title", "287(g) test list")));
        assertThat(job.getString("status")).as(job.getString("message")).isEqualTo("SUCCEEDED");
        long releaseId = job.getLong("releaseId");
        given().auth().oauth2(researcher).get("/api/v1/releases/" + releaseId)
                .then().statusCode(200)
                .body("kind", equalTo("AGREEMENTS_287G"))
                .body("rowsLoaded", equalTo(2));
        given().auth().oauth2(researcher).queryParam("kind", "AGREEMENTS_287G").get("/api/v1/releases")
                .then().statusCode(200).body("id", hasItem((int) releaseId)).body("kind", everyItem(equalTo("AGREEMENTS_287G")));
        given().auth().oauth2(researcher).queryParam("kind", "TREATIES").get("/api/v1/releases")
                .then().statusCode(400).body("parameter", equalTo("kind"));
        given().auth().oauth2(admin).delete("/api/v1/releases/" + releaseId).then().statusCode(204);
        Files.delete(file);
    }

    @Test
    void badFormFieldsAre400NamingTheField() throws Exception {
        Path file = Files.writeString(Files.createTempFile("tiny", ".csv"), "a,b\n1,2\n");
        given().auth().oauth2(admin).multiPart("file", file.toFile()).multiPart("profile", "ice-1999")
                .post("/api/v1/releases").then().statusCode(400).body("parameter", equalTo("profile"));
        given().auth().oauth2(admin).multiPart("file", file.toFile()).multiPart("retrievedOn", "21/11/2026")
                .post("/api/v1/releases").then().statusCode(400).body("parameter", equalTo("retrievedOn"));
        given().auth().oauth2(admin).multiPart("title", "no file")
                .post("/api/v1/releases").then().statusCode(400).body("parameter", equalTo("file"));
        Files.delete(file);
    }
}
