package org.detainerlab.api.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.detainerlab.api.testing.Browsers;
import org.detainerlab.api.testing.CaseRecords;
import org.detainerlab.api.testing.Jobs;
import org.detainerlab.api.testing.Tokens;
import org.detainerlab.ingest.generate.Layout;
import org.detainerlab.ingest.generate.SyntheticReleases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Case records written in the browser: a new record with every part (sources, framing, subject, an undated and a
 * month-precise event, a detainer row picked in the row browser, a seeded policy and ruling), refused beside its
 * fields first, then annotated on its page; and the narrative of a seeded record edited with the preview of which
 * annotations move and which would be orphaned, leaving asking first and nothing saved; an edit that meets another
 * session's change is merged field by field.
 */
@QuarkusTest
class CaseEditorPageTest {

    private static final String SEED_POLICY = "ca-sb54-2017";
    private static final String SEED_RULING = "ca9-2019-united-states-v-california";
    private static final String SEED_TITLE = "Ten arrests (ICE Declined Detainer Report case 2)";

    private static long release;

    @BeforeEach
    void load() throws Exception {
        if (release != 0) {
            return;
        }
        Path file = Files.createTempFile("case-editor", ".csv");
        SyntheticReleases.write(Layout.ICE_MODERN_CSV, 300, 2718, file);
        release = Jobs.loadRelease(file.toFile(), "Case editor test release");
    }

