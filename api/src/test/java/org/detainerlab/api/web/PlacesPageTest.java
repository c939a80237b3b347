package org.detainerlab.api.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.detainerlab.api.testing.Browsers;
import org.detainerlab.api.testing.Jobs;
import org.detainerlab.api.testing.Tokens;
import org.detainerlab.core.common.Csv;
import org.detainerlab.ingest.generate.Layout;
import org.detainerlab.ingest.generate.SyntheticReleases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A curator reviews an unresolved place on the places page, giving it a county, and the explore map's county
 * drill-down changes for that county; a curator pages through the places to review.
 */
@QuarkusTest
class PlacesPageTest {

    private static final String UNRESOLVABLE = "PLACES PAGE TEST LOCKUP 5309";

    private static long release;

    /** Once per class; in @BeforeEach because the application answers only once the test instance exists. */
    @BeforeEach
    void load() throws Exception {
        if (release != 0) {
            return;
        }
        Path file = Files.createTempFile("places-page", ".csv");
        SyntheticReleases.write(Layout.ICE_MODERN_CSV, 3_000, 5309, file);
        unresolvable(file);
        release = Jobs.loadRelease(file.toFile(), "Places page test release");
    }

    /**
     * Gives this release's Utah rows a facility and city of their own that no method can place, so the test has an
     * unresolved place whatever other test classes have decided about the shared synthetic spellings.
     */
    private static void unresolvable(Path file) throws java.io.IOException {
        List<String> lines = Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8);
        List<String> header = Csv.fields(lines.get(0));
        int state = header.indexOf("Facility State");
        int facility = header.indexOf("Detainer Facility");
        int code = header.indexOf("Detainer Facility Code");
        int city = header.indexOf("Facility City");
        StringBuilder out = new StringBuilder(lines.get(0)).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            List<String> fields = new java.util.ArrayList<>(Csv.fields(line));
            if (fields.size() > state && fields.get(state).equals("UTAH")) {
                fields.set(facility, UNRESOLVABLE);
                fields.set(code, "");
                fields.set(city, "NOWHERE 5309");
                out.append(String.join(",", fields.stream().map(f -> f.contains(",") || f.contains("\"")
                        ? "\"" + f.replace("\"", "\"\"") + "\"" : f).toList())).append('\n');
            } else {
                out.append(line).append('\n');
            }
        }
        Files.writeString(file, out, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aCuratorGivesAnUnresolvedPlaceACountyAndTheCountyMapChanges() {
        List<Map<String, Object>> unresolved = given().auth().oauth2(Tokens.accessToken("carol"))
                .get("/api/v1/places/review?status=UNRESOLVED&limit=500").then().statusCode(200).extract()
                .jsonPath().getList("findAll { it.state == 'UT' && it.facility?.contains('LOCKUP 5309') }");
        assertThat(unresolved).as("this release's unresolvable Utah place").hasSize(1);
        long id = ((Number) unresolved.get(0).get("id")).longValue();
        String saltLake = "path.area[data-code='49035']";

        try (BrowserContext context = Browsers.context(Browsers.WIDE)) {
            Page page = Browsers.logIn(context, "carol", "#/explore?release=" + release + "&state=UT");
            Locator county = page.getByTestId("map").locator(saltLake);
            assertThat(county).isVisible();
            String before = county.getAttribute("aria-label");

            page.navigate(page.url().substring(0, page.url().indexOf('#')) + "#/places/" + id);
            Locator row = page.getByTestId("places").locator("tr[data-place='" + id + "']");
            assertThat(row.getByTestId("status")).hasText("no county in use");
            row.getByLabel(java.util.regex.Pattern.compile("^County \\(FIPS\\)")).fill("06085");
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept")).click();
            assertThat(row.getByRole(AriaRole.ALERT)).containsText("countyCode is a county of CA");

            row.getByLabel(java.util.regex.Pattern.compile("^County \\(FIPS\\)")).fill("49035");
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept")).click();
            assertThat(page.getByTestId("places").locator("tr[data-place='" + id + "']").getByTestId("status"))
                    .hasText("accepted by a curator (carol)");
            Browsers.screenshot(page, "places-1280");

            page.navigate(page.url().substring(0, page.url().indexOf('#')) + "#/explore?release=" + release + "&state=UT");
            Locator after = page.getByTestId("map").locator(saltLake);
            assertThat(after).isVisible();
            assertThat(after).not().hasAttribute("aria-label", before);
            assertThat(after).hasAttribute("aria-label", java.util.regex.Pattern.compile("^Salt Lake: [0-9,]+"));
            long shown = countOf(after.getAttribute("aria-label"));
            long counted = given().auth().oauth2(Tokens.accessToken("carol"))
                    .get("/api/v1/stats/detainers?release=" + release + "&county=49035").then().statusCode(200)
                    .extract().jsonPath().getLong("total");
            assertThat(shown).as("the map shows the county's count after the decision").isEqualTo(counted);
            assertThat(shown).as("which grew with the accepted place's detainers").isGreaterThan(countOf(before));
        }
    }

    @Test
    void aCuratorPagesThroughThePlacesToReview() {
        String carol = Tokens.accessToken("carol");
        io.restassured.response.Response first = given().auth().oauth2(carol).get("/api/v1/places/review?limit=3")
                .then().statusCode(200).extract().response();
        List<Long> firstIds = first.jsonPath().getList("id", Long.class);
        String link = first.header("Link");
        assertThat(link).as("more places to review than one page of three").isNotNull();
        List<Long> secondIds = given().urlEncodingEnabled(false).auth().oauth2(carol)
                .get(link.substring(link.indexOf('<') + 1, link.indexOf('>'))).then().statusCode(200).extract()
                .jsonPath().getList("id", Long.class);
        assertThat(secondIds).hasSize(3).doesNotContainAnyElementsOf(firstIds);

        try (BrowserContext context = Browsers.context(Browsers.WIDE)) {
            Page page = Browsers.logIn(context, "carol", "#/places?limit=3");
            Locator rows = page.getByTestId("places").locator("tbody tr");
            assertThat(rows.first()).hasAttribute("data-place", String.valueOf(firstIds.get(0)));
            assertThat(placesShown(rows)).isEqualTo(firstIds);
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("First page"))).hasCount(0);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next page")).click();
            assertThat(rows.first()).hasAttribute("data-place", String.valueOf(secondIds.get(0)));
            assertThat(placesShown(rows)).as("the second page, as the API's Link rel=next gives it").isEqualTo(secondIds);
            assertThat(page.url()).contains("cursor=");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("First page")).click();
            assertThat(rows.first()).hasAttribute("data-place", String.valueOf(firstIds.get(0)));
            assertThat(placesShown(rows)).isEqualTo(firstIds);
        }
    }

    private static List<Long> placesShown(Locator rows) {
        assertThat(rows).hasCount(3);
        return rows.all().stream().map(r -> Long.parseLong(r.getAttribute("data-place"))).toList();
    }

    /** The count in a county's label ("Salt Lake: 1,234 ..."), 0 for "no detainers". */
    private static long countOf(String label) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^[^:]+: ([0-9,]+)").matcher(label);
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : 0;
    }
}
