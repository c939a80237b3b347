package org.detainerlab.api.team;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

import org.detainerlab.api.security.CurrentUser;
import org.detainerlab.core.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/teams")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Teams")
public class TeamResource {

    private final TeamDirectory teams;
    private final CurrentUser user;

    public TeamResource(TeamDirectory teams, CurrentUser user) {
        this.teams = teams;
        this.user = user;
    }

    @GET
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Your teams, with their members (admins: every team)",
            description = "Role researcher (or curator, admin). Read from Keycloak; 503 when it cannot be reached.")
    public List<TeamView> list() {
        return user.roles().contains(Roles.ADMIN) ? teams.all() : teams.of(user.username());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a team (a top-level Keycloak group)",
            description = "Role admin. 409 when a team of that name exists, 422 for a blank name.")
    public Response create(@NotNull @Valid NewTeam team, @Context UriInfo uri) {
        TeamView created = teams.create(team.name().trim());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @PUT
    @Path("/{id}/members/{username}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a user to a team", description = "Role admin. 404 for an unknown team or user, 409"
            + " when the user is already a member. The change shows in the member's next token.")
    public TeamView addMember(@PathParam("id") String id, @PathParam("username") String username) {
        return teams.addMember(id, username);
    }

    @DELETE
    @Path("/{id}/members/{username}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove a user from a team",
            description = "Role admin. 404 for an unknown team or user, 409 when the user is not a member.")
    public TeamView removeMember(@PathParam("id") String id, @PathParam("username") String username) {
        return teams.removeMember(id, username);
    }
}
