package org.detainerlab.api.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.detainerlab.api.testing.Browsers;
import org.detainerlab.api.testing.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every case record, claim and policy of the real seed (the files the application imports at its first start, read
 * here from the same classpath) opened in the browser as a researcher would, at both widths: a page that throws,
 * logs an error or stays on "Loading…" fails, and so does a serious accessibility violation. The fixtures of the
 * other page tests all carry dates and values the seed does not, which is how the case pages broke unseen.
 */
@QuarkusTest
class SeededPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browsers.WIDE, Browsers.NARROW})
    void everySeededCaseRecordClaimAndPolicyOpensWithoutAnError(int width) throws IOException {
        String token = Tokens.accessToken("alice");
        // Each page with every text it must show: several seeded policies share a place's timeline.
        Map<String, List<String>> pages = new LinkedHashMap<>();
        Map<String, Long> caseIds = idsByField(token, "/api/v1/case-records", "title");
        for (JsonNode seed : seed("seed/case-records.json").get("records")) {
            String title = seed.get("record").get("title").asText();
            assertThat(caseIds).as("seeded case record '%s' is loaded", title).containsKey(title);
            pages.computeIfAbsent("#/case/" + caseIds.get(title), hash -> new ArrayList<>()).add(title);
        }
        Map<String, Long> claimIds = idsByField(token, "/api/v1/claims", "text");
        for (JsonNode seed : seed("seed/claims.json").get("claims")) {
            String text = seed.get("claim").get("text").asText();
            assertThat(claimIds).as("seeded claim '%s' is loaded", text).containsKey(text);
            pages.computeIfAbsent("#/claims/" + claimIds.get(text), hash -> new ArrayList<>())
                    .add("Claim " + claimIds.get(text));
        }
        for (JsonNode seed : seed("seed/curated-v1.json").get("policies")) {
            String key = seed.get("key").asText();
            List<String> places = given().auth().oauth2(token).get("/api/v1/policies/" + key)
                    .then().statusCode(200).extract().jsonPath().getList("jurisdictions");
            pages.computeIfAbsent("#/timeline/" + places.get(0), hash -> new ArrayList<>())
                    .add(seed.get("title").asText());
        }
        assertThat(pages.values().stream().mapToInt(List::size).sum()).as("seeded pages and policies").isGreaterThan(20);

        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "alice", "#/claims");
            List<String> errors = Browsers.errorsOf(page);
            for (Map.Entry<String, List<String>> entry : pages.entrySet()) {
                page.navigate(Browsers.appUrl() + "/" + entry.getKey());
                Locator main = page.locator("main");
                assertThat(main.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setLevel(1))).isVisible();
                for (String text : entry.getValue()) {
                    assertThat(main).containsText(text);
                }
                assertThat(main).not().containsText("Loading");
                assertThat(errors).as("errors on %s", entry.getKey()).isEmpty();
                Browsers.assertAccessible(page, entry.getKey() + " at " + width + " px");
            }
        }
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browsers.WIDE, Browsers.NARROW})
    void aPassageOfASeededCaseIsAnnotatedInTheBrowser(int width) throws IOException {
        JsonNode seeded = seed("seed/case-records.json").get("records").get(0).get("record");
        long id = idsByField(Tokens.accessToken("alice"), "/api/v1/case-records", "title")
                .get(seeded.get("title").asText());
        String passage = seeded.get("narrative").asText().split("\\. ")[0];
        String note = "Seed note " + UUID.randomUUID();
        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "alice", "#/case/" + id);
            List<String> errors = Browsers.errorsOf(page);
            page.getByTestId("passage").fill(passage);
            page.getByLabel("Note (Markdown)").fill(note);
            page.getByLabel("Visible to").selectOption("PRIVATE");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save annotation")).click();
            Locator annotation = page.getByTestId("annotations").locator("li.annotation").filter(
                    new Locator.FilterOptions().setHasText(note));
            assertThat(annotation.locator("blockquote")).hasText(passage);
            assertThat(page.getByTestId("narrative").locator("mark")).containsText(new String[] {passage});
            assertThat(page.getByTestId("events").locator("li").first()).containsText("date not stated");
            assertThat(errors).isEmpty();
            Browsers.screenshot(page, "case-seeded-" + width);
        }
    }

    private static JsonNode seed(String resource) throws IOException {
        try (InputStream in = SeededPagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            return JSON.readTree(in);
        }
    }

    /** Every item of a paged list by one text field, walking the pages. */
    private static Map<String, Long> idsByField(String token, String path, String field) {
        Map<String, Long> ids = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonPath answer = given().auth().oauth2(token).queryParam("page", page).queryParam("size", 50)
                    .get(path).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = new ArrayList<>(answer.getList("items"));
            items.forEach(item -> ids.put(String.valueOf(item.get(field)), ((Number) item.get("id")).longValue()));
            if (items.size() < 50) {
                return ids;
            }
        }
    }
}
