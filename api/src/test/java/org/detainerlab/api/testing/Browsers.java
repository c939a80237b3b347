package org.detainerlab.api.testing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.detainerlab.api.security.RealmUrl;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The machine's Chromium driven by Playwright, launched once per test JVM, against the running application and
 * the test Keycloak. Before the first page, the application's random port becomes a redirect URI of the realm's
 * {@code detainerlab-web} client through Keycloak's admin API, as an operator would register a deployment's URL;
 * the realm file itself stays limited to the launcher's port.
 */
public final class Browsers {

    /** Widths every page is checked and photographed at: a laptop and a phone. */
    public static final int WIDE = 1280;
    public static final int NARROW = 390;

    /** axe-core as the web build installs it (a dev dependency, never part of the bundle). */
    private static final Path AXE = Path.of("..", "web", "node_modules", "axe-core", "axe.min.js");

    private static Browser browser;
    private static String registeredFor;

    private Browsers() {
    }

    public static String appUrl() {
        return "http://localhost:" + RestAssured.port;
    }

    /** A fresh browser context (no cookies, no session) at the given width. */
    public static synchronized BrowserContext context(int width) {
        if (browser == null) {
            // The machine is shared: a slow answer is not a failure, a missing one is.
            PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
            Playwright playwright = Playwright.create();
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get("/usr/bin/chromium"))
                    .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--no-first-run")));
            Runtime.getRuntime().addShutdownHook(new Thread(playwright::close));
        }
        if (!appUrl().equals(registeredFor)) {
            allowRedirectsTo(appUrl());
            registeredFor = appUrl();
        }
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(width, width == NARROW ? 844 : 900).setAcceptDownloads(true));
        context.setDefaultTimeout(20_000);
        return context;
    }

    /** Logs {@code username} in through Keycloak's own form and waits for the header to name them. */
    public static Page logIn(BrowserContext context, String username, String hash) {
        Page page = context.newPage();
        page.navigate(appUrl() + "/" + hash);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.locator("#username").fill(username);
        page.locator("#password").fill(username);
        page.locator("#kc-login").click();
        assertThat(page.getByTestId("user").locator(".username")).hasText(username);
        return page;
    }

    /**
     * Collects what would show in the console as an error: uncaught exceptions and console.error messages. Failed
     * requests the page expects and handles (a 4xx the page shows in words) are left out: Chromium logs those as
     * "Failed to load resource", which says nothing about the page's own code.
     */
    public static List<String> errorsOf(Page page) {
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        page.onPageError(error -> errors.add("page error: " + error));
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
                errors.add("console error: " + message.text());
            }
        });
        return errors;
    }

    /**
     * Runs axe-core on the page as it is now and fails on any violation of impact serious or critical, naming the
     * rule and the first elements it found.
     */
    public static void assertAccessible(Page page, String where) {
        if (!Files.isRegularFile(AXE)) {
            throw new IllegalStateException(AXE.toAbsolutePath().normalize()
                    + " is missing: build the web module first (npm install there brings axe-core)");
        }
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            // Evaluated through the DevTools protocol: a script tag would be an inline script, which the front end's
            // Content-Security-Policy refuses, as it should.
            try {
                page.evaluate(Files.readString(AXE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) page.evaluate("""
                async () => {
                  const result = await axe.run(document, { resultTypes: ['violations'] });
                  return result.violations
                    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
                }""");
        Assertions.assertThat(violations).as("axe-core on %s", where).isEmpty();
    }

    /** Saves a screenshot of the whole page under target/screenshots. */
    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target", "screenshots", name + ".png")));
    }

    private static void allowRedirectsTo(String origin) {
        String issuer = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        RealmUrl realm = RealmUrl.of(issuer);
        String adminToken = given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin")
                .formParam("password", System.getProperty(KeycloakResource.ADMIN_PASSWORD_PROPERTY))
                .post(realm.serverUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        String clients = realm.serverUrl() + "/admin/realms/" + realm.realm() + "/clients";
        Map<String, Object> client = given().auth().oauth2(adminToken).queryParam("clientId", "detainerlab-web")
                .get(clients).then().statusCode(200).extract().jsonPath().getMap("[0]");
        @SuppressWarnings("unchecked")
        List<String> redirects = new ArrayList<>((List<String>) client.get("redirectUris"));
        redirects.add(origin + "/*");
        client.put("redirectUris", redirects);
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = (Map<String, Object>) client.get("attributes");
        attributes.put("post.logout.redirect.uris", attributes.get("post.logout.redirect.uris") + "##" + origin + "/*");
        given().auth().oauth2(adminToken).contentType(ContentType.JSON).body(client)
                .put(clients + "/" + client.get("id")).then().statusCode(204);
    }
}
