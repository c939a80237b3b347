package org.detainerlab.api.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

import java.util.UUID;

import org.detainerlab.api.testing.Browsers;
import org.detainerlab.api.testing.CaseRecords;
import org.detainerlab.api.testing.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Case records in the browser: search, the case page, annotating a selected passage, and who sees the note. */
@QuarkusTest
class CasePageTest {

    private static final String PASSAGE = "the county declined the detainer";

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browsers.WIDE, Browsers.NARROW})
    void aPassageSelectedAndAnnotatedStaysAfterAReloadAndIsHiddenFromAnotherTeam(int width) {
        String word = "Marker" + UUID.randomUUID().toString().substring(0, 8);
        CaseRecords.Created record = CaseRecords.create(Tokens.accessToken("carol"),
                "A man was arrested in March 2021 in " + word + "; " + PASSAGE + " a week later.");
        String note = "Which policy applied here? " + UUID.randomUUID();
        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "alice", "#/cases?q=" + word);
            Locator list = page.getByTestId("case-list");
            assertThat(list.getByRole(AriaRole.LINK)).hasText(record.title());
            Browsers.screenshot(page, "cases-" + width);
            list.getByRole(AriaRole.LINK).click();

            assertThat(page.getByTestId("events").locator("li")).hasCount(2);
            selectInNarrative(page, PASSAGE);
            assertThat(page.getByTestId("passage")).hasValue(PASSAGE);
            page.getByLabel("Note (Markdown)").fill(note);
            page.getByLabel("Tags (comma separated)").fill("policy, follow-up");
            page.getByLabel("Visible to").selectOption("TEAM");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save annotation")).click();
            assertThat(page.getByTestId("annotations")).containsText(note);

            page.reload();
            Locator annotation = page.getByTestId("annotations").locator("li.annotation").filter(
                    new Locator.FilterOptions().setHasText(note));
            assertThat(annotation).hasCount(1);
            assertThat(annotation.locator("blockquote")).hasText(PASSAGE);
            assertThat(annotation.locator(".tags li")).hasText(new String[] {"follow-up", "policy"});
            assertThat(annotation.locator(".meta").first()).containsText("Team A");
            assertThat(page.getByTestId("narrative").locator("mark")).hasText(PASSAGE);

            annotation.getByLabel("Reply").fill("SB 54, I think.");
            annotation.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reply")).click();
            assertThat(annotation.locator(".replies")).containsText("SB 54, I think.");

            page.getByLabel("Show").selectOption("PRIVATE");
            assertThat(page.getByTestId("annotations")).not().containsText(note);
            page.getByLabel("Show").selectOption("TEAM");
            assertThat(page.getByTestId("annotations")).containsText(note);
            Browsers.screenshot(page, "case-" + width);
        }
        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "bob", "#/case/" + record.id());
            assertThat(page.getByTestId("narrative")).containsText(PASSAGE);
            assertThat(page.getByText("No annotations to show.")).isVisible();
            assertThat(page.getByTestId("narrative").locator("mark")).hasCount(0);
            Browsers.screenshot(page, "case-other-team-" + width);
        }
    }

    /** Selects the first occurrence of {@code text} in the narrative as a mouse user would, ending with mouseup. */
    private static void selectInNarrative(Page page, String text) {
        page.getByTestId("narrative").evaluate("""
                (element, text) => {
                  const node = element.firstChild;
                  const start = node.textContent.indexOf(text);
                  const range = document.createRange();
                  range.setStart(node, start);
                  range.setEnd(node, start + text.length);
                  getSelection().removeAllRanges();
                  getSelection().addRange(range);
                  element.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
                }""", text);
    }
}
