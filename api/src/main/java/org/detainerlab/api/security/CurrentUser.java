package org.detainerlab.api.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.detainerlab.core.security.Caller;
import org.detainerlab.core.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of the current request: their account (the token's subject), username, the platform's roles they
 * hold, and their teams.
 */
@RequestScoped
public class CurrentUser {

    private static final List<String> PLATFORM_ROLES = List.of(Roles.RESEARCHER, Roles.CURATOR, Roles.ADMIN);

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public CurrentUser(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public String username() {
        return identity.getPrincipal().getName();
    }

    /** The platform's roles the caller holds (Keycloak's own default roles are left out). */
    public List<String> roles() {
        return PLATFORM_ROLES.stream().filter(identity::hasRole).toList();
    }

    /** Team names from the token's {@code groups} claim. */
    public Set<String> teams() {
        Set<String> groups = token.getGroups();
        return groups == null ? Set.of() : new TreeSet<>(groups);
    }

    /** The caller as services see them for visibility: curators and admins moderate, admins administer. */
    public Caller caller() {
        return new Caller(token.getSubject(), username(), teams(), identity.hasRole(Roles.CURATOR) || identity.hasRole(Roles.ADMIN),
                identity.hasRole(Roles.ADMIN));
    }
}
