package org.detainerlab.api.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.detainerlab.api.testing.Claims.claim;
import static org.detainerlab.api.testing.Claims.countQuery;

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
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.detainerlab.api.testing.Browsers;
import org.detainerlab.api.testing.Claims;
import org.detainerlab.api.testing.Jobs;
import org.detainerlab.api.testing.Tokens;
import org.detainerlab.ingest.generate.Layout;
import org.detainerlab.ingest.generate.SyntheticReleases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Claims written in the browser: "Claim this figure" on Explore starts a claim with the figure's question (Explore's
 * own filter controls) and number, the API's refusals stand beside their fields, the claim then checks as supported
 * on the release the figure showed; an edit that meets another session's change is merged field by field.
 */
@QuarkusTest
class ClaimEditorPageTest {

    private static long release;
    private static YearMonth first;
    private static YearMonth last;

    @BeforeEach
    void load() throws Exception {
        if (release != 0) {
            return;
        }
        Path file = Files.createTempFile("claim-editor", ".csv");
        SyntheticReleases.write(Layout.ICE_MODERN_CSV, 1_200, 7321, file);
        release = Jobs.loadRelease(file.toFile(), "Claim editor test release");
        JsonPath view = given().auth().oauth2(Tokens.accessToken("alice")).get("/api/v1/releases/" + release).jsonPath();
        first = YearMonth.from(LocalDate.parse(view.getString("coverageFrom"))).plusMonths(1);
        last = YearMonth.from(LocalDate.parse(view.getString("coverageTo"))).minusMonths(1);
    }

    private static Locator button(Locator scope, String name) {
        return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void aCuratorClaimsAnExploreFigureAndTheClaimChecksAsSupported() {
        String word = "claimeditor" + UUID.randomUUID().toString().substring(0, 8);
        try (BrowserContext context = Browsers.context(Browsers.WIDE)) {
            Page page = Browsers.logIn(context, "carol", "#/explore?release=" + release + "&from=" + first.atDay(1)
                    + "&to=" + last.atEndOfMonth() + "&outcome=DECLINED");
            List<String> errors = Browsers.errorsOf(page);
            String total = page.getByTestId("total").textContent();
            page.getByTestId("time-series").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                    .setName("Claim this figure")).click();

            Locator editor = page.getByTestId("claim-editor");
            Locator question = editor.getByTestId("claim-query");
            // Explore's own controls, filled with the figure's question (a claim names no release).
            assertThat(question.getByLabel("From")).hasValue(first.atDay(1).toString());
            assertThat(question.getByLabel("To", new Locator.GetByLabelOptions().setExact(true))).hasValue(last.atEndOfMonth().toString());
            assertThat(question.getByLabel("Outcome")).hasValue("DECLINED");
            assertThat(question.getByLabel("State")).isVisible();
            assertThat(question.getByLabel("Claimed value (a count)")).hasValue(total.replace(",", ""));
            assertThat(question.getByLabel("Release", new Locator.GetByLabelOptions().setExact(true))).hasCount(0);

            editor.getByLabel("Quotation (the claim exactly as published)").fill("\"" + total + " detainers were declined\" (" + word + ")");
            editor.getByLabel("URL").fill("not a web address");
            Response refused = page.waitForResponse(r -> r.request().method().equals("POST"), () ->
                    button(editor, "Create claim").click());
            assertThat(refused.status()).isEqualTo(422);
            assertThat(editor.getByLabel("Publisher")).hasAttribute("aria-invalid", "true");
            assertThat(editor.locator("#new-claim-source-publisher-error")).isVisible();
            assertThat(editor.getByLabel("URL")).hasAttribute("aria-invalid", "true");
            assertThat(editor.locator("#new-claim-source-url-error")).containsText("http");
            Browsers.assertAccessible(page, "a new claim refused at 1280 px");

            editor.getByLabel("Publisher").fill("Test Gazette");
            editor.getByLabel("URL").fill("https://example.org/gazette/declined");
            editor.getByLabel("Quoted or attributed to").fill("A county spokesperson");
            editor.getByLabel("Published (YYYY, YYYY-MM or YYYY-MM-DD)").fill("2024-02");
            Response tolerance = page.waitForResponse(r -> r.request().method().equals("POST"), () ->
                    button(editor, "Create claim").click());
            assertThat(tolerance.status()).isEqualTo(422);
            assertThat(editor.locator(".error").filter(new Locator.FilterOptions().setHasText("absolute, relative or both"))).isVisible();
            editor.getByLabel("Tolerance, absolute").fill("0");
            Response created = page.waitForResponse(r -> r.request().method().equals("POST"), () ->
                    button(editor, "Create claim").click());
            assertThat(created.status()).isEqualTo(201);

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(Pattern.compile("Claim \\d+"));
            assertThat(page.locator("blockquote")).containsText(word);
            page.getByLabel("Release to check on").selectOption(String.valueOf(release));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check now")).click();
            Locator result = page.getByTestId("latest-checks").getByTestId("check-result");
            assertThat(result.locator(".status")).hasText("SUPPORTED");
            assertThat(result.getByTestId("computed-value")).hasText(total);
            Browsers.screenshot(page, "claim-from-figure-1280");
            assertThat(errors).isEmpty();
        }
        JsonPath saved = given().auth().oauth2(Tokens.accessToken("alice")).queryParam("q", word).get("/api/v1/claims")
                .then().statusCode(200).extract().jsonPath();
        assertThat(saved.getString("items[0].query.outcome[0]")).isEqualTo("DECLINED");
        assertThat(saved.getString("items[0].source.quoted")).isEqualTo("A county spokesperson");
        assertThat(saved.getString("items[0].query.from")).isEqualTo(first.atDay(1).toString());
    }

