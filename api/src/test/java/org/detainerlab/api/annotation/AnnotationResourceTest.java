package org.detainerlab.api.annotation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.detainerlab.api.testing.Annotations;
import org.detainerlab.api.testing.CaseRecords;
import org.detainerlab.api.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AnnotationResourceTest {

    private static final String NARRATIVE = "The man was arrested in March. The county declined the detainer and"
            + " released him. He was arrested again in May.";

    private static String alice;
    private static String bob;
    private static String carol;

    @BeforeAll
    static void login() {
        alice = Tokens.accessToken("alice");
        bob = Tokens.accessToken("bob");
        carol = Tokens.accessToken("carol");
    }

    private static String tag() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aPassageAnnotationKeepsBothSelectorsAndItsBodyIsRenderedSafely() {
        CaseRecords.Created record = CaseRecords.create(carol, NARRATIVE);
        String body = "**Check** the date. <script>alert('x')</script> [click](javascript:alert(1))";
        JsonPath created = Annotations.create(alice, Annotations.onPassage(record.id(), NARRATIVE,
                "declined the detainer", body, "RESEARCHERS", null, List.of("dates")));

        int start = NARRATIVE.indexOf("declined the detainer");
        assertThat(created.getString("target.kind")).isEqualTo("CASE_PASSAGE");
        assertThat(created.getInt("target.position.start")).isEqualTo(start);
        assertThat(created.getString("target.quote.prefix")).isEqualTo(NARRATIVE.substring(start - 32, start));
        assertThat(created.getString("target.quote.suffix")).startsWith(" and released him.");
        assertThat(created.getString("body")).isEqualTo(body);
        assertThat(created.getString("bodyHtml")).contains("<strong>Check</strong>")
                .doesNotContain("<script").doesNotContain("javascript:").contains("&lt;script&gt;");
        assertThat(created.getString("author")).isEqualTo("alice");
    }

    @Test
    void targetsAndAudiencesAreChecked() {
        CaseRecords.Created record = CaseRecords.create(carol, NARRATIVE);
        Map<String, Object> wrongQuote = Annotations.onPassage(record.id(), NARRATIVE, "arrested", "x", "RESEARCHERS",
                null, List.of());
        wrongQuote.put("target", Map.of("kind", "CASE_PASSAGE", "ref", String.valueOf(record.id()),
                "quote", Map.of("exact", "arrested"), "position", Map.of("start", 0, "end", 8)));
        given().auth().oauth2(alice).contentType(ContentType.JSON).body(wrongQuote).when().post("/api/v1/annotations")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("target.quote.exact"));

        Map<String, Object> otherTeam = Annotations.onPassage(record.id(), NARRATIVE, "arrested", "x", "TEAM",
                "Team B", List.of());
        given().auth().oauth2(alice).contentType(ContentType.JSON).body(otherTeam).when().post("/api/v1/annotations")
                .then().statusCode(422).body("errors[0].field", equalTo("team"));

        for (String[] target : new String[][] {{"POLICY", "ca-sb54-2017"}, {"POLICY_EVENT", "ca-sb54-2017/EFFECTIVE/2018-01-01"},
                {"RULING", "ca9-2019-united-states-v-california"}}) {
            Map<String, Object> curated = Map.of("target", Map.of("kind", target[0], "ref", target[1]), "body", "x",
                    "visibility", "RESEARCHERS");
            given().auth().oauth2(alice).contentType(ContentType.JSON).body(curated).when().post("/api/v1/annotations")
                    .then().statusCode(201).body("target.ref", equalTo(target[1]));
        }
        for (String[] target : new String[][] {{"POLICY", "no-such-policy"}, {"POLICY_EVENT", "ca-sb54-2017/REPEALED/2018-01-01"},
                {"RULING", "no-such-ruling"}}) {
            Map<String, Object> unknown = Map.of("target", Map.of("kind", target[0], "ref", target[1]), "body", "x",
                    "visibility", "RESEARCHERS");
            given().auth().oauth2(alice).contentType(ContentType.JSON).body(unknown).when().post("/api/v1/annotations")
                    .then().statusCode(422).body("errors[0].field", equalTo("target.ref"))
                    .body("errors[0].message", startsWith("is not a known"));
        }

        Map<String, Object> event = Map.of("target", Map.of("kind", "CASE_EVENT", "ref", record.id() + "/arrest"),
                "body", "event note", "visibility", "RESEARCHERS");
        given().auth().oauth2(alice).contentType(ContentType.JSON).body(event).when().post("/api/v1/annotations")
                .then().statusCode(201).body("target.ref", equalTo(record.id() + "/arrest"));
        Map<String, Object> noEvent = Map.of("target", Map.of("kind", "CASE_EVENT", "ref", record.id() + "/parade"),
                "body", "x", "visibility", "RESEARCHERS");
        given().auth().oauth2(alice).contentType(ContentType.JSON).body(noEvent).when().post("/api/v1/annotations")
                .then().statusCode(422).body("errors[0].message", equalTo("is not a known case event"));

        Map<String, Object> row = Map.of("target", Map.of("kind", "DETAINER_ROW", "ref", "987654321/FY2024/2",
                "field", "lift_reason"), "body", "x", "visibility", "RESEARCHERS");
        given().auth().oauth2(alice).contentType(ContentType.JSON).body(row).when().post("/api/v1/annotations")
                .then().statusCode(422).body("errors[0].message", equalTo("is not a known detainer row"));
    }

    @Test
    void repliesFormThreadsWithTheirParentsAudience() {
        CaseRecords.Created record = CaseRecords.create(carol, NARRATIVE);
        long root = Annotations.create(alice, Annotations.onPassage(record.id(), NARRATIVE, "released him",
                "Why?", "TEAM", "Team A", List.of())).getLong("id");
        long reply = Annotations.create(carol, Annotations.reply(root, "Because of SB 54?")).getLong("id");
        long nested = Annotations.create(alice, Annotations.reply(reply, "Possibly.")).getLong("id");

        given().auth().oauth2(alice).when().get("/api/v1/annotations/" + reply)
                .then().statusCode(200).body("parentId", equalTo((int) root)).body("visibility", equalTo("TEAM"))
                .body("team", equalTo("Team A")).body("target.quote.exact", equalTo("released him"));
        given().auth().oauth2(alice).when().get("/api/v1/annotations/" + root + "/replies")
                .then().statusCode(200).body("id", contains((int) reply));
        given().auth().oauth2(alice).when().get("/api/v1/annotations/" + reply + "/replies")
                .then().statusCode(200).body("id", contains((int) nested));
        given().auth().oauth2(bob).contentType(ContentType.JSON).body(Annotations.reply(root, "let me in"))
                .when().post("/api/v1/annotations")
                .then().statusCode(422).body("errors[0].field", equalTo("parentId"));
    }

    @Test
    void onlyTheAuthorEditsAndDeletesWithTheCurrentETagAndTheHistoryKeepsEveryChange() {
        CaseRecords.Created record = CaseRecords.create(carol, NARRATIVE);
        JsonPath created = Annotations.create(alice, Annotations.onPassage(record.id(), NARRATIVE, "arrested again",
                "first", "RESEARCHERS", null, List.of("a")));
        String path = "/api/v1/annotations/" + created.getLong("id");
        String v1 = "\"annotation-" + created.getLong("id") + "-v1\"";
        Map<String, Object> edit = Map.of("body", "second", "tags", List.of("b"));

        given().auth().oauth2(alice).contentType(ContentType.JSON).body(edit).when().put(path).then().statusCode(428);
        given().auth().oauth2(bob).header("If-Match", v1).contentType(ContentType.JSON).body(edit).when().put(path)
                .then().statusCode(403).contentType("application/problem+json");
        String v2 = given().auth().oauth2(alice).header("If-Match", v1).contentType(ContentType.JSON).body(edit)
                .when().put(path)
                .then().statusCode(200).body("body", equalTo("second")).body("tags", contains("b"))
                .extract().header("ETag");
        given().auth().oauth2(alice).header("If-Match", v1).contentType(ContentType.JSON).body(edit).when().put(path)
                .then().statusCode(412).header("ETag", equalTo(v2));
        given().auth().oauth2(bob).when().get(path + "/history")
                .then().statusCode(200).body("action", contains("CREATE", "UPDATE"))
                .body("[1].before.body", equalTo("first")).body("[1].after.body", equalTo("second"));

        given().auth().oauth2(bob).header("If-Match", v2).when().delete(path).then().statusCode(403);
        given().auth().oauth2(alice).header("If-Match", v2).when().delete(path).then().statusCode(204);
        given().auth().oauth2(alice).when().get(path).then().statusCode(404);
        given().auth().oauth2(alice).queryParam("tag", "b").queryParam("target", String.valueOf(record.id()))
                .when().get("/api/v1/annotations").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void moderatorsHideWithAReasonThatTheAuthorAndModeratorsSee() {
        CaseRecords.Created record = CaseRecords.create(carol, NARRATIVE);
        long id = Annotations.create(alice, Annotations.onPassage(record.id(), NARRATIVE, "in March", "off-topic",
                "RESEARCHERS", null, List.of())).getLong("id");
        String path = "/api/v1/annotations/" + id;

        given().auth().oauth2(bob).contentType(ContentType.JSON).body(Map.of("reason", "no"))
                .when().put(path + "/hidden").then().statusCode(403);
        given().auth().oauth2(carol).contentType(ContentType.JSON).body(Map.of("reason", " "))
                .when().put(path + "/hidden").then().statusCode(422);
        given().auth().oauth2(carol).contentType(ContentType.JSON).body(Map.of("reason", "Names a private person"))
                .when().put(path + "/hidden")
                .then().statusCode(200).body("hidden.reason", equalTo("Names a private person"))
                .body("hidden.by", equalTo("carol"));

        given().auth().oauth2(bob).when().get(path).then().statusCode(404);
        given().auth().oauth2(alice).when().get(path)
                .then().statusCode(200).body("hidden.reason", equalTo("Names a private person"));
        given().auth().oauth2(Tokens.accessToken("dave")).when().get(path).then().statusCode(200);

        given().auth().oauth2(carol).when().delete(path + "/hidden").then().statusCode(200).body("hidden", nullValue());
        given().auth().oauth2(bob).when().get(path).then().statusCode(200);
        given().auth().oauth2(bob).when().get(path + "/history")
                .then().statusCode(200).body("action", contains("CREATE", "HIDE", "RESTORE"))
                .body("[1].note", equalTo("Names a private person")).body("[1].actor", equalTo("carol"));
    }

    @Test
    void searchFiltersByTargetTagTextAuthorTeamAndDate() {
        CaseRecords.Created record = CaseRecords.create(carol, NARRATIVE);
        String tag = tag();
        String word = "Quibble" + UUID.randomUUID().toString().substring(0, 6);
        long byAlice = Annotations.create(alice, Annotations.onPassage(record.id(), NARRATIVE, "in March",
                "About " + word, "TEAM", "Team A", List.of(tag))).getLong("id");
        long byCarol = Annotations.create(carol, Annotations.onPassage(record.id(), NARRATIVE, "in May",
                "Other note", "RESEARCHERS", null, List.of(tag, "extra"))).getLong("id");
        String target = String.valueOf(record.id());
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        given().auth().oauth2(alice).queryParam("targetKind", "CASE_PASSAGE").queryParam("target", target)
                .when().get("/api/v1/annotations")
                .then().statusCode(200).body("total", equalTo(2)).body("items.id", contains((int) byAlice, (int) byCarol));
        given().auth().oauth2(alice).queryParam("tag", "extra").queryParam("target", target)
                .when().get("/api/v1/annotations").then().body("items.id", contains((int) byCarol));
        given().auth().oauth2(alice).queryParam("q", word.toLowerCase())
                .when().get("/api/v1/annotations").then().body("items.id", contains((int) byAlice));
        given().auth().oauth2(alice).queryParam("tag", tag).queryParam("author", "carol")
                .when().get("/api/v1/annotations").then().body("items.id", contains((int) byCarol));
        given().auth().oauth2(alice).queryParam("tag", tag).queryParam("team", "Team A")
                .when().get("/api/v1/annotations").then().body("items.id", contains((int) byAlice));
        given().auth().oauth2(alice).queryParam("tag", tag).queryParam("from", today).queryParam("to", today)
                .when().get("/api/v1/annotations").then().body("total", equalTo(2));
        given().auth().oauth2(alice).queryParam("tag", tag).queryParam("to", "2000-01-01")
                .when().get("/api/v1/annotations").then().body("total", equalTo(0));
        given().auth().oauth2(alice).queryParam("tag", tag).queryParam("size", 1).queryParam("page", 1)
                .when().get("/api/v1/annotations")
                .then().body("total", equalTo(2)).body("items.id", contains((int) byCarol));
    }

    @Test
    void badSearchParametersAre400NamingThem() {
        for (String[] bad : new String[][] {{"targetKind", "SHIP"}, {"from", "01/02/2024"}, {"size", "0"},
                {"size", "many"}, {"page", "-1"}, {"orphaned", "maybe"}}) {
            given().auth().oauth2(alice).queryParam(bad[0], bad[1]).when().get("/api/v1/annotations")
                    .then().statusCode(400).contentType("application/problem+json").body("parameter", equalTo(bad[0]));
        }
    }

    @Test
    void exportsAreW3cJsonLdAndAFlatCsv() {
        CaseRecords.Created record = CaseRecords.create(carol, NARRATIVE);
        String tag = tag();
        long root = Annotations.create(alice, Annotations.onPassage(record.id(), NARRATIVE, "declined the detainer",
                "=HYPERLINK(\"x\"), \"quoted\"", "RESEARCHERS", null, List.of(tag))).getLong("id");
        long reply = Annotations.create(carol, Annotations.reply(root, "A reply")).getLong("id");

        JsonPath ld = given().auth().oauth2(alice).accept("application/ld+json")
                .queryParam("target", String.valueOf(record.id()))
                .when().get("/api/v1/annotations")
                .then().statusCode(200).contentType(startsWith("application/ld+json"))
                .extract().jsonPath();
        assertThat(ld.getString("'@context'")).isEqualTo("http://www.w3.org/ns/anno.jsonld");
        assertThat(ld.getString("type")).isEqualTo("AnnotationCollection");
        assertThat(ld.getInt("total")).isEqualTo(2);
        assertThat(ld.getString("first.type")).isEqualTo("AnnotationPage");
        assertThat(ld.getString("first.items[0].id")).endsWith("/api/v1/annotations/" + root);
        assertThat(ld.getString("first.items[0].type")).isEqualTo("Annotation");
        assertThat(ld.getString("first.items[0].motivation")).isEqualTo("commenting");
        assertThat(ld.getString("first.items[0].creator.nickname")).isEqualTo("alice");
        assertThat(ld.getString("first.items[0].body[0].type")).isEqualTo("TextualBody");
        assertThat(ld.getString("first.items[0].body[0].format")).isEqualTo("text/markdown");
        assertThat(ld.getString("first.items[0].body[1].purpose")).isEqualTo("tagging");
        assertThat(ld.getString("first.items[0].target.source")).endsWith("/api/v1/case-records/" + record.id());
        assertThat(ld.getList("first.items[0].target.selector.type"))
                .containsExactly("TextQuoteSelector", "TextPositionSelector");
        assertThat(ld.getString("first.items[0].target.selector[0].exact")).isEqualTo("declined the detainer");
        assertThat(ld.getString("first.items[0].created")).isNotBlank();
        assertThat(ld.getString("first.items[1].motivation")).isEqualTo("replying");
        assertThat(ld.getString("first.items[1].target")).endsWith("/api/v1/annotations/" + root);

        String csv = given().auth().oauth2(alice).accept("text/csv").queryParam("target", String.valueOf(record.id()))
                .when().get("/api/v1/annotations")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("id,parent_id,target_kind,target_ref");
        assertThat(lines.get(1)).startsWith(root + ",,CASE_PASSAGE," + record.id() + ",,declined the detainer,")
                .contains("," + tag + ",").endsWith(",\"'=HYPERLINK(\"\"x\"\"), \"\"quoted\"\"\"");
        assertThat(lines.get(2)).startsWith(reply + "," + root + ",CASE_PASSAGE,").endsWith(",A reply");
    }

    @Test
    void annotationsFollowTheNarrativeAndThoseWhoseQuoteIsGoneAreKeptAsOrphans() {
        CaseRecords.Created record = CaseRecords.create(carol, NARRATIVE);
        long moved = Annotations.create(alice, Annotations.onPassage(record.id(), NARRATIVE, "released him",
                "moves", "RESEARCHERS", null, List.of())).getLong("id");
        long orphan = Annotations.create(bob, Annotations.onPassage(record.id(), NARRATIVE, "arrested again in May",
                "loses its text", "TEAM", "Team B", List.of())).getLong("id");

        String edited = "According to the report, the man was arrested in March. The county declined the detainer"
                + " and released him. Nothing more is known.";
        // Previewed first, by the rule the save applies; bob's Team B note is counted for carol, never shown.
        int start = edited.indexOf("released him");
        given().auth().oauth2(carol).contentType(ContentType.JSON).body(Map.of("narrative", edited))
                .when().post("/api/v1/case-records/" + record.id() + "/narrative-preview")
                .then().statusCode(200)
                .body("passages.annotationId", contains((int) moved))
                .body("passages[0].outcome", equalTo("MOVES")).body("passages[0].to.start", equalTo(start))
                .body("passages[0].exact", equalTo("released him"))
                .body("unreadable.orphaned", equalTo(1)).body("unreadable.moves", equalTo(0));
        given().auth().oauth2(carol).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/case-records/" + record.id() + "/narrative-preview")
                .then().statusCode(422);
        given().auth().oauth2(alice).when().get("/api/v1/annotations/" + moved)
                .then().statusCode(200).body("version", equalTo(1));

        Map<String, Object> body = CaseRecords.body(edited);
        body.put("title", record.title());
        given().auth().oauth2(carol).header("If-Match", record.etag()).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/case-records/" + record.id()).then().statusCode(200);

        given().auth().oauth2(alice).when().get("/api/v1/annotations/" + moved)
                .then().statusCode(200)
                .body("target.position.start", equalTo(start)).body("target.position.end", equalTo(start + 12))
                .body("target.orphaned", equalTo(false)).body("version", equalTo(2));
        given().auth().oauth2(bob).queryParam("orphaned", true).queryParam("target", String.valueOf(record.id()))
                .when().get("/api/v1/annotations")
                .then().statusCode(200).body("items.id", contains((int) orphan))
                .body("items[0].target.quote.exact", equalTo("arrested again in May"))
                .body("items[0].body", equalTo("loses its text"));
        given().auth().oauth2(bob).when().get("/api/v1/annotations/" + orphan + "/history")
                .then().statusCode(200).body("action", contains("CREATE", "UPDATE"))
                .body("[1].actor", equalTo("carol")).body("[1].note", containsString("orphaned"));
        // carol is in Team A: she never sees Team B's orphan, not even as the curator whose edit orphaned it
        given().auth().oauth2(carol).when().get("/api/v1/annotations/" + orphan).then().statusCode(404);
        given().auth().oauth2(carol).queryParam("orphaned", true).queryParam("target", String.valueOf(record.id()))
                .when().get("/api/v1/annotations").then().body("items.id", not(hasItem((int) orphan)));
    }
}
