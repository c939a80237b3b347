package org.detainerlab.api.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.detainerlab.api.testing.Browsers;
import org.detainerlab.ingest.generate.Layout;
import org.detainerlab.ingest.generate.SyntheticReleases;
import org.junit.jupiter.api.Test;

/** An admin uploads a release in the browser, follows its progress, and reads its validation report. */
@QuarkusTest
class ReleasesPageTest {

    @Test
    void anUploadShowsItsProgressThenTheValidationReport() throws Exception {
        Path file = Files.createTempFile("releases-page", ".csv");
        SyntheticReleases.Tally tally = SyntheticReleases.write(Layout.ICE_MODERN_CSV, 2_000, 9119, file);
        try (BrowserContext context = Browsers.context(Browsers.WIDE)) {
            Page page = Browsers.logIn(context, "dave", "#/releases");
            page.getByLabel("File (xlsx or csv)").setInputFiles(file);
            page.getByLabel("Title").fill("Releases page test");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();

            assertThat(page.getByTestId("upload-progress")).hasAttribute("value", "1");
            assertThat(page.getByTestId("job")).containsText("SUCCEEDED");
            assertThat(page.getByTestId("report")).containsText(
                    String.format(Locale.US, "%,d rows read", tally.rows()));
            assertThat(page.getByTestId("releases")).containsText("Releases page test");
            Browsers.screenshot(page, "releases-1280");
        }
    }

    @Test
    void aResearcherIsToldTheUploadIsForAdmins() {
        try (BrowserContext context = Browsers.context(Browsers.NARROW)) {
            Page page = Browsers.logIn(context, "alice", "#/releases");
            assertThat(page.getByRole(AriaRole.ALERT)).hasText("Only admins upload releases.");
        }
    }
}
