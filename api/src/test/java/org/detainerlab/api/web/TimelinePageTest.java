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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.detainerlab.api.testing.Browsers;
import org.detainerlab.api.testing.CuratedFixtures;
import org.detainerlab.api.testing.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The jurisdiction timeline in the browser: found by name, drawn in lanes with policy summaries and sources, open
 * on every place the curated seed names; a curator edits title, events and sources, sees a bad date refused beside
 * the field, and, when a second session saved another event meanwhile, sees both versions and keeps both changes.
 */
@QuarkusTest
class TimelinePageTest {

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browsers.WIDE, Browsers.NARROW})
    void aCuratorEditsAPolicyEventWithInlineErrorsAndAConflictThatLosesNeitherChange(int width) {
        String curator = Tokens.accessToken("carol");
        Map<String, Object> body = CuratedFixtures.policy();
        String key = (String) body.get("key");
        given().auth().oauth2(curator).contentType(ContentType.JSON).body(body)
                .post("/api/v1/policies").then().statusCode(201);

        try (BrowserContext context = Browsers.context(width)) {
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
            editor.getByLabel("Title", new Locator.GetByLabelOptions().setExact(true)).fill(body.get("title") + " (amended)");

            // A second session of a curator opens the same policy and saves a change to the other event first.
            try (BrowserContext other = Browsers.context(width)) {
                Page second = Browsers.logIn(other, "carol", "#/timeline/" + CuratedFixtures.TEST_COUNTY);
                Locator otherEntry = second.getByTestId("timeline").locator("li.entry").filter(
                        new Locator.FilterOptions().setHasText("effective")).filter(
                        new Locator.FilterOptions().setHasText((String) body.get("title")));
                otherEntry.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit " + body.get("title"))).click();
                Locator otherEditor = second.getByTestId("policy-editor");
                otherEditor.locator("fieldset.event-fields").nth(1)
                        .getByLabel("Note", new Locator.GetByLabelOptions().setExact(true)).fill("In force county-wide");
                otherEditor.getByLabel("Summary").fill("Changed by someone else");
                otherEditor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add a source")).click();
                otherEditor.getByLabel("Citation", new Locator.GetByLabelOptions().setExact(true)).last().fill("Board minutes, 1 April 2019");
                Response otherSave = second.waitForResponse(r -> r.request().method().equals("PATCH"), () ->
                        otherEditor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save policy")).click());
                assertThat(otherSave.status()).isEqualTo(200);
            }

            Response conflict = page.waitForResponse(r -> r.request().method().equals("PATCH"), () ->
                    editor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save policy")).click());
            assertThat(conflict.status()).isEqualTo(412);
            assertThat(editor.getByTestId("their-version")).containsText("Changed by someone else");
            assertThat(editor.getByTestId("their-version")).containsText("In force county-wide");
            // The form now holds both: their summary, event note and source, and this curator's date, note and title.
            assertThat(editor.getByLabel("Summary")).hasValue("Changed by someone else");
            assertThat(editor.getByTestId("merged-version")).containsText("In force county-wide");
            assertThat(editor.getByTestId("merged-version")).containsText("Signed by the board chair");
            assertThat(editor.getByTestId("merged-version")).containsText("Board minutes, 1 April 2019");
            assertThat(editor.getByLabel("Title", new Locator.GetByLabelOptions().setExact(true)))
                    .hasValue(body.get("title") + " (amended)");
            Browsers.screenshot(page, "timeline-conflict-" + width);

            editor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save policy")).click();
            assertThat(page.getByTestId("policy-editor")).hasCount(0);
            assertThat(page.getByTestId("timeline")).containsText("Signed by the board chair");
            assertThat(page.getByTestId("timeline")).containsText("In force county-wide");
        }

        JsonPath saved = given().auth().oauth2(curator).get("/api/v1/policies/" + key).then().statusCode(200)
                .extract().jsonPath();
        assertThat(saved.getString("title")).isEqualTo(body.get("title") + " (amended)");
        assertThat(saved.getString("summary")).isEqualTo("Changed by someone else");
        assertThat(saved.getList("events.note")).contains("Signed by the board chair", "In force county-wide");
        assertThat(saved.getList("events.date")).contains("2019-02-28", "2019-04-01");
        assertThat(saved.getList("sources.citation")).contains("Test County Code 1-1", "Board minutes, 1 April 2019");
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browsers.WIDE, Browsers.NARROW})
    void aCuratorAddsAndRemovesEventsAndSources(int width) {
        String curator = Tokens.accessToken("carol");
        Map<String, Object> body = CuratedFixtures.policy();
        String key = (String) body.get("key");
        given().auth().oauth2(curator).contentType(ContentType.JSON).body(body)
                .post("/api/v1/policies").then().statusCode(201);

        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "carol", "#/timeline/" + CuratedFixtures.TEST_COUNTY);
            page.getByTestId("timeline").locator("li.entry").filter(new Locator.FilterOptions().setHasText("signed"))
                    .filter(new Locator.FilterOptions().setHasText((String) body.get("title")))
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit " + body.get("title"))).click();
            Locator editor = page.getByTestId("policy-editor");
            editor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove event 1")).click();
            editor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add an event")).click();
            Locator added = editor.locator("fieldset.event-fields").nth(1);
            added.getByLabel("Type").selectOption("REPEALED");
            added.getByLabel("Date", new Locator.GetByLabelOptions().setExact(true)).fill("2023-06");
            editor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save policy")).click();
            // an event needs a source: the error stands beside the event's source field
            assertThat(added.locator(".error")).containsText("source");
            added.getByLabel("Event source (citation)").fill("Test County minutes 2023-06");
            editor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove source 1")).click();
            editor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add a source")).click();
            editor.getByLabel("Citation", new Locator.GetByLabelOptions().setExact(true)).fill("Test County Code 1-2");
            editor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save policy")).click();
            assertThat(page.getByTestId("policy-editor")).hasCount(0);
            assertThat(page.getByTestId("timeline")).containsText("repealed");
            Browsers.screenshot(page, "timeline-edited-" + width);
        }

        JsonPath saved = given().auth().oauth2(curator).get("/api/v1/policies/" + key).then().statusCode(200)
                .extract().jsonPath();
        assertThat(saved.getList("events.type")).containsExactly("EFFECTIVE", "REPEALED");
        assertThat(saved.getString("events[1].precision")).isEqualTo("MONTH");
        assertThat(saved.getList("sources.citation")).containsExactly("Test County Code 1-2");
        assertThat(saved.getList("events[1].sources.citation")).containsExactly("Test County minutes 2023-06");
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browsers.WIDE, Browsers.NARROW})
    void aResearcherFindsATimelineByNameAndReadsItsLanesSummariesAndSources(int width) {
        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "alice", "#/timeline");
            List<String> errors = new ArrayList<>();
            page.onPageError(errors::add);
            page.getByLabel("Place (name or code)").fill("Santa Clara");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
            page.waitForURL(url -> url.endsWith("#/timeline/06085"));
            assertThat(page.getByTestId("timeline-heading")).hasText("Timeline: Santa Clara (county, CA)");
            Locator lanes = page.getByTestId("lanes");
            assertThat(lanes.locator("[data-policy='santa-clara-county-detainer-policy-2011'] rect.span")).hasCount(1);
            assertThat(lanes.locator("[data-policy='ca-sb54-2017'] rect.span")).hasCount(1);
            assertThat(lanes.locator("[data-ruling='ca9-2019-united-states-v-california']")).hasCount(1);
            Locator policies = page.getByTestId("policies");
            assertThat(policies.locator("[data-policy='ca-sb54-2017'] .summary")).not().hasText("No summary is curated.");
            assertThat(policies.locator("[data-policy='ca-sb54-2017'] .sources li").first()).isVisible();
            Browsers.screenshot(page, "timeline-" + width);

            page.getByLabel("Place (name or code)").fill("Nowhere at all");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
            assertThat(page.locator("#place-error")).containsText("No place is named or coded");
            assertThat(errors).isEmpty();
        }
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browsers.WIDE, Browsers.NARROW})
    void everyPlaceWithASeededPolicyOrRulingOpensItsTimeline(int width) throws Exception {
        JsonNode seed;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("seed/curated-v1.json")) {
            seed = new ObjectMapper().readTree(in);
        }
        Set<String> codes = new TreeSet<>();
        for (String list : List.of("policies", "rulings")) {
            seed.get(list).forEach(item -> item.get("jurisdictions").forEach(code -> codes.add(code.asText())));
        }
        assertThat(codes).contains("US", "CA", "06085");
        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "alice", "#/timeline/US");
            List<String> errors = new ArrayList<>();
            page.onPageError(errors::add);
            for (String code : codes) {
                page.navigate(Browsers.appUrl() + "/#/timeline/" + code);
                assertThat(page.getByTestId("timeline-heading")).hasAttribute("data-place", code);
                assertThat(page.getByTestId("lanes")).isVisible();
                assertThat(page.getByTestId("timeline").locator("li.entry").first()).isVisible();
                assertThat(page.locator("p.error")).hasCount(0);
            }
            assertThat(errors).as("script errors on the timelines of " + codes).isEmpty();
        }
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browsers.WIDE, Browsers.NARROW})
    void aResearcherReadsTheTimelineWithoutEditing(int width) {
        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "alice", "#/timeline/CA");
            assertThat(page.getByTestId("timeline").locator("li.entry").first()).isVisible();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit"))).hasCount(0);
            assertThat(page.getByTestId("lanes")).isVisible();
            Browsers.screenshot(page, "timeline-read-only-" + width);
        }
    }
}
