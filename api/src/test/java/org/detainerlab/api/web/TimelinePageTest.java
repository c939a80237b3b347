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

import java.util.Map;

import org.detainerlab.api.testing.Browsers;
import org.detainerlab.api.testing.CuratedFixtures;
import org.detainerlab.api.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The jurisdiction timeline in the browser: a curator edits a policy event, sees a bad date refused beside the
 * field, and, when someone else saved the policy meanwhile, sees their change and keeps both.
 */
@QuarkusTest
class TimelinePageTest {

    @Test
    void aCuratorEditsAPolicyEventWithInlineErrorsAndAConflictThatLosesNeitherChange() {
        String curator = Tokens.accessToken("carol");
        Map<String, Object> body = CuratedFixtures.policy();
        String key = (String) body.get("key");
        given().auth().oauth2(curator).contentType(ContentType.JSON).body(body)
                .post("/api/v1/policies").then().statusCode(201);

        try (BrowserContext context = Browsers.context(Browsers.WIDE)) {
            Page page = Browsers.logIn(context, "carol", "#/timeline/" + CuratedFixtures.TEST_COUNTY);
            Locator entry = page.getByTestId("timeline").locator("li.entry").filter(
                    new Locator.FilterOptions().setHasText("effective")).filter(
                    new Locator.FilterOptions().setHasText((String) body.get("title")));
            assertThat(entry).hasCount(1);
            entry.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit " + body.get("title"))).click();

            Locator editor = page.getByTestId("policy-editor");
            Locator firstEvent = editor.locator("fieldset.event-fields").first();
            assertThat(firstEvent.locator("legend")).hasText("Event 1");
            Locator firstDate = firstEvent.getByLabel("Date", new Locator.GetByLabelOptions().setExact(true));
            assertThat(firstDate).hasValue("2019-03-01");
            firstDate.fill("2019-02-30");
            Response refused = page.waitForResponse(r -> r.request().method().equals("PATCH"), () ->
                    editor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save policy")).click());
            assertThat(refused.status()).isEqualTo(422);
            assertThat(firstDate).hasAttribute("aria-invalid", "true");
            assertThat(editor.locator("#event-0-date-error")).isVisible();

            firstDate.fill("2019-02-28");
            firstEvent.getByLabel("Note", new Locator.GetByLabelOptions().setExact(true)).fill("Signed by the board chair");

            // Someone else saves a change to the summary while this editor is open.
            String etag = given().auth().oauth2(curator).get("/api/v1/policies/" + key).header("ETag");
            given().auth().oauth2(curator).header("If-Match", etag).contentType("application/merge-patch+json")
                    .body(Map.of("summary", "Changed by someone else")).patch("/api/v1/policies/" + key)
                    .then().statusCode(200);

            editor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save policy")).click();
            assertThat(editor.getByTestId("conflict")).containsText("Changed by someone else");
            assertThat(firstDate).hasValue("2019-02-28");
            Browsers.screenshot(page, "timeline-conflict-1280");

            editor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save policy")).click();
            assertThat(page.getByTestId("policy-editor")).hasCount(0);
            assertThat(page.getByTestId("timeline")).containsText("Signed by the board chair");
            Browsers.screenshot(page, "timeline-1280");
        }

        JsonPath saved = given().auth().oauth2(curator).get("/api/v1/policies/" + key).then().statusCode(200)
                .extract().jsonPath();
        assertThat(saved.getString("summary")).isEqualTo("Changed by someone else");
        assertThat(saved.getString("events[0].date")).isEqualTo("2019-02-28");
        assertThat(saved.getString("events[0].note")).isEqualTo("Signed by the board chair");
    }

    @Test
    void aResearcherReadsTheTimelineWithoutEditing() {
        try (BrowserContext context = Browsers.context(Browsers.NARROW)) {
            Page page = Browsers.logIn(context, "alice", "#/timeline/CA");
            assertThat(page.getByTestId("timeline").locator("li.entry").first()).isVisible();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit"))).hasCount(0);
            Browsers.screenshot(page, "timeline-390");
        }
    }
}
