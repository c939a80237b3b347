package org.detainerlab.api.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.detainerlab.api.testing.Annotations;
import org.detainerlab.api.testing.CaseRecords;
import org.detainerlab.api.testing.CuratedFixtures;
import org.detainerlab.api.testing.Jobs;
import org.detainerlab.api.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every CSV the API writes escapes a cell that a spreadsheet would run as a formula: detainer rows, statistics,
 * curation tables and annotations all go through the one writer, and each is checked here with hostile text
 * that came in through its own path (a release file, a curator's edit, an annotator's note).
 */
@QuarkusTest
class CsvExportSafetyTest {

    private static final String HEADER = "Detainer Prepare Date,Facility State,Detainer Facility,Detainer Lift Reason,"
            + "Detainer Type\n";

    private static long release;
    private static String researcher;

    @BeforeEach
    void load() throws Exception {
        if (researcher != null) {
            return;
        }
        researcher = Tokens.accessToken("alice");
        Path file = Files.createTempFile("formula-facilities", ".csv");
        Files.writeString(file, HEADER
                + "2024-01-02,TEXAS,\"=HYPERLINK(\"\"http://example.org\"\",\"\"x\"\")\",,I247A\n"
                + "2024-01-03,TEXAS,@SUM(1+1),,I247A\n"
                + "2024-01-04,TEXAS,+1 COUNTY JAIL,,I247A\n"
                + "2024-01-05,TEXAS,-2 COUNTY JAIL,,I247A\n");
        release = Jobs.loadRelease(file.toFile(), "Formula facilities " + System.nanoTime());
    }

    @Test
    void detainerRowExportEscapesFormulaCells() {
        String csv = given().auth().oauth2(researcher).accept("text/csv")
                .get("/api/v1/detainers?release=" + release + "&fields=facilityRaw")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertEscaped(csv);
    }

    @Test
    void statisticsCsvEscapesFormulaCells() {
        String csv = given().auth().oauth2(researcher).accept("text/csv")
                .get("/api/v1/stats/detainers?release=" + release + "&groupBy=facility")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertEscaped(csv);
    }

    @Test
    void curationCsvEscapesFormulaCells() {
        Map<String, Object> policy = CuratedFixtures.policy();
        policy.put("title", "=HYPERLINK(\"http://example.org\",\"x\")");
        policy.put("summary", "@SUM(1+1)");
        given().auth().oauth2(Tokens.accessToken("carol")).contentType(ContentType.JSON).body(policy)
                .post("/api/v1/policies").then().statusCode(201);
        String csv = given().auth().oauth2(researcher).queryParam("format", "csv")
                .get("/api/v1/curation/export")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        String line = csv.lines().filter(l -> l.startsWith(policy.get("key") + ",")).findFirst().orElseThrow();
        assertThat(line).contains(",\"'=HYPERLINK(\"\"http://example.org\"\",\"\"x\"\")\",")
                .contains(",'@SUM(1+1),");
    }

    @Test
    void annotationCsvEscapesFormulaCells() {
        String narrative = "The county declined the detainer on the same day.";
        CaseRecords.Created record = CaseRecords.create(Tokens.accessToken("carol"), narrative);
        Annotations.create(researcher, Annotations.onPassage(record.id(), narrative, "declined the detainer",
                "-2+3", "RESEARCHERS", null, List.of()));
        String csv = given().auth().oauth2(researcher).accept("text/csv").queryParam("target", String.valueOf(record.id()))
                .get("/api/v1/annotations")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).endsWith(",'-2+3");
    }

    /** Statistics group facility names in capitals, so the comparison ignores case. */
    private static void assertEscaped(String csv) {
        assertThat(csv.toUpperCase(Locale.ROOT)).contains("\"'=HYPERLINK(\"\"HTTP://EXAMPLE.ORG\"\",\"\"X\"\")\"", "'@SUM(1+1)",
                "'+1 COUNTY JAIL", "'-2 COUNTY JAIL");
        for (String line : csv.lines().toList()) {
            for (String cell : line.split(",")) {
                assertThat(cell).as(line).doesNotStartWith("=").doesNotStartWith("@").doesNotStartWith("+")
                        .doesNotStartWith("-");
            }
        }
    }
}
