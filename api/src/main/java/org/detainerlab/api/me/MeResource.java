package org.detainerlab.api.me;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Set;

import org.detainerlab.api.security.CurrentUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me")
@Authenticated
@Tag(name = "Account")
public class MeResource {

    /** The caller as the platform sees them. */
    public record Me(String username, List<String> roles, Set<String> teams) {
    }

    private final CurrentUser user;

    public MeResource(CurrentUser user) {
        this.user = user;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller's username, platform roles and teams",
            description = "Any authenticated user. Teams are the Keycloak groups in the token's groups claim.")
    public Me me() {
        return new Me(user.username(), user.roles(), user.teams());
    }
}
