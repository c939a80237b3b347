package org.detainerlab.api.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

import org.detainerlab.api.security.RealmUrl;
import org.detainerlab.api.testing.Browsers;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Logging in and out of the front end through the real Keycloak form (authorization code with PKCE). */
@QuarkusTest
class WebLoginTest {

    @Test
    void theClientConfigNamesTheConfiguredKeycloakWithoutAToken() {
        RealmUrl realm = RealmUrl.of(ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class));
        given().get("/api/v1/client-config").then().statusCode(200)
                .body("keycloakUrl", equalTo(realm.serverUrl()))
                .body("realm", equalTo("detainerlab"))
                .body("clientId", equalTo("detainerlab-web"));
    }

    @Test
    void aResearcherLogsInThroughTheKeycloakFormSeesTheirRoleAndTeamAndLogsOut() {
        try (BrowserContext context = Browsers.context(Browsers.WIDE)) {
            Page page = Browsers.logIn(context, "alice", "#/explore");
            assertThat(page.getByTestId("user").locator(".roles")).hasText("researcher");
            assertThat(page.getByTestId("user").locator(".teams")).hasText("Team A");
            // A researcher is not offered the admin's page.
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Releases"))).hasCount(0);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))).isVisible();
            Browsers.screenshot(page, "welcome-1280");
        }
    }

    @Test
    void theViewAskedForBeforeLoggingInIsTheOneShownAfter() {
        try (BrowserContext context = Browsers.context(Browsers.NARROW)) {
            Page page = Browsers.logIn(context, "dave", "#/releases");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Releases").setLevel(1)))
                    .isVisible();
            assertThat(page.getByTestId("user").locator(".teams")).hasText("no team");
            Browsers.screenshot(page, "releases-after-login-390");
        }
    }
}
