package org.detainerlab.api.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.detainerlab.api.testing.Browsers;
import org.detainerlab.api.testing.CuratedFixtures;
import org.detainerlab.api.testing.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Import and export of curated content in the browser: the export downloads as importable JSON; a file with a bad
 * entry is refused at the check with the entry's field path and nothing is written; a good file's check says what
 * it would create, still writing nothing, and only the import writes it.
 */
@QuarkusTest
class ImportExportPageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path file(Map<String, Object> content) throws Exception {
        Path path = Files.createTempFile("curated", ".json");
        JSON.writeValue(path.toFile(), content);
        return path;
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browsers.WIDE, Browsers.NARROW})
    void aCuratorExportsThenChecksAndImportsAFileAndOnlyTheImportWrites(int width) throws Exception {
        Map<String, Object> good = CuratedFixtures.policy();
        Map<String, Object> bad = CuratedFixtures.policy();
        bad.put("events", List.of(CuratedFixtures.event("EFFECTIVE", "1600")));
        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "carol", "#/explore");
            List<String> errors = Browsers.errorsOf(page);
            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Import & export")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("Import and export curated content");

            Download export = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Export all (JSON)")).click());
            assertThat(export.suggestedFilename()).isEqualTo("detainerlab-curated.json");
            Map<?, ?> exported = JSON.readValue(export.path().toFile(), Map.class);
            assertThat(exported.get("format")).isEqualTo("detainerlab-curated");
            assertThat((List<?>) exported.get("policies")).isNotEmpty();

            Locator check = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check the file"));
            page.getByLabel("Curated JSON file").setInputFiles(file(Map.of("policies", List.of(good, bad))));
            check.click();
            Locator refused = page.getByTestId("import-refused");
            assertThat(refused).containsText("nothing was written");
            assertThat(refused).containsText("policies[1].events[0].date");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                    .setName(java.util.regex.Pattern.compile("^Import ")))).isDisabled();

            page.getByLabel("Curated JSON file").setInputFiles(file(Map.of("format", "detainerlab-curated",
                    "policies", List.of(good))));
            check.click();
            assertThat(page.getByTestId("import-check")).containsText("Policies: 1 to create (" + good.get("key") + ")");
            given().auth().oauth2(Tokens.accessToken("alice")).get("/api/v1/policies/" + good.get("key"))
                    .then().statusCode(404);
            Browsers.assertAccessible(page, "import and export at " + width + " px");
            Browsers.screenshot(page, "curation-import-" + width);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                    .setName(java.util.regex.Pattern.compile("^Import curated"))).click();
            assertThat(page.getByTestId("import-done")).containsText("Policies: 1 created (" + good.get("key") + ")");
            assertThat(errors).isEmpty();
        }
        given().auth().oauth2(Tokens.accessToken("alice")).get("/api/v1/policies/" + good.get("key"))
                .then().statusCode(200);
        given().auth().oauth2(Tokens.accessToken("alice")).get("/api/v1/policies/" + good.get("key") + "/history")
                .then().statusCode(200).body("action", contains("IMPORT")).body("actor", contains("carol"));
    }
}
