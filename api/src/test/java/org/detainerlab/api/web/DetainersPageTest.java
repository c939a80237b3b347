package org.detainerlab.api.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.detainerlab.api.testing.Browsers;
import org.detainerlab.api.testing.Jobs;
import org.detainerlab.api.testing.Tokens;
import org.detainerlab.ingest.generate.Layout;
import org.detainerlab.ingest.generate.SyntheticReleases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The row browser: a release's rows under a filter, sorted by prepare date, paged by cursor; a row opens with its
 * release, sheet, row and sha256 and the annotations on it; the whole filtered set downloads under a telling name.
 */
@QuarkusTest
class DetainersPageTest {

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browsers.WIDE, Browsers.NARROW})
    void aResearcherPagesSortsOpensAnnotatedRowAndExports(int width) throws Exception {
        Path file = Files.createTempFile("rows", ".csv");
        SyntheticReleases.Tally tally = SyntheticReleases.write(Layout.ICE_MODERN_CSV, 120, 4242 + width, file);
        long release = Jobs.loadRelease(file.toFile(), "Row browser test release");
        String alice = Tokens.accessToken("alice");
        Map<String, Object> first = given().auth().oauth2(alice).queryParam("release", release).queryParam("limit", 1)
                .get("/api/v1/detainers").then().statusCode(200).extract().jsonPath().getMap("items[0]");
        String ref = first.get("releaseId") + "/" + first.get("sourceSheet") + "/" + first.get("sourceRow");
        Map<String, Object> annotation = new HashMap<>();
        annotation.put("target", Map.of("kind", "DETAINER_ROW", "ref", ref));
        annotation.put("body", "This row's facility name is spelled two ways");
        annotation.put("visibility", "RESEARCHERS");
        given().auth().oauth2(alice).contentType(ContentType.JSON).body(annotation).post("/api/v1/annotations")
                .then().statusCode(201);

        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "alice", "#/detainers?release=" + release);
            List<String> errors = new ArrayList<>();
            page.onPageError(errors::add);
            Locator rows = page.getByTestId("rows").locator("tbody tr");
            assertThat(rows).hasCount(50);
            assertThat(page.getByTestId("row-provenance")).containsText("Row browser test release");
            nextPage(page, rows);
            assertThat(rows).hasCount(50);
            nextPage(page, rows);
            assertThat(rows).hasCount((int) tally.rows() - 100);
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next page"))).hasCount(0);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prepare date")).click();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prepare date ▲")))
                    .hasAttribute("aria-pressed", "true");
            // the button shows the order at once; the sorted rows arrive with the next answer
            List<String> dates = List.of();
            for (int attempt = 0; attempt < 50; attempt++) {
                dates = rows.locator("td:nth-child(2)").allTextContents().stream().filter(d -> !d.isEmpty()).toList();
                if (dates.size() > 1 && dates.equals(dates.stream().sorted().toList())) {
                    break;
                }
                page.waitForTimeout(200);
            }
            assertThat(dates).isSorted();
            Browsers.screenshot(page, "detainers-" + width);

            page.navigate(Browsers.appUrl() + "/#/detainers?release=" + release);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(ref).setExact(true)).click();
            Locator detail = page.getByTestId("row-detail");
            assertThat(detail).containsText("Row browser test release");
            assertThat(detail).containsText((String) first.get("sourceSheet"));
            String sha256 = given().auth().oauth2(alice).get("/api/v1/releases/" + release).then().statusCode(200)
                    .extract().path("sha256");
            assertThat(detail.locator("code")).hasText(sha256);
            assertThat(detail).containsText("This row's facility name is spelled two ways");

            Download csv = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Download all matching rows as CSV")).click());
            assertThat(csv.suggestedFilename()).isEqualTo("detainers_release-" + release + "_by-source.csv");
            assertThat(Files.readAllLines(csv.path())).hasSize((int) tally.rows() + 1);
            assertThat(errors).isEmpty();
        }

        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "bob", "#/detainers?release=" + release + "&row=" + ref);
            assertThat(page.getByTestId("row-detail")).containsText("This row's facility name is spelled two ways");
            Browsers.screenshot(page, "detainer-row-" + width);
        }
    }

    /**
     * Follows "Next page" and waits until the page shows other rows: a page of 50 after a page of 50 would otherwise
     * pass before the new page renders, and the next click would follow the old page's link again.
     */
    private static void nextPage(Page page, Locator rows) {
        String firstBefore = rows.first().locator("td").first().textContent();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next page")).click();
        assertThat(rows.first().locator("td").first()).not().hasText(firstBefore);
    }
}
