package org.detainerlab.api.team;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/**
 * How the platform reaches Keycloak's admin API to manage teams. The server and realm come from the OIDC URL
 * ({@code DETAINERLAB_OIDC_URL}); the secret only from the environment ({@code DETAINERLAB_KEYCLOAK_ADMIN_SECRET}).
 */
@ConfigMapping(prefix = "detainerlab.teams")
public interface TeamAdminConfig {

    /** The confidential client whose service account may manage users and groups. */
    @WithDefault("detainerlab-admin-api")
    String clientId();

    Optional<String> clientSecret();

    /** Keycloak's base URL when the admin API is reached on another address than the OIDC URL's. */
    Optional<String> adminUrl();
}