    private static Locator button(Locator scope, String name) {
        return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator group(Locator scope, String name) {
        return scope.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void aCuratorCreatesARecordLinkedToADetainerRowAndAnnotatesIt() {
        String word = "Caseeditor" + UUID.randomUUID().toString().substring(0, 8);
        String passage = "the sheriff declined the detainer";
        try (BrowserContext context = Browsers.context(Browsers.WIDE)) {
            Page page = Browsers.logIn(context, "carol", "#/cases");
            List<String> errors = Browsers.errorsOf(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New case record")).click();
            Locator editor = page.getByTestId("case-editor");

            editor.getByLabel("Title").fill("Record " + word);
            editor.getByLabel("Narrative (as the sources tell it)").fill("In " + word + " a man was arrested; "
                    + passage + " and released him the next day.");
            editor.getByLabel("Jurisdictions (codes, separated by commas: TX, 48201)").fill("TX, ZZ");
            Response refused = page.waitForResponse(r -> r.request().method().equals("POST"), () ->
                    button(editor, "Create case record").click());
            assertThat(refused.status()).isEqualTo(422);
            Locator source = group(editor, "Source 1");
            assertThat(source.getByLabel("Citation")).hasAttribute("aria-invalid", "true");
            assertThat(editor.locator("#new-case-sources-0-citation-error")).isVisible();
            Browsers.assertAccessible(page, "a new case record refused at 1280 px");

            source.getByLabel("Key (lower-case letters, digits and hyphens)").fill("news");
            source.getByLabel("Citation").fill("Test Gazette, " + word);
            source.getByLabel("URL").fill("https://example.org/gazette/" + word.toLowerCase());
            editor.getByLabel("Framing quote").fill("let a man walk free");
            editor.getByLabel("Framing source").selectOption("news");
            button(editor, "Add a descriptor").click();
            Locator descriptor = group(editor, "Descriptor 1");
            descriptor.getByLabel("Value").fill("41");
            descriptor.getByLabel("Passage that states it").fill("a 41-year-old man");
            button(editor, "Add an event").click();
            Locator arrest = group(editor, "Event 1");
            arrest.getByLabel("Description").fill("arrested, no date given");
            button(editor, "Add an event").click();
            Locator declined = group(editor, "Event 2");
            declined.getByLabel("Type").selectOption("DETAINER_DECLINED");
            declined.getByLabel("Date (empty when the source does not state it)").fill("2021-03-01");
            declined.getByLabel("Precision").selectOption("MONTH");
            editor.getByLabel("Policies (keys, separated by commas)").fill(SEED_POLICY);
            editor.getByLabel("Rulings (keys, separated by commas)").fill(SEED_RULING);

            Locator picker = group(editor, "Find detainer rows to link");
            picker.getByLabel("Row release").fill(String.valueOf(release));
            button(picker, "Find rows").click();
            Locator link = picker.getByTestId("row-picker").getByRole(AriaRole.BUTTON).first();
            String row = link.textContent().replace("Link row ", "");
            link.click();
            assertThat(editor.getByTestId("case-rows").getByRole(AriaRole.LINK)).hasText(row);
            Browsers.assertAccessible(page, "a case record being written at 1280 px");
            // Links and codes are checked once the fields themselves hold: the unknown code is refused now.
            Response unknown = page.waitForResponse(r -> r.request().method().equals("POST"), () ->
                    button(editor, "Create case record").click());
            assertThat(unknown.status()).isEqualTo(422);
            assertThat(editor.getByLabel("Jurisdictions (codes, separated by commas: TX, 48201)"))
                    .hasAttribute("aria-invalid", "true");
            assertThat(editor.locator("#new-case-jurisdictions-error")).containsText("not a known jurisdiction");
            editor.getByLabel("Jurisdictions (codes, separated by commas: TX, 48201)").fill("TX");

            Response created = page.waitForResponse(r -> r.request().method().equals("POST"), () ->
                    button(editor, "Create case record").click());
            assertThat(created.status()).isEqualTo(201);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Record " + word);
            Locator links = page.getByTestId("case-links");
            assertThat(links).containsText("Detainer row " + row);
            assertThat(links).containsText("Policy " + SEED_POLICY);
            assertThat(page.getByTestId("events").locator("li").first()).containsText("date not stated");
            assertThat(page.getByTestId("events").locator("li").nth(1).locator("time")).hasText("2021-03");

            CasePageTest.selectInNarrative(page, passage);
            page.getByLabel("Note (Markdown)").fill("Which policy applied? " + word);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save annotation")).click();
            assertThat(page.getByTestId("narrative").locator("mark")).hasText(passage);
            Browsers.assertAccessible(page, "a created case record at 1280 px");
            Browsers.screenshot(page, "case-created-1280");
            assertThat(errors).isEmpty();
        }
        JsonPath saved = given().auth().oauth2(Tokens.accessToken("alice")).queryParam("q", word)
                .get("/api/v1/case-records").then().statusCode(200).extract().jsonPath();
        long id = saved.getLong("items[0].id");
        JsonPath record = given().auth().oauth2(Tokens.accessToken("alice")).get("/api/v1/case-records/" + id)
                .then().statusCode(200).extract().jsonPath();
        assertThat(record.getLong("detainerRows[0].releaseId")).isEqualTo(release);
        assertThat(record.getList("policies")).containsExactly(SEED_POLICY);
        assertThat(record.getList("rulings")).containsExactly(SEED_RULING);
        assertThat(record.getString("events[0].date")).isNull();
        assertThat(record.getString("events[1].precision")).isEqualTo("MONTH");
        assertThat(record.getString("subject[0].source")).isEqualTo("news");
        assertThat(record.getString("sourceFraming.source")).isEqualTo("news");
    }

    @Test
    void editingASeededNarrativeShowsWhichAnnotationsMoveOrWouldBeOrphanedAndLeavingAsksFirst() {
        String curator = Tokens.accessToken("carol");
        JsonPath seeded = given().auth().oauth2(curator).queryParam("q", "Ten arrests").get("/api/v1/case-records")
                .then().statusCode(200).extract().jsonPath();
        long id = seeded.getLong("items.find { it.title == '" + SEED_TITLE + "' }.id");
        String narrative = given().auth().oauth2(curator).get("/api/v1/case-records/" + id).then().statusCode(200)
                .extract().jsonPath().getString("narrative");
        List<Long> notes = new ArrayList<>();
        notes.add(annotate(curator, id, narrative, "vehicle theft"));
        notes.add(annotate(curator, id, narrative, "evading police"));
        List<String> dialogs = new ArrayList<>();
        try (BrowserContext context = Browsers.context(Browsers.NARROW)) {
            Page page = Browsers.logIn(context, "carol", "#/case/" + id);
            List<String> errors = Browsers.errorsOf(page);
            page.onDialog(dialog -> {
                dialogs.add(dialog.message());
                dialog.dismiss();
            });
            button(page.locator("main"), "Edit case record " + id).click();
            Locator editor = page.getByTestId("case-editor");
            editor.getByLabel("Narrative (as the sources tell it)")
                    .fill("A 23-year-old was arrested 10 times, first for vehicle theft and then for burglary.");
            Locator preview = editor.getByTestId("narrative-preview");
            assertThat(preview.locator("li[data-outcome=MOVES]").filter(new Locator.FilterOptions()
                    .setHasText("“vehicle theft”"))).hasCount(1);
            assertThat(preview.locator("li[data-outcome=ORPHANED]").filter(new Locator.FilterOptions()
                    .setHasText("“evading police”"))).hasCount(1);
            Browsers.assertAccessible(page, "a narrative preview at 390 px");
            Browsers.screenshot(page, "case-narrative-preview-390");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Case records").setExact(true)).click();
            assertThat(dialogs).hasSize(1);
            assertThat(dialogs.get(0)).contains("unsaved changes");
            assertThat(page).hasURL(Pattern.compile("#/case/" + id + "$"));
            editor.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Cancel")).click();
            assertThat(page.getByTestId("case-editor")).hasCount(0);
            assertThat(errors).isEmpty();
        } finally {
            for (long note : notes) {
                String etag = given().auth().oauth2(curator).get("/api/v1/annotations/" + note).then().extract()
                        .header("ETag");
                given().auth().oauth2(curator).header("If-Match", etag).delete("/api/v1/annotations/" + note)
                        .then().statusCode(204);
            }
        }
        assertThat(given().auth().oauth2(curator).get("/api/v1/case-records/" + id).then().statusCode(200)
                .extract().jsonPath().getString("narrative")).isEqualTo(narrative);
    }

    @Test
    void anEditThatMeetsAnotherSessionsChangeKeepsBoth() {
        String curator = Tokens.accessToken("carol");
        CaseRecords.Created record = CaseRecords.create(curator, "A man was arrested; the county declined the detainer.");
        try (BrowserContext context = Browsers.context(Browsers.NARROW)) {
            Page page = Browsers.logIn(context, "carol", "#/case/" + record.id());
            List<String> errors = Browsers.errorsOf(page);
            button(page.locator("main"), "Edit case record " + record.id()).click();
            Locator editor = page.getByTestId("case-editor");
            editor.getByLabel("Facility as the source names it").fill("Harris County Jail, Houston");

            Map<String, Object> theirs = CaseRecords.body("A man was arrested; the county declined the detainer.");
            theirs.put("title", record.title());
            theirs.put("verified", true);
            given().auth().oauth2(curator).contentType(ContentType.JSON).header("If-Match", record.etag())
                    .body(theirs).put("/api/v1/case-records/" + record.id()).then().statusCode(200);

            Response conflict = page.waitForResponse(r -> r.request().method().equals("PUT"), () ->
                    button(editor, "Save case record").click());
            assertThat(conflict.status()).isEqualTo(412);
            assertThat(editor.getByTestId("their-version")).containsText("yes");
            assertThat(editor.getByLabel("The record is verified against its sources")).isChecked();
            assertThat(editor.getByLabel("Facility as the source names it")).hasValue("Harris County Jail, Houston");
            Browsers.assertAccessible(page, "a case record conflict at 390 px");
            Response saved = page.waitForResponse(r -> r.request().method().equals("PUT"), () ->
                    button(editor, "Save case record").click());
            assertThat(saved.status()).isEqualTo(200);
            assertThat(page.getByTestId("case-editor")).hasCount(0);
            assertThat(errors).isEmpty();
        }
        JsonPath saved = given().auth().oauth2(curator).get("/api/v1/case-records/" + record.id()).then()
                .statusCode(200).extract().jsonPath();
        assertThat(saved.getBoolean("verified")).isTrue();
        assertThat(saved.getString("facility.name")).isEqualTo("Harris County Jail, Houston");
    }

    /** A private note of carol's on the first occurrence of {@code exact} in the narrative. */
    private static long annotate(String token, long caseId, String narrative, String exact) {
        int start = narrative.indexOf(exact);
        assertThat(start).as("'%s' in the seeded narrative", exact).isNotNegative();
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("target", Map.of("kind", "CASE_PASSAGE", "ref", String.valueOf(caseId),
                                "quote", Map.of("exact", exact),
                                "position", Map.of("start", start, "end", start + exact.length())),
                        "body", "Preview test note on " + exact, "visibility", "PRIVATE"))
                .post("/api/v1/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
