package org.detainerlab.api.policy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

import org.detainerlab.api.common.CuratedItemResource;
import org.detainerlab.api.security.CurrentUser;
import org.detainerlab.core.policy.PolicyInput;
import org.detainerlab.core.policy.PolicyService;
import org.detainerlab.core.policy.PolicyView;
import org.detainerlab.core.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Curated policies: the list and create; reading one, editing and history are {@link CuratedItemResource}'s. */
@Path("/api/v1/policies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Policies")
@SecurityRequirement(name = "keycloak")
public class PolicyResource extends CuratedItemResource<PolicyService, PolicyInput, PolicyView> {

    public PolicyResource(PolicyService policies, CurrentUser user) {
        super(policies, user);
    }

    @GET
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Curated policies, by key", description = "Role researcher (or curator, admin).")
    public List<PolicyView> list(@Parameter(description = "Only those attached to this jurisdiction code (no"
            + " enclosing ones; see /jurisdictions/{code}/policies for those)") @QueryParam("jurisdiction") String jurisdiction) {
        return items.list(jurisdiction);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CURATOR)
    @Operation(summary = "Add a policy", description = "Role curator. 422 lists every invalid field; 409 when the key"
            + " is taken.")
    public Response create(@NotNull PolicyInput input, @Context UriInfo uri) {
        PolicyView created = items.create(input, user.username());
        return createdWithTag(created, created.key(), uri);
    }
}
