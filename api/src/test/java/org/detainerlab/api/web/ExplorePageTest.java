package org.detainerlab.api.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
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
import org.detainerlab.core.testing.RealData;
import org.detainerlab.ingest.generate.Layout;
import org.detainerlab.ingest.generate.SyntheticReleases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
            page.getByLabel("Percent").check();
            assertThat(page.getByTestId("time-series").locator("rect.bar").first()).isVisible();
            Browsers.screenshot(page, "explore-1280");

            // The same URL in another browser shows the same view.
            String url = page.url();
            try (BrowserContext other = Browsers.context(Browsers.NARROW)) {
                Page again = Browsers.logIn(other, "bob", url.substring(url.indexOf('#')));
                assertThat(again.getByTestId("total")).hasText(total(declined));
                assertThat(again.getByLabel("Fiscal years")).isChecked();
                assertThat(again.getByLabel("Percent")).isChecked();
                assertThat(again.getByLabel("Outcome")).hasValue("DECLINED");
                Browsers.screenshot(again, "explore-390");
            }
        }
    }

    @Test
    void theMapDrillsDownToAStateAndTheFacilityTableToAFacility() {
        Map.Entry<String, Long> biggest = tally.byState().entrySet().stream().filter(e -> !e.getKey().isBlank())
                .max(Map.Entry.comparingByValue()).orElseThrow();
        try (BrowserContext context = Browsers.context(Browsers.WIDE)) {
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

    @Test
    void aFigureDownloadsAsCsvAndShowsItsProvenance() throws Exception {
        try (BrowserContext context = Browsers.context(Browsers.WIDE)) {
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

    @Test
    void theFy2015ReleaseShowsItsPublishedTotals() {
        Path file = RealData.file(FY2015);
        long fy2015 = Jobs.loadRelease(file.toFile(), "ICE detainers FY2015 YTD");
        try (BrowserContext context = Browsers.context(Browsers.WIDE)) {
            Page page = Browsers.logIn(context, "alice", "#/explore?release=" + fy2015);
            assertThat(page.getByTestId("total")).hasText("79,053");
            page.navigate(Browsers.appUrl() + "/#/explore?release=" + fy2015 + "&outcome=DECLINED");
            assertThat(page.getByTestId("total")).hasText("5,501");
            // The seed's federal events inside the release's months are marked on the time series.
            assertThat(page.getByTestId("time-series").locator("g.marker").first()).isVisible();
            assertThat(page.getByTestId("time-series").locator(".markers"))
                    .containsText("2014-11-20: Priority Enforcement Program (PEP) (effective)");
            assertThat(page.getByTestId("map").locator("path.area").first()).isVisible();
            Browsers.screenshot(page, "explore-fy2015-declined-1280");
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
