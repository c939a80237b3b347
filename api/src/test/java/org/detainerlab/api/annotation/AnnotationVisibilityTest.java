package org.detainerlab.api.annotation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.detainerlab.api.testing.Annotations;
import org.detainerlab.api.testing.CaseRecords;
import org.detainerlab.api.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The visibility matrix of docs/security.md, cell by cell: for each caller and each kind of annotation, whether
 * it shows in get, list, text search, count, replies, history, the JSON-LD export and the CSV export.
 */
@QuarkusTest
class AnnotationVisibilityTest {

    private static final String NARRATIVE = "The county declined the detainer and released him the same day.";
    private static final Map<String, String> TOKENS = new HashMap<>();
    /** Annotation label to id; labels name author, visibility and state. */
    private static final Map<String, Long> IDS = new LinkedHashMap<>();
    private static final String MARKER = "vis" + UUID.randomUUID().toString().substring(0, 8);
    private static long caseId;

    /** Which annotations each caller sees: the matrix. */
    private static final Map<String, Set<String>> SEES = Map.of(
            "alice", Set.of("alicePrivate", "aliceTeamA", "aliceResearchers", "aliceHidden", "carolReplyTeamA"),
            "bob", Set.of("aliceResearchers", "bobTeamB", "bobPrivate"),
            "carol", Set.of("aliceTeamA", "aliceResearchers", "aliceHidden", "carolReplyTeamA"),
            "dave", Set.of("aliceTeamA", "aliceResearchers", "aliceHidden", "carolReplyTeamA", "bobTeamB"));

    /** Once per class, but in a per-test callback: the application's port is known only then. */
    @BeforeEach
    void annotateOnce() {
        if (caseId != 0) {
            return;
        }
        for (String user : List.of("alice", "bob", "carol", "dave")) {
            TOKENS.put(user, Tokens.accessToken(user));
        }
        caseId = CaseRecords.create(TOKENS.get("carol"), NARRATIVE).id();
        create("alicePrivate", "alice", "PRIVATE", null);
        create("aliceTeamA", "alice", "TEAM", "Team A");
        create("aliceResearchers", "alice", "RESEARCHERS", null);
        create("aliceHidden", "alice", "RESEARCHERS", null);
        create("bobTeamB", "bob", "TEAM", "Team B");
        create("bobPrivate", "bob", "PRIVATE", null);
        IDS.put("carolReplyTeamA", Annotations.create(TOKENS.get("carol"),
                Map.of("parentId", IDS.get("aliceTeamA"), "body", MARKER + " carolReplyTeamA")).getLong("id"));
        given().auth().oauth2(TOKENS.get("carol")).contentType(ContentType.JSON).body(Map.of("reason", "moderated"))
                .when().put("/api/v1/annotations/" + IDS.get("aliceHidden") + "/hidden").then().statusCode(200);
    }

    private static void create(String label, String author, String visibility, String team) {
        IDS.put(label, Annotations.create(TOKENS.get(author), Annotations.onPassage(caseId, NARRATIVE, "declined",
                MARKER + " " + label, visibility, team, List.of(MARKER))).getLong("id"));
    }

