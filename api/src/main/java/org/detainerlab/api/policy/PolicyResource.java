package org.detainerlab.api.policy;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

import org.detainerlab.api.security.CurrentUser;
import org.detainerlab.core.common.Revisions;
import org.detainerlab.core.history.ChangeView;
import org.detainerlab.core.policy.PolicyInput;
import org.detainerlab.core.policy.PolicyService;
import org.detainerlab.core.policy.PolicyView;
import org.detainerlab.core.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/policies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Policies")
@SecurityRequirement(name = "keycloak")
public class PolicyResource {

    public static final String MERGE_PATCH = "application/merge-patch+json";

    private final PolicyService policies;
    private final CurrentUser user;

    public PolicyResource(PolicyService policies, CurrentUser user) {
        this.policies = policies;
        this.user = user;
    }

    @GET
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Curated policies, by key", description = "Role researcher (or curator, admin).")
    public List<PolicyView> list(@Parameter(description = "Only those attached to this jurisdiction code (no"
            + " enclosing ones; see /jurisdictions/{code}/policies for those)") @QueryParam("jurisdiction") String jurisdiction) {
        return policies.list(jurisdiction);
    }

    @GET
    @Path("/{ref}")
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "One policy by id or key, with its events; the ETag is what If-Match must send to change it",
            description = "Role researcher (or curator, admin).")
    public Response get(@PathParam("ref") String ref) {
        return tagged(Response.ok(), policies.get(ref));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CURATOR)
    @Operation(summary = "Add a policy", description = "Role curator. 422 lists every invalid field; 409 when the key"
            + " is taken.")
    public Response create(@NotNull PolicyInput input, @Context UriInfo uri) {
        PolicyView created = policies.create(input, user.username());
        return tagged(Response.created(uri.getAbsolutePathBuilder().path(created.key()).build()), created);
    }

    @PUT
    @Path("/{ref}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CURATOR)
    @Operation(summary = "Replace a policy", description = "Role curator. If-Match with the ETag read is required:"
            + " 428 without it, 412 (with the current ETag) when someone changed the policy since.")
    public Response replace(@PathParam("ref") String ref, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @NotNull PolicyInput input) {
        return tagged(Response.ok(), policies.replace(ref, ifMatch, input, user.username()));
    }

    @PATCH
    @Path("/{ref}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.CURATOR)
    @Operation(summary = "Change some fields of a policy (JSON merge patch, RFC 7386)", description = "Role curator."
            + " If-Match as for PUT. Lists (events, sources, ...) are replaced as a whole. The reason is kept as the"
            + " change's note in the history; taking a verified fact (the policy or an event) back to unverified"
            + " needs one (422 on field reason without).")
    public Response patch(@PathParam("ref") String ref, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Parameter(description = "Why, kept in the history (required to unverify a fact)")
                          @QueryParam("reason") String reason,
                          @NotNull JsonNode mergePatch) {
        return tagged(Response.ok(), policies.patch(ref, ifMatch, mergePatch, user.username(), reason));
    }

    @DELETE
    @Path("/{ref}")
    @RolesAllowed(Roles.CURATOR)
    @Operation(summary = "Delete a policy; its history stays readable by id", description = "Role curator. If-Match as"
            + " for PUT.")
    public Response delete(@PathParam("ref") String ref, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        policies.delete(ref, ifMatch, user.username());
        return Response.noContent().build();
    }

    @GET
    @Path("/{ref}/history")
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Every change of a policy (deleted ones too, by id): version, action, who, when, before"
            + " and after", description = "Role researcher (or curator, admin).")
    public List<ChangeView> history(@PathParam("ref") String ref) {
        return policies.history(ref);
    }

    private static Response tagged(Response.ResponseBuilder response, PolicyView policy) {
        return response.entity(policy).header(HttpHeaders.ETAG,
                Revisions.tag(PolicyService.KIND, policy.id(), policy.version())).build();
    }
}