    @Test
    void aCuratorEditsAClaimWhileAnotherSessionChangesItAndKeepsBothChanges() {
        String curator = Tokens.accessToken("carol");
        String word = "claimedit" + UUID.randomUUID().toString().substring(0, 8);
        long id = Claims.create(curator, claim("\"1,000 detainers\" (" + word + ")", 1000,
                countQuery(first.atDay(1), last.atEndOfMonth(), 0)));
        try (BrowserContext context = Browsers.context(Browsers.NARROW)) {
            Page page = Browsers.logIn(context, "carol", "#/claims/" + id);
            List<String> errors = Browsers.errorsOf(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit claim " + id)).click();
            Locator editor = page.getByTestId("claim-editor");
            Locator question = editor.getByTestId("claim-query");
            question.getByLabel("State").selectOption("CA");
            editor.getByLabel("Quoted or attributed to").fill("The sheriff");

            String etag = given().auth().oauth2(curator).get("/api/v1/claims/" + id).then().extract().header("ETag");
            Map<String, Object> theirs = claim("\"1,000 detainers\" (" + word + ")", 1000,
                    countQuery(first.atDay(1), last.atEndOfMonth(), 0));
            theirs.put("verified", true);
            given().auth().oauth2(curator).contentType(ContentType.JSON).header("If-Match", etag)
                    .body(theirs).put("/api/v1/claims/" + id).then().statusCode(200);

            Response conflict = page.waitForResponse(r -> r.request().method().equals("PUT"), () ->
                    button(editor, "Save claim").click());
            assertThat(conflict.status()).isEqualTo(412);
            assertThat(editor.getByTestId("their-version")).containsText("Verified");
            assertThat(editor.getByLabel("The quotation is verified against the source")).isChecked();
            assertThat(question.getByLabel("State")).hasValue("CA");
            Browsers.assertAccessible(page, "a claim conflict at 390 px");
            Browsers.screenshot(page, "claim-conflict-390");
            button(editor, "Save claim").click();
            assertThat(page.getByTestId("claim-editor")).hasCount(0);
            assertThat(page.locator("figure.claim")).containsText("The sheriff");
            assertThat(page.locator("figure.claim")).containsText("text verified against the source");
            assertThat(errors).isEmpty();
        }
        JsonPath saved = given().auth().oauth2(curator).get("/api/v1/claims/" + id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(saved.getBoolean("verified")).isTrue();
        assertThat(saved.getList("query.state")).containsExactly("CA");
        assertThat(saved.getString("source.quoted")).isEqualTo("The sheriff");
    }

    /** Issue 14: a claim by policy regime ("more than" a figure) keeps its provision, regimes and orMore when edited. */
    @Test
    void aClaimByPolicyRegimeKeepsItsProvisionRegimesAndOrMoreThroughAnEdit() {
        String curator = Tokens.accessToken("carol");
        String word = "regimeclaim" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> query = countQuery(first.atDay(1), last.atEndOfMonth(), 0);
        query.put("provision", "DECLINES_DETAINER_HOLDS");
        query.put("policyRegime", List.of("IN_FORCE"));
        query.put("tolerance", Map.of("absolute", 0, "orMore", true));
        long id = Claims.create(curator, claim("\"more than 1,000 declined\" (" + word + ")", 1000, query));
        try (BrowserContext context = Browsers.context(Browsers.WIDE)) {
            Page page = Browsers.logIn(context, "carol", "#/claims/" + id);
            List<String> errors = Browsers.errorsOf(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit claim " + id)).click();
            Locator editor = page.getByTestId("claim-editor");
            Locator question = editor.getByTestId("claim-query");
            assertThat(question.getByLabel("Policy provision", new Locator.GetByLabelOptions().setExact(false)))
                    .hasValue("DECLINES_DETAINER_HOLDS");
            assertThat(question.getByLabel("Policy regimes of that provision", new Locator.GetByLabelOptions()
                    .setExact(false))).hasValue("IN_FORCE");
            assertThat(question.getByLabel("The claim says", new Locator.GetByLabelOptions().setExact(false)))
                    .isChecked();
            editor.getByLabel("Quoted or attributed to").fill("A spokesperson");
            button(editor, "Save claim").click();
            assertThat(page.getByTestId("claim-editor")).hasCount(0);
            assertThat(errors).isEmpty();
        }
        JsonPath saved = given().auth().oauth2(curator).get("/api/v1/claims/" + id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(saved.getString("source.quoted")).isEqualTo("A spokesperson");
        assertThat(saved.getString("query.provision")).isEqualTo("DECLINES_DETAINER_HOLDS");
        assertThat(saved.getList("query.policyRegime")).containsExactly("IN_FORCE");
        assertThat(saved.getBoolean("query.tolerance.orMore")).isTrue();
    }
}
