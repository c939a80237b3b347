package org.detainerlab.api.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.detainerlab.api.testing.Browsers;
import org.detainerlab.api.testing.Jobs;
import org.detainerlab.api.testing.Tokens;
import org.detainerlab.core.testing.RealData;
import org.detainerlab.ingest.generate.Layout;
import org.detainerlab.ingest.generate.SyntheticReleases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The explore page against a release loaded for this class: its totals are the generator's tally, its view lives
 * in the URL, its map drills down, its figures download as CSV with their provenance. Other classes load releases
 * into the same database, so every view here is filtered to this class's release.
 */
@QuarkusTest
class ExplorePageTest {

    private static final String FY2015 = "ice-detainers-fy2015/rif-FOIA_15-87693_07262015_LESA-STU_FINAL_FY15YTD.xlsx";

    private static long release;
    private static SyntheticReleases.Tally tally;
    /** The real FY2015 file, loaded by the first test that needs it. */
    private static long fy2015;

    /** Once per class; in @BeforeEach because the application answers only once the test instance exists. */
    @BeforeEach
    void load() throws Exception {
        if (tally != null) {
            return;
        }
        Path file = Files.createTempFile("explore", ".csv");
        tally = SyntheticReleases.write(Layout.ICE_MODERN_CSV, 3_000, 7707, file);
        release = Jobs.loadRelease(file.toFile(), "Explore page test release");
    }

    private static String total(long value) {
        return String.format(Locale.US, "%,d", value);
    }

