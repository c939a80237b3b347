package org.detainerlab.api.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.util.List;
import java.util.Map;

import org.detainerlab.api.testing.Browsers;
import org.detainerlab.api.testing.CaseRecords;
import org.detainerlab.api.testing.CuratedFixtures;
import org.detainerlab.api.testing.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A curator's history and verification of a policy in the browser: an edit shows in the policy's history with her
 * name and the field's old and new value; a fact (the policy, an event) is marked verified against one of its
 * sources, which the timeline entry and the policy's details then name with the curator, and taken back to
 * unverified only with a reason, which the history keeps.
 */
@QuarkusTest
class CurationPageTest {

    private static Map<String, Object> newPolicy() {
        Map<String, Object> body = CuratedFixtures.policy();
        given().auth().oauth2(Tokens.accessToken("carol")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/policies").then().statusCode(201);
        return body;
    }

    private static Locator card(Page page, Map<String, Object> policy) {
        return page.getByTestId("policies").locator("li[data-policy='" + policy.get("key") + "']");
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browsers.WIDE, Browsers.NARROW})
    void aCuratorsEditShowsInThePolicysHistoryWithHerName(int width) {
        Map<String, Object> body = newPolicy();
        String title = (String) body.get("title");
        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "carol", "#/timeline/" + CuratedFixtures.TEST_COUNTY);
            List<String> errors = Browsers.errorsOf(page);
            page.getByTestId("timeline").locator("li.entry").filter(new Locator.FilterOptions().setHasText("signed"))
                    .filter(new Locator.FilterOptions().setHasText(title))
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit " + title)).click();
            Locator editor = page.getByTestId("policy-editor");
            editor.getByLabel("Title", new Locator.GetByLabelOptions().setExact(true)).fill(title + " (renamed)");
            editor.getByLabel("Summary").fill("Holds end for every detainer.");
            editor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save policy")).click();
            assertThat(page.getByTestId("policy-editor")).hasCount(0);

            Locator card = card(page, body);
            card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("History of " + title + " (renamed)")).click();
            Locator history = card.getByTestId("history");
            Locator changed = history.locator("li.change[data-version='2']");
            assertThat(changed).containsText("changed by carol");
            assertThat(changed.locator("dl.diff")).containsText("title");
            assertThat(changed.locator("dl.diff del").first()).hasText(title);
            assertThat(changed.locator("dl.diff ins").first()).hasText(title + " (renamed)");
            assertThat(changed.locator("dl.diff")).containsText("Holds end for every detainer.");
            assertThat(history.locator("li.change[data-version='1']")).containsText("created by carol");
            Browsers.assertAccessible(page, "policy history at " + width + " px");
            Browsers.screenshot(page, "policy-history-" + width);
            assertThat(errors).isEmpty();
        }
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browsers.WIDE, Browsers.NARROW})
    void aCuratorVerifiesAPolicyAndAnEventAndUnverifiesOnlyWithAReason(int width) {
        Map<String, Object> body = newPolicy();
        String title = (String) body.get("title");
        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "carol", "#/timeline/" + CuratedFixtures.TEST_COUNTY);
            List<String> errors = Browsers.errorsOf(page);
            Locator card = card(page, body);
            assertThat(card.getByTestId("policy-verification")).hasText("The policy: unverified");
            card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Verify or unverify " + title)).click();
            Locator form = card.getByTestId("verify-form");

            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark verified")).click();
            assertThat(form.getByRole(AriaRole.ALERT)).hasText("Choose the source you checked the fact against.");
            form.getByLabel("Checked against").selectOption("Test County Code 1-1");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark verified")).click();
            assertThat(card(page, body).getByTestId("policy-verification"))
                    .containsText("The policy: verified by carol against “Test County Code 1-1”");

            form = card(page, body).getByTestId("verify-form");
            form.getByLabel("Fact").selectOption(new com.microsoft.playwright.options.SelectOption()
                    .setLabel("effective 2019-04-01 (unverified)"));
            form.getByLabel("Checked against").selectOption("Minutes 2019-04-01");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark verified")).click();
            Locator effective = page.getByTestId("timeline").locator("li.entry")
                    .filter(new Locator.FilterOptions().setHasText(title))
                    .filter(new Locator.FilterOptions().setHasText("effective"));
            assertThat(effective.getByTestId("entry-verification"))
                    .hasText("verified by carol against “Minutes 2019-04-01”");
            Locator signed = page.getByTestId("timeline").locator("li.entry")
                    .filter(new Locator.FilterOptions().setHasText(title))
                    .filter(new Locator.FilterOptions().setHasText("signed"));
            assertThat(signed.getByTestId("entry-verification")).hasText("unverified");

            form = card(page, body).getByTestId("verify-form");
            form.getByLabel("Fact").selectOption(new com.microsoft.playwright.options.SelectOption()
                    .setLabel("the policy (verified by carol)"));
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark unverified")).click();
            Locator reason = form.getByLabel("Why is it no longer verified?");
            assertThat(form.getByRole(AriaRole.ALERT))
                    .hasText("A reason is required to take the policy back to unverified: say why");
            assertThat(reason).hasAttribute("aria-invalid", "true");
            Browsers.assertAccessible(page, "verification at " + width + " px");
            Browsers.screenshot(page, "policy-verification-" + width);
            reason.fill("The code section was renumbered");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark unverified")).click();
            assertThat(card(page, body).getByTestId("policy-verification")).hasText("The policy: unverified");
            assertThat(effective.getByTestId("entry-verification"))
                    .hasText("verified by carol against “Minutes 2019-04-01”");

            card(page, body).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("History of " + title)).click();
            assertThat(card(page, body).getByTestId("history").locator("li.change").first())
                    .containsText("Note: The code section was renumbered");
            assertThat(errors).isEmpty();
        }

        JsonPath saved = given().auth().oauth2(Tokens.accessToken("alice")).get("/api/v1/policies/" + body.get("key"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(saved.getString("verification.status")).isEqualTo("UNVERIFIED");
        assertThat(saved.getString("events.find { it.type == 'EFFECTIVE' }.verification.by")).isEqualTo("carol");
        assertThat(saved.getString("events.find { it.type == 'EFFECTIVE' }.verification.source"))
                .isEqualTo("Minutes 2019-04-01");
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browsers.WIDE, Browsers.NARROW})
    void caseRecordsAndClaimsShowTheirHistoryWithTheSameView(int width) {
        String carol = Tokens.accessToken("carol");
        CaseRecords.Created record = CaseRecords.create(carol, "A narrative for the history view.");
        given().auth().oauth2(carol).contentType("application/merge-patch+json").header("If-Match", record.etag())
                .body("{\"narrative\":\"A narrative for the history view, amended.\"}")
                .patch("/api/v1/case-records/" + record.id()).then().statusCode(200);
        long claim = given().auth().oauth2(Tokens.accessToken("alice")).get("/api/v1/claims").then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "alice", "#/case/" + record.id());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("History of " + record.title())).click();
            Locator changed = page.getByTestId("history").locator("li.change[data-version='2']");
            assertThat(changed).containsText("changed by carol");
            assertThat(changed.locator("dl.diff")).containsText("narrative");
            assertThat(changed.locator("dl.diff ins").first()).hasText("A narrative for the history view, amended.");
            Browsers.assertAccessible(page, "case history at " + width + " px");

            page.navigate(Browsers.appUrl() + "/#/claims/" + claim);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("History of claim " + claim)).click();
            assertThat(page.getByTestId("history").locator("li.change").first()).containsText(" by ");
        }
    }
}
