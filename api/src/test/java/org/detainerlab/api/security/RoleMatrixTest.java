package org.detainerlab.api.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.detainerlab.api.testing.CuratedFixtures;
import org.detainerlab.api.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call what, with real Keycloak tokens: anonymous, alice (researcher, Team A), bob (researcher,
 * Team B), carol (curator, Team A) and dave (admin). Each row is one endpoint; each column one caller.
 * docs/security.md carries the same matrix.
 */
@QuarkusTest
class RoleMatrixTest {

    private static final Map<String, String> TOKENS = new HashMap<>();

    @BeforeAll
    static void tokens() {
        for (String user : new String[] {"alice", "bob", "carol", "dave"}) {
            TOKENS.put(user, Tokens.accessToken(user));
        }
    }

    //                                  anonymous alice bob carol dave
    static Stream<Arguments> matrix() {
        return Stream.of(
                row("GET", "/api/v1/me", 401, 200, 200, 200, 200),
                row("GET", "/api/v1/jurisdictions", 401, 200, 200, 200, 200),
                row("GET", "/api/v1/jurisdictions/CA", 401, 200, 200, 200, 200),
                row("GET", "/api/v1/facilities", 401, 200, 200, 200, 200),
                row("POST", "/api/v1/facilities", 401, 403, 403, 201, 403),
                row("GET", "/api/v1/admin/system", 401, 403, 403, 403, 200),
                row("GET", "/api/v1/releases", 401, 200, 200, 200, 200),
                row("GET", "/api/v1/releases/987654321", 401, 404, 404, 404, 404),
                row("GET", "/api/v1/releases/987654321/report", 401, 404, 404, 404, 404),
                row("UPLOAD", "/api/v1/releases", 401, 403, 403, 403, 202),
                row("DELETE", "/api/v1/releases/987654321", 401, 403, 403, 403, 404),
                row("GET", "/api/v1/releases/series", 401, 200, 200, 200, 200),
                row("GET", "/api/v1/releases/987654321/history", 401, 404, 404, 404, 404),
                row("PATCH", "/api/v1/releases/987654321", 401, 403, 403, 403, 404),
                row("POST", "/api/v1/releases/987654321/withdraw", 401, 403, 403, 403, 404),
                row("POST", "/api/v1/releases/987654321/restore", 401, 403, 403, 403, 404),
                row("GET", "/api/v1/detainers", 401, 200, 200, 200, 200),
                row("GET", "/api/v1/detainers/export", 401, 200, 200, 200, 200),
                row("GET", "/api/v1/stats/detainers", 401, 200, 200, 200, 200),
                row("GET", "/api/v1/stats/policy-effect?jurisdiction=CA&policy=ca-sb54-2017", 401, 200, 200, 200, 200),
                row("GET", "/api/v1/jobs", 401, 403, 403, 403, 200),
                row("GET", "/api/v1/jobs/987654321", 401, 403, 403, 403, 404),
                row("GET", "/api/v1/teams", 401, 200, 200, 200, 200),
                row("POST", "/api/v1/teams", 401, 403, 403, 403, 201),
                row("PUT", "/api/v1/teams/no-such-team/members/bob", 401, 403, 403, 403, 404),
                row("DELETE", "/api/v1/teams/no-such-team/members/bob", 401, 403, 403, 403, 404),
                row("GET", "/api/v1/case-records", 401, 200, 200, 200, 200),
                row("GET", "/api/v1/case-records/987654321", 401, 404, 404, 404, 404),
                row("GET", "/api/v1/case-records/987654321/history", 401, 404, 404, 404, 404),
                row("POST", "/api/v1/case-records", 401, 403, 403, 422, 403),
                row("PUT", "/api/v1/case-records/987654321", 401, 403, 403, 404, 403),
                row("PATCH", "/api/v1/case-records/987654321", 401, 403, 403, 404, 403),
                row("DELETE", "/api/v1/case-records/987654321", 401, 403, 403, 404, 403),
                row("POST", "/api/v1/case-records/987654321/narrative-preview", 401, 403, 403, 404, 403),
                row("GET", "/api/v1/annotations", 401, 200, 200, 200, 200),
                row("GET", "/api/v1/annotations/987654321", 401, 404, 404, 404, 404),
                row("GET", "/api/v1/annotations/987654321/replies", 401, 404, 404, 404, 404),
                row("GET", "/api/v1/annotations/987654321/history", 401, 404, 404, 404, 404),
                row("POST", "/api/v1/annotations", 401, 422, 422, 422, 422),
                row("PUT", "/api/v1/annotations/987654321", 401, 422, 422, 422, 422),
                row("DELETE", "/api/v1/annotations/987654321", 401, 404, 404, 404, 404),
                row("PUT", "/api/v1/annotations/987654321/hidden", 401, 403, 403, 422, 422),
                row("DELETE", "/api/v1/annotations/987654321/hidden", 401, 403, 403, 404, 404),
                row("GET", "/api/v1/claims", 401, 200, 200, 200, 200),
                row("GET", "/api/v1/claims/987654321", 401, 404, 404, 404, 404),
                row("GET", "/api/v1/claims/987654321/history", 401, 404, 404, 404, 404),
                row("GET", "/api/v1/claims/987654321/checks", 401, 404, 404, 404, 404),
                row("POST", "/api/v1/claims/987654321/check", 401, 404, 404, 404, 404),
                row("POST", "/api/v1/claims", 401, 403, 403, 422, 403),
                row("PUT", "/api/v1/claims/987654321", 401, 403, 403, 404, 403),
                row("PATCH", "/api/v1/claims/987654321", 401, 403, 403, 404, 403),
                row("DELETE", "/api/v1/claims/987654321", 401, 403, 403, 404, 403),
                row("POST", "/api/v1/figures", 401, 422, 422, 422, 422),
                row("GET", "/api/v1/figures/987654321", 401, 404, 404, 404, 404),
                row("GET", "/q/health/ready", 200, 200, 200, 200, 200),
                row("GET", "/q/openapi", 200, 200, 200, 200, 200),
                row("GET", "/", 200, 200, 200, 200, 200),
                row("GET", "/api/v1/client-config", 200, 200, 200, 200, 200),
                row("GET", "/api/v1/policies", 401, 200, 200, 200, 200),
                row("GET", "/api/v1/policies/ca-sb54-2017", 401, 200, 200, 200, 200),
                row("GET", "/api/v1/policies/ca-sb54-2017/history", 401, 200, 200, 200, 200),
                row("POST", "/api/v1/policies", 401, 403, 403, 201, 403),
                row("PUT", "/api/v1/policies/987654321", 401, 403, 403, 404, 403),
                row("PATCH", "/api/v1/policies/987654321", 401, 403, 403, 404, 403),
                row("DELETE", "/api/v1/policies/987654321", 401, 403, 403, 404, 403),
                row("GET", "/api/v1/rulings", 401, 200, 200, 200, 200),
                row("GET", "/api/v1/rulings/courts", 401, 200, 200, 200, 200),
                row("GET", "/api/v1/rulings/ca9-2019-united-states-v-california", 401, 200, 200, 200, 200),
                row("GET", "/api/v1/rulings/ca9-2019-united-states-v-california/history", 401, 200, 200, 200, 200),
                row("POST", "/api/v1/rulings", 401, 403, 403, 201, 403),
                row("PUT", "/api/v1/rulings/987654321", 401, 403, 403, 404, 403),
                row("PATCH", "/api/v1/rulings/987654321", 401, 403, 403, 404, 403),
                row("DELETE", "/api/v1/rulings/987654321", 401, 403, 403, 404, 403),
                row("GET", "/api/v1/jurisdictions/06085/timeline", 401, 200, 200, 200, 200),
                row("GET", "/api/v1/jurisdictions/06085/policies?at=2018-01-01", 401, 200, 200, 200, 200),
                row("GET", "/api/v1/curation/export", 401, 200, 200, 200, 200),
                row("GET", "/api/v1/curation/export?format=csv&type=rulings", 401, 200, 200, 200, 200),
                row("POST", "/api/v1/curation/import", 401, 403, 403, 200, 403),
                row("POST", "/api/v1/jurisdictions", 401, 403, 403, 201, 403),
                row("GET", "/api/v1/places?q=santa", 401, 200, 200, 200, 200),
                row("GET", "/api/v1/places/review", 401, 200, 200, 200, 200),
                row("GET", "/api/v1/places/review/987654321", 401, 404, 404, 404, 404),
                row("GET", "/api/v1/places/review/987654321/history", 401, 404, 404, 404, 404),
                row("PUT", "/api/v1/places/review/987654321", 401, 403, 403, 404, 403),
                row("POST", "/api/v1/places/review/accept-all", 401, 403, 403, 200, 403),
                row("GET", "/api/v1/places/crosswalk", 401, 200, 200, 200, 200),
                row("PUT", "/api/v1/places/crosswalk", 401, 403, 403, 200, 403));
    }

