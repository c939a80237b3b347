package org.detainerlab.api.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.detainerlab.api.security.RealmUrl;
import org.detainerlab.api.testing.Browsers;
import org.detainerlab.api.testing.Tokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The browser-side security headers on the front end, its assets, API answers (success and problem) and Swagger UI;
 * the built front end has no inline script, and the logged-in front end runs under its policy without a violation.
 */
@QuarkusTest
class SecurityHeadersTest {

    private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);

    @Test
    void theFrontEndAllowsScriptsFromItsOwnOriginAloneAndNoFraming() {
        Response page = given().get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertCommonHeaders("/", page);
        String policy = page.header("Content-Security-Policy");
        assertThat(directive(policy, "script-src")).isEqualTo("script-src 'self'");
        assertThat(directive(policy, "frame-ancestors")).isEqualTo("frame-ancestors 'none'");
        assertThat(directive(policy, "object-src")).isEqualTo("object-src 'none'");
        assertThat(directive(policy, "img-src")).as("annotation HTML may not load remote images")
                .isEqualTo("img-src 'self' data: blob:");
        URI keycloak = URI.create(RealmUrl.of(ConfigProvider.getConfig()
                .getValue("quarkus.oidc.auth-server-url", String.class)).serverUrl());
        assertThat(directive(policy, "connect-src"))
                .isEqualTo("connect-src 'self' " + keycloak.getScheme() + "://" + keycloak.getAuthority());

        Matcher scripts = SCRIPT_TAG.matcher(page.asString());
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group(1)).as("every script of the built index.html is a file").contains("src=");
        }
        assertThat(count).as("scripts in index.html").isPositive();

        Matcher asset = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(page.asString());
        assertThat(asset.find()).isTrue();
        assertCommonHeaders(asset.group(1), given().get(asset.group(1)));
    }

    @Test
    void apiAnswersAreDataNeverADocumentWhetherTheySucceedOrFail() {
        String alice = Tokens.accessToken("alice");
        for (Response answer : List.of(given().auth().oauth2(alice).get("/api/v1/me"),
                given().get("/api/v1/releases"), given().auth().oauth2(alice).get("/api/v1/no-such-thing"),
                given().get("/q/health/ready"))) {
            assertCommonHeaders("API answer " + answer.statusCode(), answer);
            assertThat(answer.header("Content-Security-Policy")).startsWith("default-src 'none'")
                    .contains("frame-ancestors 'none'");
        }
    }

    @Test
    void swaggerUiAloneMayRunItsInlineConfiguration() {
        Response ui = given().get("/q/swagger-ui/");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertCommonHeaders("/q/swagger-ui/", ui);
        assertThat(directive(ui.header("Content-Security-Policy"), "script-src"))
                .isEqualTo("script-src 'self' 'unsafe-inline'");
    }

    @Test
    void theLoggedInFrontEndRunsUnderItsPolicyWithoutAViolation() {
        try (BrowserContext context = Browsers.context(Browsers.WIDE)) {
            List<String> violations = Collections.synchronizedList(new ArrayList<>());
            context.onConsoleMessage(message -> {
                if (message.text().contains("Content Security Policy")) {
                    violations.add(message.text());
                }
            });
            Page page = Browsers.logIn(context, "carol", "#/explore");
            List<String> errors = Browsers.errorsOf(page);
            page.navigate(Browsers.appUrl() + "/#/timelines");
            page.waitForLoadState();
            page.navigate(Browsers.appUrl() + "/#/annotations");
            page.waitForLoadState();
            page.reload();
            page.waitForLoadState();
            assertThat(violations).as("Content Security Policy violations").isEmpty();
            assertThat(errors).as("console errors").isEmpty();
        }
    }

    private static void assertCommonHeaders(String what, Response answer) {
        assertThat(answer.header("Content-Security-Policy")).as(what).isNotBlank();
        assertThat(answer.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        assertThat(answer.header("X-Frame-Options")).as(what).isEqualTo("DENY");
        assertThat(answer.header("Referrer-Policy")).as(what).isEqualTo("no-referrer");
    }

    private static String directive(String policy, String name) {
        for (String part : policy.split(";")) {
            if (part.trim().startsWith(name + " ")) {
                return part.trim();
            }
        }
        throw new AssertionError(name + " missing from " + policy);
    }
}
