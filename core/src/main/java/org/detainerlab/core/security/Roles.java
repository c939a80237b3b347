package org.detainerlab.core.security;

/**
 * Realm roles, as Keycloak issues them in {@code realm_access.roles}. {@code curator} and {@code admin}
 * are composites that include {@code researcher}, so a check for researcher admits all three.
 */
public final class Roles {

    public static final String RESEARCHER = "researcher";
    public static final String CURATOR = "curator";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
