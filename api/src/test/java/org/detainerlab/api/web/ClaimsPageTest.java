package org.detainerlab.api.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.detainerlab.api.testing.Claims.claim;
import static org.detainerlab.api.testing.Claims.countQuery;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The claims page checks a claim about a release generated for this class, whose counts the generator tallied
 * apart from the ingest; the explore page saves a figure of that release, whose page shows it drift once a newer
 * overlapping release is loaded.
 */
@QuarkusTest
class ClaimsPageTest {

    private static long release;
    private static String sha256;
    private static SyntheticReleases.Tally tally;
    private static YearMonth first;
    private static YearMonth last;

    /** Once per class; in @BeforeEach because the application answers only once the test instance exists. */
    @BeforeEach
    void load() throws Exception {
        if (tally != null) {
            return;
        }
        Path file = Files.createTempFile("claims-page", ".csv");
        tally = SyntheticReleases.write(Layout.ICE_MODERN_CSV, 2_000, 6113, file);
        release = Jobs.loadRelease(file.toFile(), "Claims page test release");
        JsonPath view = given().auth().oauth2(Tokens.accessToken("alice")).get("/api/v1/releases/" + release)
                .jsonPath();
        sha256 = view.getString("sha256");
        first = YearMonth.from(LocalDate.parse(view.getString("coverageFrom"))).plusMonths(1);
        last = YearMonth.from(LocalDate.parse(view.getString("coverageTo"))).minusMonths(1);
    }

    private static String number(long value) {
        return String.format(Locale.US, "%,d", value);
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browsers.WIDE, Browsers.NARROW})
    void aResearcherChecksAClaimAboutTheGeneratedReleaseAndSeesItSupported(int width) {
        long expected = 0;
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            expected += tally.byMonth().getOrDefault(m.toString(), 0L);
        }
        String word = "claimspage" + UUID.randomUUID().toString().substring(0, 8);
        long id = Claims.create(Tokens.accessToken("carol"), claim("\"" + number(expected) + " detainers\" (" + word
                + ")", expected, countQuery(first.atDay(1), last.atEndOfMonth(), 0)));

        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "alice", "#/explore");
            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Claims")).click();
            page.getByLabel("Words in the text or publisher").fill(word);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
            Locator item = page.getByTestId("claim");
            assertThat(item).hasCount(1);
            assertThat(item.locator("blockquote")).containsText(word);
            assertThat(item).containsText("Test Gazette");
            assertThat(item).containsText("Claimed value: " + number(expected));
            assertThat(item).containsText("Last check: not checked yet");

            item.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("details and checks")))
                    .click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("Claim " + id);
            page.getByLabel("Release to check on").selectOption(String.valueOf(release));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check now")).click();

            Locator result = page.getByTestId("latest-checks").getByTestId("check-result");
            assertThat(result).hasCount(1);
            assertThat(result.locator(".status")).hasText("SUPPORTED");
            assertThat(result.getByTestId("computed-value")).hasText(number(expected));
            assertThat(result).containsText("#" + release + " Claims page test release, sha256 "
                    + sha256.substring(0, 16));
            assertThat(result.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Open in Explore")))
                    .hasAttribute("href", "#/explore?release=" + release + "&from=" + first.atDay(1) + "&to="
                            + last.atEndOfMonth());
            assertThat(page.getByTestId("stored-checks").getByTestId("check-result")).hasCount(1);
            Browsers.screenshot(page, "claim-" + width);

            result.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Open in Explore")).click();
            assertThat(page.getByTestId("total")).hasText(number(expected));
        }
        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "bob", "#/claims?q=" + word);
            assertThat(page.getByTestId("claim")).containsText("Last check: SUPPORTED");
            Browsers.screenshot(page, "claims-" + width);
        }
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browsers.WIDE, Browsers.NARROW})
    void goingStraightToAnotherClaimStartsAfreshAndSharesArePercentages(int width) {
        long count = Claims.create(Tokens.accessToken("carol"), claim("\"" + number(tally.rows()) + " detainers\" ("
                + UUID.randomUUID() + ")", tally.rows(), countQuery(first.atDay(1), last.atEndOfMonth(), 0)));
        long share = given().auth().oauth2(Tokens.accessToken("alice")).queryParam("q", "over half of all such refusals")
                .get("/api/v1/claims").then().statusCode(200).extract().jsonPath().getLong("items[0].id");
        java.time.Instant before = java.time.Instant.now().minusSeconds(2);
        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "alice", "#/claims/" + count);
            page.getByLabel("Release to check on").selectOption(String.valueOf(release));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check now")).click();
            Locator latest = page.getByTestId("latest-checks").getByTestId("check-result");
            assertThat(latest).hasCount(1);
            // When the check ran, not when its statistics were computed (they may come from the cache).
            String checkedAt = latest.getByTestId("checked-at").getAttribute("datetime");
            org.assertj.core.api.Assertions.assertThat(java.time.OffsetDateTime.parse(checkedAt).toInstant())
                    .isAfter(before);

            page.navigate(Browsers.appUrl() + "/#/claims/" + share);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("Claim " + share);
            assertThat(page.getByTestId("latest-checks")).hasCount(0);
            assertThat(page.getByTestId("claimed-value")).hasText("52% of the national total");
            Browsers.screenshot(page, "claim-share-" + width);
        }
    }

    @Test
    void aFigureSavedFromExploreKeepsItsValuesAndShowsWhenNewerDataDrift() throws Exception {
        String title = "Claims page figure " + UUID.randomUUID();
        String figureUrl;
        try (BrowserContext context = Browsers.context(Browsers.WIDE)) {
            Page page = Browsers.logIn(context, "alice", "#/explore?release=" + release);
            assertThat(page.getByTestId("total")).hasText(number(tally.rows()));
            Locator series = page.getByTestId("time-series");
            series.getByLabel("Figure title").fill(title);
            series.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save as figure")).click();
            Locator link = series.getByTestId("time-series-saved").getByRole(AriaRole.LINK);
            assertThat(link).hasText(Pattern.compile("^http://localhost:\\d+/#/figures/\\d+$"));
            figureUrl = link.textContent();
            link.click();

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(title);
            assertThat(page.getByTestId("drift")).containsText("Not drifted");
            assertThat(page.getByTestId("saved-total")).hasText(number(tally.rows()));
            assertThat(page.getByTestId("figure-values").locator("tbody tr"))
                    .hasCount(tally.byMonth().size());
            Browsers.screenshot(page, "figure-1280");
        }

        Path newer = Files.createTempFile("claims-page-newer", ".csv");
        SyntheticReleases.Tally more = SyntheticReleases.write(Layout.ICE_MODERN_CSV, 500, 6114, newer);
        Jobs.loadRelease(newer.toFile(), "Claims page newer release");
        try (BrowserContext context = Browsers.context(Browsers.NARROW)) {
            Page page = Browsers.logIn(context, "bob", figureUrl.substring(figureUrl.indexOf('#')));
            assertThat(page.getByTestId("drift")).containsText("Drifted");
            assertThat(page.getByTestId("saved-total")).hasText(number(tally.rows()));
            assertThat(page.getByTestId("current-total")).hasText(number(tally.rows() + more.rows()));
            Browsers.screenshot(page, "figure-drifted-390");
        }
    }
}
