package org.detainerlab.api.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;

import org.detainerlab.api.security.RealmUrl;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The browser-side security headers on every answer: front end, API, problem answers and /q alike.
 * <ul>
 * <li>The front end's Content-Security-Policy allows scripts only from the application's own origin (the Vite build
 * emits no inline script), network calls only to itself and Keycloak's origin (the token endpoint), and no framing.
 * Styles allow {@code 'unsafe-inline'} because a chart's SVG and PNG download writes the computed styles onto
 * the copied SVG's elements as style attributes (a saved SVG has no style sheet); scripts never do.
 * Annotation HTML cannot load a remote image: the Markdown renderer turns images into links, and
 * {@code img-src} would refuse one anyway.</li>
 * <li>API answers are data, never a document: {@code default-src 'none'}.</li>
 * <li>Swagger UI (/q/swagger-ui) is Quarkus' own page, which configures itself with an inline script; it gets the
 * front end's policy with inline scripts allowed there alone.</li>
 * </ul>
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final String frontEndPolicy;
    private final String swaggerPolicy;

    public SecurityHeaders(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String oidcUrl) {
        URI keycloak = URI.create(RealmUrl.of(oidcUrl).serverUrl());
        String keycloakOrigin = keycloak.getScheme() + "://" + keycloak.getAuthority();
        this.frontEndPolicy = policy("'self'", keycloakOrigin);
        this.swaggerPolicy = policy("'self' 'unsafe-inline'", keycloakOrigin);
    }

    private static String policy(String scripts, String keycloakOrigin) {
        return "default-src 'self'; script-src " + scripts + "; style-src 'self' 'unsafe-inline';"
                + " img-src 'self' data: blob:; connect-src 'self' " + keycloakOrigin + "; form-action 'self' "
                + keycloakOrigin + "; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String path = context.normalizedPath();
            context.addHeadersEndHandler(ignored -> {
                MultiMap headers = context.response().headers();
                headers.set("Content-Security-Policy", policyFor(path));
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("X-Frame-Options", "DENY");
                headers.set("Referrer-Policy", "no-referrer");
            });
            context.next();
        });
    }

    String policyFor(String path) {
        if (path.startsWith("/api/") || path.startsWith("/q/health") || path.startsWith("/q/openapi")) {
            return API_POLICY;
        }
        if (path.startsWith("/q/swagger-ui")) {
            return swaggerPolicy;
        }
        return frontEndPolicy;
    }
}
