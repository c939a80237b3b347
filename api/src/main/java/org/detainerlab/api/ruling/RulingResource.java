package org.detainerlab.api.ruling;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

import org.detainerlab.api.policy.PolicyResource;
import org.detainerlab.api.security.CurrentUser;
import org.detainerlab.core.common.Revisions;
import org.detainerlab.core.history.ChangeView;
import org.detainerlab.core.ruling.CourtView;
import org.detainerlab.core.ruling.RulingInput;
import org.detainerlab.core.ruling.RulingService;
import org.detainerlab.core.ruling.RulingView;
import org.detainerlab.core.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/rulings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rulings")
@SecurityRequirement(name = "keycloak")
public class RulingResource {

    private final RulingService rulings;
    private final CurrentUser user;

    public RulingResource(RulingService rulings, CurrentUser user) {
        this.rulings = rulings;
        this.user = user;
    }

    @GET
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Curated court rulings, oldest decision first", description = "Role researcher (or curator, admin).")
    public List<RulingView> list() {
        return rulings.list();
    }

    @GET
    @Path("/courts")
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "The courts a ruling may name, by key (the value of a ruling's court field) and full name",
            description = "Role researcher (or curator, admin). This path wins over a ruling"
                    + " keyed \"courts\", which stays readable by its id.")
    public List<CourtView> courts() {
        return CourtView.all();
    }

    @GET
    @Path("/{ref}")
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "One ruling by id or key, with its subsequent history; the ETag is what If-Match must send to change it",
            description = "Role researcher (or curator, admin).")
    public Response get(@PathParam("ref") String ref) {
        return tagged(Response.ok(), rulings.get(ref));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CURATOR)
    @Operation(summary = "Add a ruling", description = "Role curator. 422 lists every invalid field; 409 when the key"
            + " is taken.")
    public Response create(@NotNull RulingInput input, @Context UriInfo uri) {
        RulingView created = rulings.create(input, user.username());
        return tagged(Response.created(uri.getAbsolutePathBuilder().path(created.key()).build()), created);
    }

    @PUT
    @Path("/{ref}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CURATOR)
    @Operation(summary = "Replace a ruling", description = "Role curator. If-Match with the ETag read is required:"
            + " 428 without it, 412 (with the current ETag) when someone changed the ruling since.")
    public Response replace(@PathParam("ref") String ref, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @NotNull RulingInput input) {
        return tagged(Response.ok(), rulings.replace(ref, ifMatch, input, user.username()));
    }

    @PATCH
    @Path("/{ref}")
    @Consumes({PolicyResource.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.CURATOR)
    @Operation(summary = "Change some fields of a ruling (JSON merge patch, RFC 7386)", description = "Role curator."
            + " If-Match as for PUT. Lists (events, sources, ...) are replaced as a whole.")
    public Response patch(@PathParam("ref") String ref, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @NotNull JsonNode mergePatch) {
        return tagged(Response.ok(), rulings.patch(ref, ifMatch, mergePatch, user.username()));
    }

    @DELETE
    @Path("/{ref}")
    @RolesAllowed(Roles.CURATOR)
    @Operation(summary = "Delete a ruling; its history stays readable by id", description = "Role curator. If-Match as"
            + " for PUT.")
    public Response delete(@PathParam("ref") String ref, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        rulings.delete(ref, ifMatch, user.username());
        return Response.noContent().build();
    }

    @GET
    @Path("/{ref}/history")
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Every change of a ruling (deleted ones too, by id): version, action, who, when, before"
            + " and after", description = "Role researcher (or curator, admin).")
    public List<ChangeView> history(@PathParam("ref") String ref) {
        return rulings.history(ref);
    }

    private static Response tagged(Response.ResponseBuilder response, RulingView ruling) {
        return response.entity(ruling).header(HttpHeaders.ETAG,
                Revisions.tag(RulingService.KIND, ruling.id(), ruling.version())).build();
    }
}
