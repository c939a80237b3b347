package org.detainerlab.api.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

import java.util.List;
import java.util.UUID;

import org.detainerlab.api.testing.Browsers;
import org.detainerlab.api.testing.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An admin makes a team on the Teams page and adds bob, meeting the API's refusals in words beside the field on the
 * way (an unknown user, bob a second time); bob's next login shows the team on his profile with its members. The
 * memberships this test adds are removed at the end, so bob stays in Team B only for the other tests.
 */
@QuarkusTest
class TeamsPageTest {

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browsers.WIDE, Browsers.NARROW})
    void anAdminCreatesATeamAddsBobAndBobsNextLoginShowsIt(int width) {
        String name = "Team " + UUID.randomUUID().toString().substring(0, 8);
        String suffix = "-" + width;
        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "dave", "#/explore");
            List<String> errors = Browsers.errorsOf(page);
            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Teams")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Teams");

            page.getByLabel("Name of a new team").fill(name);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create team")).click();
            Locator team = page.getByTestId("teams").locator("li.team[data-team='" + name + "']");
            assertThat(team.getByText("No members.")).isVisible();
            assertThat(page.getByLabel("Name of a new team")).hasValue("");

            page.getByLabel("Name of a new team").fill(name);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create team")).click();
            assertThat(page.locator("#new-team-error")).hasText("A team named '" + name + "' already exists");
            page.getByLabel("Name of a new team").fill("");

            Locator member = team.getByLabel("Add a member to " + name + " (username)");
            member.fill("nobody" + suffix);
            team.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add member")).click();
            assertThat(team.getByRole(AriaRole.ALERT)).hasText("No user 'nobody" + suffix + "'");
            assertThat(member).hasAttribute("aria-invalid", "true");

            member.fill("bob");
            team.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add member")).click();
            assertThat(team.getByLabel("Members of " + name)).hasText(java.util.regex.Pattern.compile("bob"));
            assertThat(team.getByRole(AriaRole.ALERT)).hasCount(0);

            member.fill("bob");
            team.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add member")).click();
            assertThat(team.getByRole(AriaRole.ALERT)).hasText("bob is already a member of " + name);
            member.fill("");
            Browsers.assertAccessible(page, "teams at " + width + " px");
            Browsers.screenshot(page, "teams-" + width);
            assertThat(errors).isEmpty();
        }

        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "bob", "#/explore");
            assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Teams"))).hasCount(0);
            page.getByTestId("user").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("bob")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Your profile");
            Locator teams = page.getByTestId("profile-teams");
            assertThat(teams.locator("li.team[data-team='" + name + "']")).containsText("Only you.");
            assertThat(teams.locator("li.team[data-team='Team B']")).isVisible();
            assertThat(page.getByTestId("user").locator(".teams")).containsText(name);
            Browsers.assertAccessible(page, "profile at " + width + " px");
            Browsers.screenshot(page, "profile-" + width);
        } finally {
            String admin = Tokens.accessToken("dave");
            String id = given().auth().oauth2(admin).get("/api/v1/teams").then().statusCode(200).extract()
                    .jsonPath().getString("find { it.name == '" + name + "' }.id");
            assertThat(id).isNotNull();
            given().auth().oauth2(admin).delete("/api/v1/teams/" + id + "/members/bob").then().statusCode(200);
        }
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browsers.WIDE, Browsers.NARROW})
    void aResearcherSeesTeammatesOnTheProfile(int width) {
        try (BrowserContext context = Browsers.context(width)) {
            Page page = Browsers.logIn(context, "alice", "#/profile");
            assertThat(page.getByTestId("profile-teams").locator("li.team[data-team='Team A']"))
                    .containsText("Teammates: carol");
            page.navigate(Browsers.appUrl() + "/#/teams");
            assertThat(page.locator("main")).containsText("Only admins manage teams.");
        }
    }

    @org.junit.jupiter.api.Test
    void leavingAFormWithUnsavedChangesAsksFirst() {
        try (BrowserContext context = Browsers.context(Browsers.WIDE)) {
            Page page = Browsers.logIn(context, "dave", "#/teams");
            page.getByLabel("Name of a new team").fill("A team not yet created");
            Locator explore = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Explore"));
            List<String> asked = new java.util.ArrayList<>();
            page.onceDialog(dialog -> {
                asked.add(dialog.message());
                dialog.dismiss();
            });
            explore.click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Teams");
            assertThat(page.getByLabel("Name of a new team")).hasValue("A team not yet created");
            assertThat(asked).containsExactly("You have unsaved changes. Leave this page and lose them?");

            page.onceDialog(dialog -> dialog.accept());
            explore.click();
            assertThat(page).hasURL(java.util.regex.Pattern.compile("#/explore$"));
        }
    }
}
