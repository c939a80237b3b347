package org.detainerlab.api.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.detainerlab.api.testing.Browsers;
import org.detainerlab.api.testing.Claims;
import org.detainerlab.api.testing.Jobs;
import org.detainerlab.api.testing.Tokens;
import org.detainerlab.ingest.generate.Layout;
import org.detainerlab.ingest.generate.SyntheticReleases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An admin uploads a release in the browser, follows its progress, and reads its validation report; withdraws,
 * restores and deletes a release, with history and a confirmation that names what cites it.
 */
@QuarkusTest
class ReleasesPageTest {

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browsers.WIDE, Browsers.NARROW})
    void anUploadShowsItsProgressThenTheValidationReport(int width) throws Exception {
        Path file = Files.createTempFile("releases-page", ".csv");
        SyntheticReleases.Tally tally = SyntheticReleases.write(Layout.ICE_MODERN_CSV, 2_000, 9119 + width, file);
        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "dave", "#/releases");
            page.getByLabel("File (xlsx or csv)").setInputFiles(file);
            page.getByLabel("Title").fill("Releases page test");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();

            assertThat(page.getByTestId("upload-progress")).hasAttribute("value", "1");
            assertThat(page.getByTestId("job")).containsText("SUCCEEDED");
            assertThat(page.getByTestId("report")).containsText(
                    String.format(Locale.US, "%,d rows read", tally.rows()));
            assertThat(page.getByTestId("releases")).containsText("Releases page test");
            Browsers.screenshot(page, "releases-" + width);
        }
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browsers.WIDE, Browsers.NARROW})
    void anAdminWithdrawsRestoresAndDeletesACitedReleaseAfterConfirming(int width) throws Exception {
        Path file = Files.createTempFile("releases-page-series", ".xlsx");
        SyntheticReleases.write2015(40, 9120 + width, "DELAWARE", LocalDate.of(2008, 2, 1), LocalDate.of(2008, 4, 30), file);
        long release = Jobs.loadRelease(file.toFile(), "Releases page: Delaware 2008");
        Map<String, Object> query = Claims.countQuery(LocalDate.of(2008, 2, 1), LocalDate.of(2008, 4, 30), 100);
        query.put("state", List.of("DE"));
        long claim = Claims.create(Tokens.accessToken("carol"), Claims.claim("Delaware early 2008", 40, query));
        given().auth().oauth2(Tokens.accessToken("alice")).post("/api/v1/claims/" + claim + "/check")
                .then().statusCode(200);
        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "dave", "#/releases");
            Locator row = page.getByTestId("release-" + release);
            assertThat(row).containsText("DE");

            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Withdraw release " + release)).click();
            row.getByLabel("Reason").fill("superseded by a corrected file");
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Withdraw").setExact(true)).click();
            assertThat(row).containsText("withdrawn by dave: superseded by a corrected file");

            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Restore release " + release)).click();
            row.getByLabel("Reason").fill("the correction was itself withdrawn");
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Restore").setExact(true)).click();
            assertThat(row).not().containsText("withdrawn by");
            row.getByText("History").click();
            assertThat(page.getByTestId("history-" + release)).containsText("HIDE (superseded by a corrected file)");
            assertThat(page.getByTestId("history-" + release)).containsText("RESTORE");
            Browsers.screenshot(page, "releases-history-" + width);

            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete release " + release)).click();
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete").setExact(true)).click();
            assertThat(row.getByRole(AriaRole.ALERT)).containsText("claims " + claim);
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete anyway")).click();
            assertThat(page.getByTestId("release-" + release)).hasCount(0);
        }
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browsers.WIDE, Browsers.NARROW})
    void aResearcherIsToldTheUploadIsForAdmins(int width) {
        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "alice", "#/releases");
            assertThat(page.getByRole(AriaRole.ALERT)).hasText("Only admins upload releases.");
        }
    }
}
