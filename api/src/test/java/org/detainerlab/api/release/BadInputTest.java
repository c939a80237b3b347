package org.detainerlab.api.release;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.detainerlab.api.testing.BadFiles;
import org.detainerlab.api.testing.Jobs;
import org.detainerlab.api.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of bad file, uploaded through the API: the job fails with a message that says what is wrong and where,
 * no release appears, and the platform goes on serving.
 */
@QuarkusTest
class BadInputTest {

    @FunctionalInterface
    interface Maker {
        Path make(Path dir) throws Exception;
    }

    private static String admin;

    @TempDir
    Path dir;

    @BeforeAll
    static void login() {
        admin = Tokens.accessToken("dave");
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("an empty file", (Maker) BadFiles::empty, "empty.csv: is empty"),
                Arguments.of("a header and no data rows", (Maker) BadFiles::headerOnly,
                        "header-only.csv, sheet '"),
                Arguments.of("a header and no data rows, said plainly", (Maker) BadFiles::headerOnly,
                        "the header is there but no data row follows it"),
                Arguments.of("a file that is not a spreadsheet", (Maker) BadFiles::notASpreadsheet, "is not a spreadsheet"),
                Arguments.of("wrong headers", (Maker) BadFiles::wrongHeaders, "no header row found"),
                Arguments.of("a csv that is not UTF-8", (Maker) BadFiles::notUtf8, "UTF-8"),
                Arguments.of("unparseable dates", (Maker) BadFiles::unparseableDates, "prepare_date.unparseable"),
                Arguments.of("a 1 MB cell", (Maker) BadFiles::megabyteCell, "32,767"),
                Arguments.of("a truncated xlsx", (Maker) BadFiles::truncatedXlsx, "truncated.xlsx"),
                Arguments.of("an xlsx zip bomb", (Maker) BadFiles::zipBomb, "zip bomb"),
                Arguments.of("a formula cell without a stored result", (Maker) BadFiles::formulaCell, "no stored result"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void isRefusedClearlyLoadsNothingAndThePlatformKeepsServing(String kind, Maker maker, String expected)
            throws Exception {
        int releasesBefore = given().auth().oauth2(admin).get("/api/v1/releases").then().statusCode(200)
                .extract().jsonPath().getList("id").size();
        Path file = maker.make(dir);

        JsonPath job = Jobs.await(admin, Jobs.upload(admin, file.toFile(), Map.of()));

        assertThat(job.getString("status")).isEqualTo("FAILED");
        assertThat(job.getString("message")).as(kind).contains(expected);
        assertThat(job.getString("message")).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(job.get("releaseId") == null).isTrue();
        assertThat(given().auth().oauth2(admin).get("/api/v1/releases").then().statusCode(200)
                .extract().jsonPath().getList("id")).hasSize(releasesBefore);
        given().get("/q/health/ready").then().statusCode(200);
    }
}
