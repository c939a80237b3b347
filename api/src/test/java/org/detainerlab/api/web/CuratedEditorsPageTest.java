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

import java.util.List;
import java.util.Map;

import org.detainerlab.api.testing.Browsers;
import org.detainerlab.api.testing.CuratedFixtures;
import org.detainerlab.api.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Policies and rulings created, edited and deleted in the browser with every field the API has: refusals stand
 * beside their fields, a change saved meanwhile by another session is merged field by field, and deleting asks
 * first. Rulings review a ruling of the real seed.
 */
@QuarkusTest
class CuratedEditorsPageTest {

    private static final String SEED_RULING = "ca9-2019-united-states-v-california";

    private static final String KEY = "Key (lower-case letters, digits and hyphens; permanent)";

    private static Locator button(Locator scope, String name) {
        return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator exact(Locator scope, String label) {
        return scope.getByLabel(label, new Locator.GetByLabelOptions().setExact(true));
    }

    @Test
    void aCuratorCreatesAPolicyWithEveryFieldEditsItUnderAConflictAndDeletesIt() {
        String key = CuratedFixtures.uniqueKey("browser-policy");
        String title = "Browser ordinance " + key;
        try (BrowserContext context = Browsers.context(Browsers.WIDE)) {
            Page page = Browsers.logIn(context, "carol", "#/timeline/" + CuratedFixtures.TEST_COUNTY);
            List<String> errors = Browsers.errorsOf(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New policy")).click();
            Locator editor = page.getByTestId("policy-editor");
            assertThat(exact(editor, "Jurisdictions (codes, separated by commas: US, CA, 06085)")).hasValue(CuratedFixtures.TEST_COUNTY);

            exact(editor, KEY).fill("Not A Key");
            exact(editor, "Title").fill(title);
            editor.getByLabel("Kind").selectOption("ORDINANCE");
            editor.getByLabel("Summary").fill("Declines detainer holds without a judicial warrant.");
            exact(editor, "Jurisdictions (codes, separated by commas: US, CA, 06085)").fill(CuratedFixtures.TEST_COUNTY + ", ZZ");
            editor.getByLabel("declines detainer holds").check();
            editor.getByLabel("requires judicial warrant").check();
            button(editor, "Add an event").click();
            Locator signed = editor.locator("fieldset.event-fields").nth(0);
            signed.getByLabel("Type").selectOption("SIGNED");
            exact(signed, "Date").fill("2019-03-01");
            signed.getByLabel("Event source (citation)").fill("Board minutes, 1 March 2019");
            signed.getByLabel("Event source URL").fill("https://example.org/minutes-2019-03-01");
            signed.getByLabel("Event source quote").fill("The board adopted the ordinance.");
            button(editor, "Add an event").click();
            Locator effective = editor.locator("fieldset.event-fields").nth(1);
            exact(effective, "Date").fill("2019-04-31");
            effective.getByLabel("Event source (citation)").fill("Test County Code 2-1");
            button(editor, "Add a source").click();
            exact(editor, "Citation").fill("Test County Code 2");
            exact(editor, "URL").fill("not a web address");
            exact(editor, "Quote").fill("No person shall be held on a detainer alone.");

            Response refused = page.waitForResponse(r -> r.request().method().equals("POST"), () ->
                    button(editor, "Create policy").click());
            assertThat(refused.status()).isEqualTo(422);
            // Every refusal stands beside its own field, and the field says it is invalid.
            assertThat(exact(editor, KEY)).hasAttribute("aria-invalid", "true");
            assertThat(editor.locator("#new-policy-key-error")).containsText("lower-case letters");
            assertThat(editor.locator("#new-policy-jurisdictions-error")).containsText("not a known jurisdiction code");
            assertThat(exact(effective, "Date")).hasAttribute("aria-invalid", "true");
            assertThat(effective.locator(".error")).containsText("not a date");
            assertThat(exact(editor, "URL")).hasAttribute("aria-invalid", "true");
            assertThat(editor.locator("#new-policy-sources-0-url-error")).containsText("http or https");
            Browsers.assertAccessible(page, "a new policy refused at 1280 px");

            exact(editor, KEY).fill(key);
            exact(editor, "Jurisdictions (codes, separated by commas: US, CA, 06085)").fill(CuratedFixtures.TEST_COUNTY);
            exact(effective, "Date").fill("2019-04");
            assertThat(effective.getByLabel("Precision")).hasValue("MONTH");
            exact(editor, "URL").fill("https://example.org/code-2");
            Response created = page.waitForResponse(r -> r.request().method().equals("POST"), () ->
                    button(editor, "Create policy").click());
            assertThat(created.status()).isEqualTo(201);
            assertThat(page.getByTestId("policy-editor")).hasCount(0);
            assertThat(page.getByTestId("timeline")).containsText(title);
            Browsers.screenshot(page, "policy-created-1280");

            JsonPath saved = given().auth().oauth2(Tokens.accessToken("carol")).get("/api/v1/policies/" + key)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(saved.getString("kind")).isEqualTo("ORDINANCE");
            assertThat(saved.getList("jurisdictions")).containsExactly(CuratedFixtures.TEST_COUNTY);
            assertThat(saved.getList("provisions.provision")).containsExactlyInAnyOrder("DECLINES_DETAINER_HOLDS", "REQUIRES_JUDICIAL_WARRANT");
            assertThat(saved.getList("events.type")).containsExactly("SIGNED", "EFFECTIVE");
            assertThat(saved.getList("events.precision")).containsExactly("DAY", "MONTH");
            assertThat(saved.getString("events[0].sources[0].url")).isEqualTo("https://example.org/minutes-2019-03-01");
            assertThat(saved.getString("events[0].sources[0].quote")).isEqualTo("The board adopted the ordinance.");
            assertThat(saved.getString("sources[0].quote")).isEqualTo("No person shall be held on a detainer alone.");

            // The curator edits the kind and a provision; meanwhile another session changes the summary.
            Locator card = page.getByTestId("policies").locator("[data-policy='" + key + "']");
            button(card, "Edit policy " + title).click();
            Locator edit = card.getByTestId("policy-editor");
            edit.getByLabel("Kind").selectOption("SHERIFF_OR_JAIL_POLICY");
            edit.getByLabel("limits release notice").check();
            String etag = given().auth().oauth2(Tokens.accessToken("carol")).get("/api/v1/policies/" + key)
                    .then().extract().header("ETag");
            given().auth().oauth2(Tokens.accessToken("carol")).contentType("application/merge-patch+json")
                    .header("If-Match", etag).body(Map.of("summary", "Changed in another session"))
                    .patch("/api/v1/policies/" + key).then().statusCode(200);
            Response conflict = page.waitForResponse(r -> r.request().method().equals("PATCH"), () ->
                    button(edit, "Save policy").click());
            assertThat(conflict.status()).isEqualTo(412);
            assertThat(edit.getByTestId("their-version")).containsText("Changed in another session");
            assertThat(edit.getByTestId("merged-version")).containsText("sheriff or jail policy");
            assertThat(edit.getByTestId("merged-version")).containsText("limits release notice");
            assertThat(edit.getByLabel("Summary")).hasValue("Changed in another session");
            button(edit, "Save policy").click();
            assertThat(card.getByTestId("policy-editor")).hasCount(0);

            JsonPath merged = given().auth().oauth2(Tokens.accessToken("carol")).get("/api/v1/policies/" + key)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(merged.getString("kind")).isEqualTo("SHERIFF_OR_JAIL_POLICY");
            assertThat(merged.getString("summary")).isEqualTo("Changed in another session");
            assertThat(merged.getList("provisions.provision")).contains("LIMITS_RELEASE_NOTICE", "REQUIRES_JUDICIAL_WARRANT");

            // Deleting asks first; declining keeps the policy, accepting removes it from the timeline.
            Locator again = page.getByTestId("policies").locator("[data-policy='" + key + "']");
            button(again, "Edit policy " + title).click();
            page.onceDialog(dialog -> dialog.dismiss());
            button(again.getByTestId("policy-editor"), "Delete policy").click();
            assertThat(again.getByTestId("policy-editor")).hasCount(1);
            page.onceDialog(dialog -> {
                assertThat(dialog.message()).contains(title);
                dialog.accept();
            });
            Response deleted = page.waitForResponse(r -> r.request().method().equals("DELETE"), () ->
                    button(again.getByTestId("policy-editor"), "Delete policy").click());
            assertThat(deleted.status()).isEqualTo(204);
            assertThat(page.getByTestId("policies").locator("[data-policy='" + key + "']")).hasCount(0);
            assertThat(errors).isEmpty();
        }
        given().auth().oauth2(Tokens.accessToken("carol")).get("/api/v1/policies/" + key).then().statusCode(404);
    }

    @Test
    void aCuratorCreatesARulingThatReviewsASeedRulingEditsItUnderAConflictAndDeletesIt() {
        String curator = Tokens.accessToken("carol");
        Map<String, Object> policy = CuratedFixtures.policy();
        given().auth().oauth2(curator).contentType(ContentType.JSON).body(policy).post("/api/v1/policies")
                .then().statusCode(201);
        String key = CuratedFixtures.uniqueKey("browser-ruling");
        try (BrowserContext context = Browsers.context(Browsers.NARROW)) {
            Page page = Browsers.logIn(context, "carol", "#/timeline/" + CuratedFixtures.TEST_COUNTY);
            List<String> errors = Browsers.errorsOf(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New ruling")).click();
            Locator editor = page.getByTestId("ruling-editor");
            exact(editor, KEY).fill(key);
            assertThat(editor.getByLabel("Court").locator("option[value='ca9']")).hasCount(1);
            editor.getByLabel("Court").selectOption("ca9");
            editor.getByLabel("Case name").fill("Roe v. Test County");
            editor.getByLabel("Docket").fill("No. 20-15001");
            editor.getByLabel("Citation of the decision").fill("2 F.4th 2");
            editor.getByLabel("Decided on").fill("2020-06");
            assertThat(editor.getByLabel("Precision")).hasValue("MONTH");
            editor.getByLabel("Disposition").fill("Affirmed in part");
            editor.getByLabel("Holding").fill("The county may decline detainer holds.");
            button(editor, "Add a review of an earlier ruling").click();
            editor.getByLabel("Relation 1").selectOption("AFFIRMED_IN_PART");
            editor.getByLabel("Earlier ruling 1 (key)").fill(SEED_RULING);
            editor.getByLabel("Policies it affects (keys, separated by commas)").fill("no-such-policy");
            exact(editor, "Citation").fill("Roe v. Test County, 2 F.4th 2");

            Response refused = page.waitForResponse(r -> r.request().method().equals("POST"), () ->
                    button(editor, "Create ruling").click());
            assertThat(refused.status()).isEqualTo(422);
            assertThat(editor.getByLabel("Policies it affects (keys, separated by commas)")).hasAttribute("aria-invalid", "true");
            assertThat(editor.locator("#new-ruling-policies-error")).containsText("not the key of a policy");
            Browsers.assertAccessible(page, "a new ruling refused at 390 px");

            editor.getByLabel("Policies it affects (keys, separated by commas)").fill((String) policy.get("key"));
            Response created = page.waitForResponse(r -> r.request().method().equals("POST"), () ->
                    button(editor, "Create ruling").click());
            assertThat(created.status()).isEqualTo(201);
            assertThat(page.getByTestId("timeline")).containsText("Roe v. Test County");
            Browsers.screenshot(page, "ruling-created-390");

            JsonPath saved = given().auth().oauth2(curator).get("/api/v1/rulings/" + key).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(saved.getString("court")).isEqualTo("ca9");
            assertThat(saved.getString("docket")).isEqualTo("No. 20-15001");
            assertThat(saved.getString("precision")).isEqualTo("MONTH");
            assertThat(saved.getString("reviews[0].relation")).isEqualTo("AFFIRMED_IN_PART");
            assertThat(saved.getString("reviews[0].ruling")).isEqualTo(SEED_RULING);
            assertThat(saved.getList("policies")).containsExactly(policy.get("key"));
            assertThat(saved.getList("jurisdictions")).containsExactly(CuratedFixtures.TEST_COUNTY);
            // The seed ruling's subsequent history now names the new one.
            assertThat(given().auth().oauth2(curator).get("/api/v1/rulings/" + SEED_RULING).then().extract()
                    .jsonPath().getList("subsequentHistory.ruling")).contains(key);

            Locator entry = page.getByTestId("timeline").locator("li.entry").filter(
                    new Locator.FilterOptions().setHasText("Roe v. Test County"));
            button(entry, "Edit Roe v. Test County, 2 F.4th 2").click();
            Locator edit = entry.getByTestId("ruling-editor");
            assertThat(edit.getByLabel("Docket")).hasValue("No. 20-15001");
            edit.getByLabel("Holding").fill("The county may decline detainer holds without a warrant.");
            String etag = given().auth().oauth2(curator).get("/api/v1/rulings/" + key).then().extract().header("ETag");
            given().auth().oauth2(curator).contentType("application/merge-patch+json").header("If-Match", etag)
                    .body(Map.of("disposition", "Affirmed in part, reversed in part")).patch("/api/v1/rulings/" + key)
                    .then().statusCode(200);
            Response conflict = page.waitForResponse(r -> r.request().method().equals("PATCH"), () ->
                    button(edit, "Save ruling").click());
            assertThat(conflict.status()).isEqualTo(412);
            assertThat(edit.getByTestId("their-version")).containsText("Affirmed in part, reversed in part");
            assertThat(edit.getByLabel("Disposition")).hasValue("Affirmed in part, reversed in part");
            assertThat(edit.getByLabel("Holding")).hasValue("The county may decline detainer holds without a warrant.");
            button(edit, "Save ruling").click();
            assertThat(entry.getByTestId("ruling-editor")).hasCount(0);
            JsonPath merged = given().auth().oauth2(curator).get("/api/v1/rulings/" + key).then().extract().jsonPath();
            assertThat(merged.getString("disposition")).isEqualTo("Affirmed in part, reversed in part");
            assertThat(merged.getString("holding")).isEqualTo("The county may decline detainer holds without a warrant.");

            Locator again = page.getByTestId("timeline").locator("li.entry").filter(
                    new Locator.FilterOptions().setHasText("Roe v. Test County"));
            button(again, "Edit Roe v. Test County, 2 F.4th 2").click();
            // Someone changes the ruling before the delete: it is refused, and the form shows their version.
            Locator deleting = again.getByTestId("ruling-editor");
            assertThat(deleting.getByLabel("Note")).hasValue("");
            String stale = given().auth().oauth2(curator).get("/api/v1/rulings/" + key).then().extract().header("ETag");
            given().auth().oauth2(curator).contentType("application/merge-patch+json").header("If-Match", stale)
                    .body(Map.of("note", "Noted in another session")).patch("/api/v1/rulings/" + key)
                    .then().statusCode(200);
            page.onceDialog(dialog -> dialog.accept());
            Response staleDelete = page.waitForResponse(r -> r.request().method().equals("DELETE"), () ->
                    button(deleting, "Delete ruling").click());
            assertThat(staleDelete.status()).isEqualTo(412);
            assertThat(deleting.getByRole(AriaRole.ALERT)).containsText("Someone else changed this ruling meanwhile");
            assertThat(deleting.getByLabel("Note")).hasValue("Noted in another session");
            page.onceDialog(dialog -> dialog.accept());
            Response deleted = page.waitForResponse(r -> r.request().method().equals("DELETE"), () ->
                    button(deleting, "Delete ruling").click());
            assertThat(deleted.status()).isEqualTo(204);
            assertThat(page.getByTestId("timeline")).not().containsText("Roe v. Test County");
            assertThat(errors).isEmpty();
        }
        given().auth().oauth2(curator).get("/api/v1/rulings/" + key).then().statusCode(404);
    }
}