    /** A valid body for each endpoint that takes one, fresh for each call (keys are unique). */
    private static Object body(String path) {
        if (path.startsWith("/api/v1/policies")) {
            return CuratedFixtures.policy();
        }
        if (path.startsWith("/api/v1/rulings")) {
            return CuratedFixtures.ruling();
        }
        if (path.endsWith("/narrative-preview")) {
            return Map.of("narrative", "A narrative the matrix previews.");
        }
        if (path.equals("/api/v1/jurisdictions")) {
            return Map.of("kind", "CITY", "name", "Matrix City " + UUID.randomUUID(), "parentCode", "01001");
        }
        if (path.startsWith("/api/v1/places/review")) {
            // accepts only what is already certain (curated aliases), so the matrix changes no county
            return path.endsWith("accept-all") ? Map.of("minConfidence", 1.0) : Map.of("action", "ACCEPT");
        }
        if (path.startsWith("/api/v1/releases/")) {
            return path.endsWith("/withdraw") || path.endsWith("/restore") ? Map.of("reason", "matrix")
                    : Map.of("precedence", 1);
        }
        if (path.equals("/api/v1/curation/import")) {
            return Map.of("format", "detainerlab-curated", "policies", List.of(CuratedFixtures.policy()));
        }
        return Map.of("name", "Matrix Jail " + UUID.randomUUID());
    }

    private static Arguments row(String method, String path, int... expected) {
        return Arguments.of(method, path, expected);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("matrix")
    void eachCallerGetsTheExpectedStatus(String method, String path, int[] expected) {
        String[] callers = {null, "alice", "bob", "carol", "dave"};
        for (int i = 0; i < callers.length; i++) {
            RequestSpecification request = given();
            if (callers[i] != null) {
                request.auth().oauth2(TOKENS.get(callers[i]));
            }
            if (path.equals("/api/v1/places/crosswalk") && method.equals("PUT")) {
                request.contentType("text/csv").body("place_id,status,county\n");
            } else if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
                request.contentType(ContentType.JSON).body(body(path));
            }
            if (method.equals("UPLOAD")) {
                request.multiPart("file", "matrix.csv", ("a,b\n" + UUID.randomUUID() + ",1\n").getBytes());
            }
            request.when().request(method.equals("UPLOAD") ? "POST" : method, path)
                    .then().statusCode(equalTo(expected[i]));
        }
    }
}
