package org.detainerlab.api.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.detainerlab.api.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every query parameter of every GET operation, as the OpenAPI document lists them (so a new endpoint is swept
 * without touching this test), with huge, negative, NUL and overlong values: the answer is never a 5xx, a 4xx is
 * always problem+json, and NUL or overlong values are a 400 naming the parameter.
 */
@QuarkusTest
class ParameterExtremesTest {

    private static final List<String> EXTREMES = List.of("2147483647", "2147483648", "99999999999999999999", "-1",
            "-2147483649", "");
    private static String admin;

    @BeforeEach
    void token() {
        if (admin == null) {
            admin = Tokens.accessToken("dave");
        }
    }

    private record Operation(String path, List<String> parameters) {
    }

    private static List<Operation> getOperations() {
        JsonPath openapi = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = openapi.getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, methods) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> get = (Map<String, Object>) methods.get("get");
            if (get == null) {
                return;
            }
            List<String> query = new ArrayList<>();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> parameters = (List<Map<String, Object>>) get.getOrDefault("parameters", List.of());
            for (Map<String, Object> parameter : parameters) {
                if ("query".equals(parameter.get("in"))) {
                    query.add((String) parameter.get("name"));
                }
            }
            operations.add(new Operation(path.replaceAll("\\{[^}]+}", "1"), query));
        });
        return operations;
    }

    @Test
    void everyQueryParameterWithExtremeValuesIsAnsweredWithoutAServerError() {
        List<Operation> operations = getOperations();
        assertThat(operations).extracting(Operation::path).contains("/api/v1/annotations", "/api/v1/case-records",
                "/api/v1/claims", "/api/v1/detainers");
        int checked = 0;
        for (Operation operation : operations) {
            for (String parameter : operation.parameters()) {
                for (String value : EXTREMES) {
                    Response answer = call(operation.path(), parameter, value);
                    assertThat(answer.statusCode()).as("%s?%s=%s", operation.path(), parameter, value).isLessThan(500);
                    if (answer.statusCode() >= 400) {
                        assertThat(answer.contentType()).as("%s?%s=%s", operation.path(), parameter, value)
                                .startsWith(Problem.MEDIA_TYPE);
                    }
                    checked++;
                }
                for (String value : List.of("a\0b", "x".repeat(RequestGuard.MAX_PARAMETER_LENGTH + 1))) {
                    Response answer = call(operation.path(), parameter, value);
                    assertThat(answer.statusCode()).as("%s?%s=<%d chars>", operation.path(), parameter, value.length())
                            .isEqualTo(400);
                    assertThat(answer.contentType()).startsWith(Problem.MEDIA_TYPE);
                    assertThat(answer.jsonPath().getString("parameter")).isEqualTo(parameter);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    private static Response call(String path, String parameter, String value) {
        return given().auth().oauth2(admin).urlEncodingEnabled(false)
                .get(path + "?" + parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/annotations", "/api/v1/case-records", "/api/v1/claims"})
    void theLastPossiblePageNumberIsA400NamingPage(String path) {
        given().auth().oauth2(admin).queryParam("page", Integer.MAX_VALUE).get(path)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("parameter", equalTo("page"));
    }

    @Test
    void aNumberBeyondItsTypeIsA400NotA404() {
        given().auth().oauth2(admin).urlEncodingEnabled(false).get("/api/v1/jobs?limit=2147483648")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("parameter", equalTo("limit"));
    }

    @ParameterizedTest
    @CsvSource({"facility", "criminality", "detainerType"})
    void aNulInADetainerFilterIsA400(String parameter) {
        given().auth().oauth2(admin).urlEncodingEnabled(false).get("/api/v1/detainers?" + parameter + "=a%00b")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("parameter", equalTo(parameter));
    }

    @Test
    void aNulInAnUploadsFileNameIsA400() {
        given().auth().oauth2(admin).multiPart("file", "release\0.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/releases")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("parameter", equalTo("file"));
    }

    @Test
    void anOverlongUriIsA414WithAProblemBody() {
        given().urlEncodingEnabled(false).get("/api/v1/releases?q=" + "x".repeat(RequestGuard.MAX_URI_LENGTH))
                .then().statusCode(414).contentType(startsWith(Problem.MEDIA_TYPE))
                .body("type", equalTo("urn:detainerlab:problem:uri-too-long"));
    }

    @Test
    void anOverlongHeaderIsA431WithAProblemBody() {
        given().header("X-Padding", "x".repeat(RequestGuard.MAX_HEADERS_LENGTH)).get("/api/v1/releases")
                .then().statusCode(431).contentType(startsWith(Problem.MEDIA_TYPE))
                .body("type", equalTo("urn:detainerlab:problem:headers-too-large"));
    }
}
