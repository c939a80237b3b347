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

import org.detainerlab.api.testing.Browsers;
import org.detainerlab.api.testing.Jobs;
import org.detainerlab.ingest.generate.Layout;
import org.detainerlab.ingest.generate.SyntheticReleases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keyboard, screen-reader and phone use of every page: axe-core finds no serious or critical violation, a skip
 * link leads to the content, focus moves to the new page's heading, the map is one tab stop, chart text stays
 * readable at 390 px, wide tables say they scroll, and the favicon exists.
 */
@QuarkusTest
class AccessibilityTest {

    private static long release;

    @BeforeEach
    void load() throws Exception {
        if (release != 0) {
            return;
        }
        Path file = Files.createTempFile("accessibility", ".csv");
        SyntheticReleases.write(Layout.ICE_MODERN_CSV, 1_500, 4242, file);
        release = Jobs.loadRelease(file.toFile(), "Accessibility test release");
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browsers.WIDE, Browsers.NARROW})
    void everyPageHasNoSeriousAccessibilityViolation(int width) {
        List<String> views = List.of("#/explore?release=" + release, "#/explore?release=" + release
                + "&measure=percent&outcome=DECLINED&period=fiscalYear", "#/timeline", "#/cases", "#/claims",
                "#/releases", "#/teams", "#/profile", "#/curation", "#/no-such-page");
        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "dave", views.get(0));
            List<String> errors = Browsers.errorsOf(page);
            for (String view : views) {
                page.navigate(Browsers.appUrl() + "/" + view);
                assertThat(page.locator("main")).not().containsText("Loading");
                if (view.startsWith("#/explore")) {
                    assertThat(page.getByTestId("map").locator("path.area").first()).isVisible();
                }
                Browsers.assertAccessible(page, view + " at " + width + " px");
            }
            assertThat(errors).isEmpty();
        }
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browsers.WIDE, Browsers.NARROW})
    void theSkipLinkAndPageChangesLeadToTheHeading(int width) {
        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "alice", "#/claims");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Claims");
            page.locator("body").focus();
            page.keyboard().press("Tab");
            Locator skip = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Skip to content"));
            assertThat(skip).isFocused();
            page.keyboard().press("Enter");
            assertThat(page.locator("main h1")).isFocused();

            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Case records")).click();
            assertThat(page.locator("main h1")).isFocused();
        }
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browsers.WIDE, Browsers.NARROW})
    void theMapIsOneTabStopWithArrowKeysInside(int width) {
        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "alice", "#/explore?release=" + release);
            Locator areas = page.getByTestId("map").locator("path.area");
            assertThat(areas.first()).isVisible();
            assertThat(page.getByTestId("map").locator("path.area[tabindex='0']")).hasCount(1);
            Locator first = page.getByTestId("map").locator("path.area[tabindex='0']");
            String name = first.getAttribute("aria-label");
            first.focus();
            page.keyboard().press("ArrowRight");
            String next = (String) page.evaluate("() => document.activeElement.getAttribute('aria-label')");
            assertThat(next).isNotEqualTo(name).isNotBlank();
            // Tab leaves the map at once instead of walking through fifty states.
            page.keyboard().press("Tab");
            assertThat(page.evaluate("() => document.activeElement.closest('svg.map') === null")).isEqualTo(true);
        }
    }

    @Test
    void onAPhoneChartTextIsAtLeastElevenPixelsAndWideTablesSayTheyScroll() {
        try (BrowserContext context = Browsers.context(Browsers.NARROW)) {
            Page page = Browsers.logIn(context, "alice", "#/explore?release=" + release
                    + "&measure=percent&outcome=DECLINED");
            Locator tick = page.getByTestId("time-series").locator("svg.chart text.tick").first();
            assertThat(tick).isVisible();
            double pixels = ((Number) tick.evaluate("t => { const svg = t.ownerSVGElement;"
                    + " const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;"
                    + " return parseFloat(getComputedStyle(t).fontSize) * scale; }")).doubleValue();
            assertThat(pixels).isGreaterThanOrEqualTo(11.0);

            Locator boxes = page.locator(".scroll");
            for (int i = 0; i < boxes.count(); i++) {
                Locator box = boxes.nth(i);
                boolean overflows = Boolean.TRUE.equals(box.evaluate(
                        "b => b.offsetParent !== null && b.scrollWidth > b.clientWidth + 1"));
                if (overflows) {
                    assertThat(box.locator("xpath=preceding-sibling::p[1]")).hasText("Scroll sideways for more columns →");
                }
            }
            Browsers.screenshot(page, "explore-percent-390");
        }
    }

    @Test
    void theFaviconIsServed() {
        given().get("/favicon.ico").then().statusCode(200);
        given().get("/favicon.svg").then().statusCode(200);
    }
}