    private static Set<String> labels(List<?> ids) {
        Set<Long> wanted = ids.stream().map(id -> ((Number) id).longValue()).collect(Collectors.toSet());
        return IDS.entrySet().stream().filter(e -> wanted.contains(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "bob", "carol", "dave"})
    void getAndHistoryShowExactlyWhatTheCallerMaySeeAndOtherwiseSay404(String caller) {
        for (Map.Entry<String, Long> annotation : IDS.entrySet()) {
            int expected = SEES.get(caller).contains(annotation.getKey()) ? 200 : 404;
            String path = "/api/v1/annotations/" + annotation.getValue();
            assertThat(given().auth().oauth2(TOKENS.get(caller)).get(path).statusCode())
                    .as(caller + " GET " + annotation.getKey()).isEqualTo(expected);
            assertThat(given().auth().oauth2(TOKENS.get(caller)).get(path + "/history").statusCode())
                    .as(caller + " GET history of " + annotation.getKey()).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "bob", "carol", "dave"})
    void listSearchAndCountHoldOnlyWhatTheCallerMaySee(String caller) {
        JsonPath byTarget = given().auth().oauth2(TOKENS.get(caller)).queryParam("target", String.valueOf(caseId))
                .get("/api/v1/annotations").then().statusCode(200).extract().jsonPath();
        assertThat(labels(byTarget.getList("items.id"))).isEqualTo(new TreeSet<>(SEES.get(caller)));
        assertThat(byTarget.getInt("total")).isEqualTo(SEES.get(caller).size());

        JsonPath byText = given().auth().oauth2(TOKENS.get(caller)).queryParam("q", MARKER)
                .get("/api/v1/annotations").then().statusCode(200).extract().jsonPath();
        assertThat(labels(byText.getList("items.id"))).isEqualTo(new TreeSet<>(SEES.get(caller)));
        assertThat(byText.getInt("total")).isEqualTo(SEES.get(caller).size());

        JsonPath byTeam = given().auth().oauth2(TOKENS.get(caller)).queryParam("target", String.valueOf(caseId))
                .queryParam("team", "Team A")
                .get("/api/v1/annotations").then().statusCode(200).extract().jsonPath();
        assertThat(labels(byTeam.getList("items.id"))).isEqualTo(SEES.get(caller).stream()
                .filter(l -> l.endsWith("TeamA")).collect(Collectors.toCollection(TreeSet::new)));

        JsonPath byAuthor = given().auth().oauth2(TOKENS.get(caller)).queryParam("target", String.valueOf(caseId))
                .queryParam("author", "alice")
                .get("/api/v1/annotations").then().statusCode(200).extract().jsonPath();
        assertThat(labels(byAuthor.getList("items.id"))).isEqualTo(SEES.get(caller).stream()
                .filter(l -> l.startsWith("alice")).collect(Collectors.toCollection(TreeSet::new)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "bob", "carol", "dave"})
    void repliesShowOnlyToThoseWhoSeeTheThread(String caller) {
        var replies = given().auth().oauth2(TOKENS.get(caller))
                .get("/api/v1/annotations/" + IDS.get("aliceTeamA") + "/replies");
        if (SEES.get(caller).contains("aliceTeamA")) {
            assertThat(replies.statusCode()).isEqualTo(200);
            assertThat(labels(replies.jsonPath().getList("id"))).containsExactly("carolReplyTeamA");
        } else {
            assertThat(replies.statusCode()).isEqualTo(404);
            assertThat(replies.asString()).doesNotContain(MARKER);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "bob", "carol", "dave"})
    void exportsHoldOnlyWhatTheCallerMaySee(String caller) {
        JsonPath ld = given().auth().oauth2(TOKENS.get(caller)).accept("application/ld+json")
                .queryParam("target", String.valueOf(caseId))
                .get("/api/v1/annotations").then().statusCode(200).extract().jsonPath();
        List<Long> ldIds = ld.getList("first.items.id", String.class).stream()
                .map(id -> Long.parseLong(id.substring(id.lastIndexOf('/') + 1))).toList();
        assertThat(labels(ldIds)).isEqualTo(new TreeSet<>(SEES.get(caller)));
        assertThat(ld.getInt("total")).isEqualTo(SEES.get(caller).size());

        String csv = given().auth().oauth2(TOKENS.get(caller)).accept("text/csv")
                .queryParam("target", String.valueOf(caseId))
                .get("/api/v1/annotations").then().statusCode(200).extract().asString();
        List<Long> csvIds = csv.lines().skip(1).map(line -> Long.parseLong(line.substring(0, line.indexOf(','))))
                .toList();
        assertThat(labels(csvIds)).isEqualTo(new TreeSet<>(SEES.get(caller)));
        for (String label : IDS.keySet()) {
            if (!SEES.get(caller).contains(label)) {
                assertThat(csv).doesNotContain(MARKER + " " + label);
            }
        }
    }

    @Test
    void anonymousCallersGetNothing() {
        String one = "/api/v1/annotations/" + IDS.get("aliceResearchers");
        for (String path : List.of("/api/v1/annotations", one, one + "/replies", one + "/history")) {
            given().get(path).then().statusCode(401).contentType("application/problem+json");
        }
        given().accept("text/csv").get("/api/v1/annotations").then().statusCode(401);
        given().accept("application/ld+json").get("/api/v1/annotations").then().statusCode(401);
    }

    @Test
    void noOneButTheAuthorChangesAPrivateAnnotationOrCanTellItExists() {
        String path = "/api/v1/annotations/" + IDS.get("alicePrivate");
        String etag = "\"annotation-" + IDS.get("alicePrivate") + "-v1\"";
        for (String caller : List.of("bob", "carol", "dave")) {
            given().auth().oauth2(TOKENS.get(caller)).header("If-Match", etag).contentType(ContentType.JSON)
                    .body(Map.of("body", "x")).put(path).then().statusCode(404);
            given().auth().oauth2(TOKENS.get(caller)).header("If-Match", etag).delete(path).then().statusCode(404);
            given().auth().oauth2(TOKENS.get(caller)).contentType(ContentType.JSON)
                    .body(Map.of("parentId", IDS.get("alicePrivate"), "body", "x")).post("/api/v1/annotations")
                    .then().statusCode(422);
        }
        for (String moderator : List.of("carol", "dave")) {
            given().auth().oauth2(TOKENS.get(moderator)).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                    .put(path + "/hidden").then().statusCode(404);
        }
    }
}