    @Test
    void theTotalsAreTheGeneratedReleasesAndTheUrlReproducesTheView() {
        long declined = tally.declinedByState().values().stream().mapToLong(Long::longValue).sum();
        try (BrowserContext context = Browsers.context(Browsers.WIDE)) {
            Page page = Browsers.logIn(context, "alice", "#/explore?release=" + release);
            assertThat(page.getByTestId("total")).hasText(total(tally.rows()));

            page.getByLabel("Outcome").selectOption("DECLINED");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters")).click();
            assertThat(page.getByTestId("total")).hasText(total(declined));
            assertThat(page).hasURL(Pattern.compile(".*outcome=DECLINED.*"));

            page.getByLabel("Fiscal years").check();
            assertThat(page.getByTestId("time-series").getByRole(AriaRole.HEADING)).hasText("Detainers by fiscal year");
            page.getByLabel("Percent", new Page.GetByLabelOptions().setExact(true)).check();
            assertThat(page.getByTestId("time-series").locator("rect.bar").first()).isVisible();
            Browsers.screenshot(page, "explore-1280");

            // The same URL in another browser shows the same view.
            String url = page.url();
            try (BrowserContext other = Browsers.context(Browsers.NARROW)) {
                Page again = Browsers.logIn(other, "bob", url.substring(url.indexOf('#')));
                assertThat(again.getByTestId("total")).hasText(total(declined));
                assertThat(again.getByLabel("Fiscal years")).isChecked();
                assertThat(again.getByLabel("Percent", new Page.GetByLabelOptions().setExact(true))).isChecked();
                assertThat(again.getByLabel("Outcome")).hasValue("DECLINED");
                Browsers.screenshot(again, "explore-390");
            }
        }
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browsers.WIDE, Browsers.NARROW})
    void theMapDrillsDownToAStateAndTheFacilityTableToAFacility(int width) {
        Map.Entry<String, Long> biggest = tally.byState().entrySet().stream().filter(e -> !e.getKey().isBlank())
                .max(Map.Entry.comparingByValue()).orElseThrow();
        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "alice", "#/explore?release=" + release);
            Locator states = page.getByTestId("map").locator("path.area");
            assertThat(states.first()).isVisible();
            assertThat(states.count()).isGreaterThanOrEqualTo(50);

            Locator state = page.getByTestId("map").locator("path.area[aria-label^='"
                    + titleCase(biggest.getKey()) + ":']");
            state.focus();
            page.keyboard().press("Enter");
            assertThat(page).hasURL(Pattern.compile(".*state=[A-Z]{2}.*"));
            assertThat(page.getByTestId("total")).hasText(total(biggest.getValue()));
            assertThat(page.getByTestId("map").getByRole(AriaRole.HEADING)).containsText("by county");

            Locator table = page.getByTestId("facility-table");
            List<Long> counts = table.locator("tbody td.num").allTextContents().stream()
                    .map(t -> Long.parseLong(t.replace(",", ""))).toList();
            assertThat(counts).isSortedAccordingTo(Comparator.reverseOrder());
            table.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Facility").setExact(true)).click();
            List<String> names = table.locator("tbody td:first-child").allTextContents().stream()
                    .filter(name -> !name.equals("not stated")).toList();
            assertThat(names).isNotEmpty().isSorted();

            String facility = names.get(0);
            table.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(facility).setExact(true)).click();
            assertThat(page.getByLabel("Facility", new Page.GetByLabelOptions().setExact(true))).hasValue(facility);
            assertThat(table.locator("tbody tr")).hasCount(1);
        }
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browsers.WIDE, Browsers.NARROW})
    void aFigureDownloadsAsCsvAndShowsItsProvenance(int width) throws Exception {
        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "alice", "#/explore?release=" + release);
            Locator figure = page.getByTestId("time-series");
            figure.getByText("Provenance").click();
            assertThat(figure.locator(".provenance")).containsText("Explore page test release");
            assertThat(figure.locator(".provenance .query")).containsText("release=" + release);

            Download download = page.waitForDownload(() -> figure.getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Download CSV")).click());
            List<String> lines = Files.readAllLines(download.path());
            assertThat(lines.get(0)).startsWith("month,").contains("count");
            long sum = lines.stream().skip(1).mapToLong(l -> Long.parseLong(l.split(",")[1])).sum();
            assertThat(sum).isEqualTo(tally.rows());
        }
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browsers.WIDE, Browsers.NARROW})
    void theFy2015ReleaseShowsItsPublishedTotals(int width) {
        if (fy2015 == 0) {
            fy2015 = Jobs.loadRelease(RealData.file(FY2015).toFile(), "ICE detainers FY2015 YTD");
        }
        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "alice", "#/explore?release=" + fy2015);
            assertThat(page.getByTestId("total")).hasText("79,053");
            page.navigate(Browsers.appUrl() + "/#/explore?release=" + fy2015 + "&outcome=DECLINED");
            assertThat(page.getByTestId("total")).hasText("5,501");
            // The seed's federal events inside the release's months are marked on the time series.
            assertThat(page.getByTestId("time-series").locator("g.marker").first()).isVisible();
            assertThat(page.getByTestId("time-series").locator(".markers"))
                    .containsText("2014-11-20: Priority Enforcement Program (PEP) (effective)");
            assertThat(page.getByTestId("map").locator("path.area").first()).isVisible();
            // The release ends inside July 2015: that month is drawn and listed as partial.
            Locator series = page.getByTestId("time-series");
            assertThat(series.locator("rect.bar.partial")).hasCount(1);
            assertThat(series.locator("table tbody tr").last()).containsText("2015-07 (partial)");
            // Before and after a chosen event are shaded, with each side's mean over whole months.
            series.getByLabel("Shade before and after an event").selectOption("2014-11-20");
            assertThat(page).hasURL(Pattern.compile(".*around=2014-11-20.*"));
            assertThat(series.locator("g.around rect.before")).hasCount(1);
            assertThat(series.getByTestId("around-summary")).containsText("before");
            assertThat(series.getByTestId("around-summary")).containsText("is not by itself an effect");
            Browsers.screenshot(page, "explore-fy2015-declined-" + width);
        }
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browsers.WIDE, Browsers.NARROW})
    void whileNewNumbersLoadTheOldAreNotShownAndAnEmptyAnswerSaysSo(int width) {
        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "alice", "#/explore?release=" + release);
            assertThat(page.getByTestId("total")).hasText(total(tally.rows()));
            List<Route> held = new java.util.concurrent.CopyOnWriteArrayList<>();
            page.route("**/api/v1/stats/detainers?**", held::add);
            page.getByLabel("Outcome").selectOption("DECLINED");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters")).click();
            assertThat(page.getByTestId("loading")).isVisible();
            assertThat(page.getByTestId("total")).hasCount(0);
            assertThat(page.getByTestId("time-series").locator("rect.bar")).hasCount(0);
            page.unroute("**/api/v1/stats/detainers?**");
            held.forEach(Route::resume);
            assertThat(page.getByTestId("total")).not().hasText(total(tally.rows()));

            page.navigate(Browsers.appUrl() + "/#/explore?release=" + release + "&facility=NO+SUCH+FACILITY+" + release);
            assertThat(page.getByTestId("total")).hasText("0");
            assertThat(page.getByTestId("time-series").getByTestId("empty")).containsText("No detainers match");
            assertThat(page.getByTestId("time-series").locator("svg")).hasCount(0);
        }
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browsers.WIDE, Browsers.NARROW})
    void theFacilityAndCountyFieldsSuggestNames(int width) {
        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "alice", "#/explore?release=" + release);
            String facility = page.getByTestId("facility-table").locator("tbody td button.link").first().textContent();
            page.getByLabel("Facility", new Page.GetByLabelOptions().setExact(true)).fill(facility.substring(0, 4));
            assertThat(page.getByTestId("facility-options").locator("option[value='" + facility + "']")).hasCount(1);
            page.getByLabel("County", new Page.GetByLabelOptions().setExact(true)).fill("Santa Clara");
            assertThat(page.getByTestId("county-options").locator("option[value='06085']")).hasCount(1);
        }
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browsers.WIDE, Browsers.NARROW})
    void fromAfterToIsSaidOnceBesideTheToField(int width) {
        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "alice", "#/explore?release=" + release + "&from=2015-05-01&to=2015-01-01");
            Locator error = page.locator("#filter-to-error");
            assertThat(error).containsText("To (2015-01-01) is before From (2015-05-01)");
            assertThat(page.getByLabel("To", new Page.GetByLabelOptions().setExact(true))).hasAttribute("aria-invalid", "true");
            assertThat(page.locator(".figure [role=alert]")).hasCount(0);
            assertThat(page.getByText("is after")).hasCount(0);

            // Typed into the form, the same mistake is caught before anything is asked.
            page.navigate(Browsers.appUrl() + "/#/explore?release=" + release);
            assertThat(page.getByTestId("total")).hasText(total(tally.rows()));
            page.getByLabel("From", new Page.GetByLabelOptions().setExact(true)).fill("2015-03-01");
            page.getByLabel("To", new Page.GetByLabelOptions().setExact(true)).fill("2015-02-01");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters")).click();
            assertThat(error).containsText("is before From");
            assertThat(page).not().hasURL(Pattern.compile(".*from=2015-03-01.*"));
            Browsers.screenshot(page, "explore-error-" + width);
        }
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browsers.WIDE, Browsers.NARROW})
    void percentagesCarryTheirCountsAndAFigureSavedFromThePercentViewKeepsMeasureFiltersChartAndCitation(int width)
            throws Exception {
        String title = "Percent figure " + release + " at " + width + " px";
        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "alice", "#/explore?release=" + release
                    + "&outcome=DECLINED&measure=percent");
            Locator counts = page.getByTestId("facility-table").locator("tbody td.counts");
            assertThat(counts.first()).hasText(Pattern.compile("^[\\d,]+ of [\\d,]+$"));
            Locator series = page.getByTestId("time-series");
            assertThat(series.locator("table tbody td.num").first()).containsText(" of ");
            Download svg = page.waitForDownload(() -> series.getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Download SVG")).click());
            assertThat(svg.suggestedFilename()).isEqualTo("time-series.svg");
            assertThat(Files.readString(svg.path())).startsWith("<svg").contains("rect").contains("sha256");

            series.getByLabel("Figure title").fill(title);
            series.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save as figure")).click();
            series.getByTestId("time-series-saved").getByRole(AriaRole.LINK).click();

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(title);
            assertThat(page.getByTestId("figure-query")).containsText("Percent");
            assertThat(page.getByTestId("figure-query")).containsText("outcome DECLINED");
            assertThat(page.getByTestId("figure-values").locator("tbody td.num").first()).containsText("%");
            assertThat(page.getByTestId("figure-values").locator("tbody td.num").first()).containsText(" of ");
            Locator chart = page.getByTestId("figure-chart");
            assertThat(chart.locator("svg.chart rect.bar").first()).isVisible();
            Download png = page.waitForDownload(() -> chart.getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Download PNG")).click());
            byte[] bytes = Files.readAllBytes(png.path());
            assertThat(png.suggestedFilename()).endsWith(".png");
            assertThat(new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");

            String sha = given().auth().oauth2(Tokens.accessToken("alice")).get("/api/v1/releases/" + release)
                    .jsonPath().getString("sha256");
            String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
            String link = page.url();
            assertThat(page.getByTestId("cite-apa")).containsText(sha);
            assertThat(page.getByTestId("cite-apa")).containsText(link);
            assertThat(page.getByTestId("cite-bibtex")).containsText("@misc{detainerlab_figure_");
            assertThat(page.getByTestId("cite-bibtex")).containsText("urldate = {" + today + "}");
            String csl = page.getByTestId("cite-csl").textContent();
            io.restassured.path.json.JsonPath item = new io.restassured.path.json.JsonPath(csl);
            assertThat(item.getString("[0].URL")).isEqualTo(link);
            assertThat(item.getString("[0].note")).contains(sha);
            assertThat(item.getList("[0].accessed.'date-parts'[0]")).hasSize(3);
            Browsers.screenshot(page, "figure-percent-" + width);
        }
    }

    /** The answer of the statistics API to {@code query} on this class's release, read as alice. */
    private static io.restassured.path.json.JsonPath stats(String query) {
        return given().auth().oauth2(Tokens.accessToken("alice"))
                .get("/api/v1/stats/detainers?" + query + "&release=" + release).then().statusCode(200)
                .extract().jsonPath();
    }

    /**
     * Issue 14: a researcher picks a provision and compares by policy regime month by month; every cell of the
     * compared table is the API's count for the same query, and the policies that decided the regime are listed,
     * each linking to its timeline.
     */
    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browsers.WIDE, Browsers.NARROW})
    void aProvisionComparedByPolicyRegimeShowsTheApisSeriesAndTheDecidingPolicies(int width) {
        String provision = "DECLINES_DETAINER_HOLDS";
        io.restassured.path.json.JsonPath answer = stats("groupBy=month,policyRegime&provision=" + provision);
        List<Map<String, Object>> rows = answer.getList("rows");
        List<Object> regimes = rows.stream().map(r -> (Object) ((Map<?, ?>) r.get("group")).get("policyRegime")).toList();
        assertThat(regimes).as("the generated states include California and Illinois, whose policies decline holds,"
                + " and others").contains("IN_FORCE", "NOT_IN_FORCE");
        List<Map<String, Object>> policies = answer.getList("provenance.policies");
        assertThat(policies.stream().map(p -> p.get("key")).toList()).contains("ca-sb54-2017");
        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "alice", "#/explore?release=" + release);
            assertThat(page.getByTestId("total")).hasText(total(tally.rows()));
            List<String> errors = Browsers.errorsOf(page);

            // Comparing by policy regime needs a provision: said beside the choice, nothing asked.
            page.getByLabel("Compare by").selectOption("policyRegime");
            assertThat(page.locator("#compare-by-error")).containsText("needs a provision");
            page.getByLabel("Policy provision").selectOption(provision);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters")).click();
            assertThat(page).hasURL(Pattern.compile(".*provision=" + provision + ".*"));
            assertThat(page).hasURL(Pattern.compile(".*compare=policyRegime.*"));
            assertThat(page.locator("#compare-by-error")).hasCount(0);

            Locator figure = page.getByTestId("time-series");
            Locator table = figure.getByTestId("compare-table");
            assertThat(table.locator("thead th[data-series='IN_FORCE']")).hasCount(1);
            assertThat(table.locator("thead th[data-series='NOT_IN_FORCE']")).hasCount(1);
            assertThat(figure.locator("svg.chart g.series")).hasCount((int) regimes.stream().distinct().count());
            for (Map<String, Object> row : rows) {
                Map<?, ?> group = (Map<?, ?>) row.get("group");
                assertThat(table.locator("tr[data-period='" + group.get("month") + "'] td[data-series='"
                        + group.get("policyRegime") + "']")).hasText(total(((Number) row.get("count")).longValue()));
            }
            assertThat(page.getByTestId("total")).hasText(total(tally.rows()));

            Locator deciding = figure.getByTestId("deciding-policies");
            assertThat(deciding.locator("li")).hasCount(policies.size());
            for (Map<String, Object> policy : policies) {
                Locator link = deciding.locator("li[data-policy='" + policy.get("key") + "'] a");
                assertThat(link).hasText((String) policy.get("title"));
                assertThat(link).hasAttribute("href", Pattern.compile("^#/timeline/"
                        + ((List<?>) policy.get("jurisdictions")).get(0) + "(\\?.*)?$"));
            }
            Browsers.screenshot(page, "explore-policy-regime-" + width);
            Browsers.assertAccessible(page, "Explore compared by policy regime at " + width + " px");

            // The percent view keeps the counts beside each percentage.
            page.getByLabel("Percent", new Page.GetByLabelOptions().setExact(true)).check();
            assertThat(table.locator("tbody td.num:has-text(' of ')").first()).isVisible();

            // Saved, the figure keeps the provision and the comparison, and opens in Explore as the same view.
            String title = "Policy regime figure " + release + " at " + width + " px";
            figure.getByLabel("Figure title").fill(title);
            figure.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save as figure")).click();
            figure.getByTestId("time-series-saved").getByRole(AriaRole.LINK).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(title);
            assertThat(page.getByTestId("figure-query")).containsText("provision " + provision);
            assertThat(page.getByTestId("figure-chart").getByTestId("compare-table")
                    .locator("thead th[data-series='IN_FORCE']")).hasCount(1);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open in Explore")).click();
            assertThat(page.getByLabel("Compare by")).hasValue("policyRegime");
            assertThat(page.getByLabel("Policy provision")).hasValue(provision);
            assertThat(page.getByTestId("time-series").getByTestId("deciding-policies")
                    .locator("li[data-policy='ca-sb54-2017'] a")).isVisible();

            page.getByTestId("time-series").getByTestId("deciding-policies")
                    .locator("li[data-policy='ca-sb54-2017'] a").click();
            assertThat(page).hasURL(Pattern.compile(".*#/timeline/CA.*"));
            assertThat(page.getByTestId("timeline-heading")).hasAttribute("data-place", "CA");
            assertThat(errors).isEmpty();
        }
    }

    /** Issue 14: the person and charge dimensions of the modern rows filter Explore's figures as they do the API. */
    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browsers.WIDE, Browsers.NARROW})
    void theNewDimensionsFilterTheFiguresAsTheApiCounts(int width) {
        long female = stats("gender=Female").getLong("total");
        long femaleHomicide = stats("gender=Female&chargeCategory=homicide").getLong("total");
        assertThat(female).isPositive().isLessThan(tally.rows());
        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "alice", "#/explore?release=" + release);
            assertThat(page.getByTestId("total")).hasText(total(tally.rows()));
            page.getByLabel("Gender").selectOption("Female");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters")).click();
            assertThat(page).hasURL(Pattern.compile(".*gender=Female.*"));
            assertThat(page.getByTestId("total")).hasText(total(female));

            page.getByLabel("Charge category").selectOption("homicide");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters")).click();
            assertThat(page.getByTestId("total")).hasText(total(femaleHomicide));

            // A policy regime is counted under a provision: asked without one, the form says so beside the field.
            // by id: the release choice lists every release title, and one is "Policy regime test"
            page.locator("#filter-policyRegime").selectOption("IN_FORCE");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters")).click();
            assertThat(page.locator("#filter-policyRegime-error")).containsText("choose the provision too");
            assertThat(page).not().hasURL(Pattern.compile(".*policyRegime=.*"));

            // Compared by gender, each month's series add up to the month's count.
            page.navigate(Browsers.appUrl() + "/#/explore?release=" + release + "&compare=gender");
            Locator table = page.getByTestId("time-series").getByTestId("compare-table");
            assertThat(table.locator("thead th[data-series='Female']")).hasCount(1);
            assertThat(table.locator("thead th[data-series='Male']")).hasCount(1);
            long sum = table.locator("tbody td.num").allTextContents().stream()
                    .mapToLong(t -> Long.parseLong(t.replace(",", ""))).sum();
            assertThat(sum).isEqualTo(tally.rows());
        }
    }

    /**
     * A claim's question keeps a charge category from the figure it claims; a figure under a person filter the claim
     * form has no field for offers no claim (it would be a wider question).
     */
    @Test
    void aClaimFromAFigureKeepsItsChargeCategoryAndNoneIsOfferedUnderAPersonFilter() {
        try (BrowserContext context = Browsers.context(Browsers.WIDE)) {
            Page page = Browsers.logIn(context, "carol", "#/explore?release=" + release + "&chargeCategory=homicide");
            assertThat(page.getByTestId("total")).hasText(total(tally.byCharge().get("Homicide")));
            page.getByTestId("time-series").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                    .setName("Claim this figure")).click();
            Locator question = page.getByTestId("claim-editor").getByTestId("claim-query");
            assertThat(question.getByLabel("Charge categories of the most serious charge", new Locator.GetByLabelOptions()
                    .setExact(false))).hasValue("homicide");

            page.navigate(Browsers.appUrl() + "/#/explore?release=" + release + "&gender=Female");
            assertThat(page.getByTestId("total")).hasText(total(stats("gender=Female").getLong("total")));
            assertThat(page.getByTestId("time-series").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                    .setName("Claim this figure"))).hasCount(0);
        }
    }

    private static String titleCase(String upper) {
        StringBuilder out = new StringBuilder();
        for (String word : upper.toLowerCase(Locale.ROOT).split(" ")) {
            out.append(out.length() == 0 ? "" : " ").append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return out.toString();
    }
}
