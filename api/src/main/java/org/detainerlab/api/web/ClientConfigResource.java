package org.detainerlab.api.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.detainerlab.api.security.RealmUrl;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where the browser front end logs in. It must know this before it has a token, and it is built from the
 * application's own OIDC configuration, so the front end works against whatever Keycloak the deployment names.
 */
@Path("/api/v1/client-config")
@Tag(name = "Account")
public class ClientConfigResource {

    /** Keycloak's base URL, the realm, and the public client the front end logs in with. */
    public record ClientConfig(String keycloakUrl, String realm, String clientId) {
    }

    private final ClientConfig config;

    public ClientConfigResource(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String oidcUrl,
                                @ConfigProperty(name = "detainerlab.web.client-id") String clientId) {
        RealmUrl realm = RealmUrl.of(oidcUrl);
        this.config = new ClientConfig(realm.serverUrl(), realm.realm(), clientId);
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "How the web front end reaches Keycloak",
            description = "Anyone, without a token: the Keycloak URL, realm and public client id the browser logs in with.")
    public ClientConfig config() {
        return config;
    }
}
