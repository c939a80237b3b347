package org.detainerlab.api.security;

/** The OIDC URL ({@code DETAINERLAB_OIDC_URL}, {@code .../realms/<realm>}) split into Keycloak's base URL and realm. */
public record RealmUrl(String serverUrl, String realm) {

    public static RealmUrl of(String oidcUrl) {
        int at = oidcUrl.lastIndexOf("/realms/");
        if (at < 0) {
            throw new IllegalStateException("DETAINERLAB_OIDC_URL must end in /realms/<realm>, not " + oidcUrl);
        }
        return new RealmUrl(oidcUrl.substring(0, at), oidcUrl.substring(at + "/realms/".length()).replaceAll("/+$", ""));
    }
}
