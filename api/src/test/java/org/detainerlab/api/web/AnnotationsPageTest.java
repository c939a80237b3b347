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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.detainerlab.api.testing.Annotations;
import org.detainerlab.api.testing.Browsers;
import org.detainerlab.api.testing.CaseRecords;
import org.detainerlab.api.testing.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The annotations page: a researcher finds the annotations they may read by words, tag and author, follows one to
 * its target, and downloads the search as JSON-LD and CSV under a name that says what it holds; a researcher of
 * another team never sees a team annotation there.
 */
@QuarkusTest
class AnnotationsPageTest {

    private static final String NARRATIVE = "The sheriff released him before the detainer arrived, the report says.";

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browsers.WIDE, Browsers.NARROW})
    void aResearcherSearchesFollowsAndExportsWhileAnotherTeamSeesNothingOfTheirs(int width) throws Exception {
        CaseRecords.Created record = CaseRecords.create(Tokens.accessToken("carol"), NARRATIVE);
        String word = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String tag = "timing-" + word;
        long id = Annotations.create(Tokens.accessToken("alice"), Annotations.onPassage(record.id(), NARRATIVE,
                "before the detainer arrived", "Released " + word + " before the hold", "TEAM", "Team A",
                List.of(tag))).getLong("id");

        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "alice", "#/annotations");
            List<String> errors = new ArrayList<>();
            page.onPageError(errors::add);
            page.getByLabel("Words").fill(word);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
            Locator list = page.getByTestId("annotation-list");
            assertThat(list.locator("li.annotation")).hasCount(1);
            Locator found = list.locator("[data-annotation='" + id + "']");
            assertThat(found).containsText("team Team A");
            assertThat(found.locator("blockquote")).hasText("before the detainer arrived");
            Browsers.screenshot(page, "annotations-" + width);

            Download jsonLd = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Download this page as JSON-LD")).click());
            assertThat(jsonLd.suggestedFilename()).isEqualTo("annotations_q-" + word + "_page-1.jsonld");
            assertThat(Files.readString(jsonLd.path())).contains("AnnotationCollection").contains(word);
            Download csv = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Download this page as CSV")).click());
            assertThat(csv.suggestedFilename()).isEqualTo("annotations_q-" + word + "_page-1.csv");
            assertThat(Files.readAllLines(csv.path())).hasSize(2);

            found.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(tag)).click();
            assertThat(page.getByLabel("Tag")).hasValue(tag);
            assertThat(list.locator("li.annotation")).hasCount(1);
            list.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("case record " + record.id())).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(record.title()))).isVisible();
            assertThat(errors).isEmpty();
        }

        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "bob", "#/annotations?q=" + word);
            assertThat(page.getByTestId("annotation-count")).containsText("0 annotations");
            assertThat(page.getByTestId("annotation-list").locator("li.annotation")).hasCount(0);
            page.navigate(Browsers.appUrl() + "/#/annotations?author=alice");
            assertThat(page.getByTestId("annotation-count")).isVisible();
            assertThat(page.getByTestId("annotation-list")).not().containsText(word);
            Browsers.screenshot(page, "annotations-other-team-" + width);
        }
    }
}
