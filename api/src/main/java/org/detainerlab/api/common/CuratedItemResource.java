package org.detainerlab.api.common;

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
import org.detainerlab.core.curation.CuratedItems;
import org.detainerlab.core.curation.CuratedView;
import org.detainerlab.core.history.ChangeView;
import org.detainerlab.core.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The endpoints every curated item has, declared once: create, one item with the ETag that If-Match must send to change
 * it, replace, merge patch and delete under If-Match, and the item's history. The resource of each kind (policies,
 * rulings, case records, claims) extends this at its path and adds its list or search.
 */
// the OpenAPI document adds the token requirement only to methods the resource class itself declares
@Produces(MediaType.APPLICATION_JSON)
public abstract class CuratedItemResource<S extends CuratedItems<?, I, V, ?>, I, V extends CuratedView> {

    public static final String MERGE_PATCH = "application/merge-patch+json";

    protected final S items;
    protected final CurrentUser user;

    protected CuratedItemResource(S items, CurrentUser user) {
        this.items = items;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "keycloak")
    @RolesAllowed(Roles.CURATOR)
    @Operation(summary = "Add an item", description = "Role curator. 201 with the item, its ETag and its address (by"
            + " key for policies and rulings, by id otherwise). 422 lists every invalid field, nothing is written"
            + " then: a case record's links must resolve; a claim needs a query with a claimed value and a period,"
            + " or a notCheckableReason. 409 when a policy's or ruling's key is taken.")
    public Response create(@NotNull I input, @Context UriInfo uri) {
        V created = items.create(input, user.username());
        return Tagged.created(items, created, created.key(), uri);
    }

    @GET
    @Path("/{ref}")
    @SecurityRequirement(name = "keycloak")
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "One item by id (policies and rulings also by key); the ETag is what If-Match must send to"
            + " change it", description = "Role researcher (or curator, admin). 404 when there is none, or it was"
            + " deleted.")
    public Response get(@PathParam("ref") String ref) {
        return Tagged.ok(items, items.get(ref));
    }

    @PUT
    @Path("/{ref}")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "keycloak")
    @RolesAllowed(Roles.CURATOR)
    @Operation(summary = "Replace an item", description = "Role curator. If-Match with the ETag read is required:"
            + " 428 without it, 412 (with the current ETag) when someone changed the item since. 422 lists every"
            + " invalid field; nothing is written then.")
    public Response replace(@PathParam("ref") String ref, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @NotNull I input) {
        return Tagged.ok(items, items.replace(ref, ifMatch, input, user.username()));
    }

    @PATCH
    @Path("/{ref}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @SecurityRequirement(name = "keycloak")
    @RolesAllowed(Roles.CURATOR)
    @Operation(summary = "Change some fields of an item (JSON merge patch, RFC 7386)", description = "Role curator."
            + " If-Match as for PUT. Lists (events, sources, ...) are replaced as a whole. The reason is kept as the"
            + " change's note in the history; taking a verified fact of a policy (the policy or an event) back to"
            + " unverified needs one (422 on field reason without).")
    public Response patch(@PathParam("ref") String ref, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Parameter(description = "Why, kept in the history (required to unverify a policy's fact)")
                          @QueryParam("reason") String reason,
                          @NotNull JsonNode mergePatch) {
        return Tagged.ok(items, items.patch(ref, ifMatch, mergePatch, user.username(), reason));
    }

    @DELETE
    @Path("/{ref}")
    @SecurityRequirement(name = "keycloak")
    @RolesAllowed(Roles.CURATOR)
    @Operation(summary = "Delete an item", description = "Role curator. If-Match as for PUT. A policy or ruling"
            + " stays, marked deleted, so that its history stays readable by id (and its key stays taken); a ruling"
            + " that later rulings review is not deleted (409). A case record or claim is removed, its history still"
            + " readable by number, ending with the deletion. Annotations on a case record's narrative are kept,"
            + " flagged orphaned; a claim's stored checks go with it.")
    public Response delete(@PathParam("ref") String ref, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        items.delete(ref, ifMatch, user.username());
        return Response.noContent().build();
    }

    @GET
    @Path("/{ref}/history")
    @SecurityRequirement(name = "keycloak")
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Every change of an item, oldest first: version, action, who, when, note, before and"
            + " after", description = "Role researcher (or curator, admin).")
    public List<ChangeView> history(@PathParam("ref") String ref) {
        return items.history(ref);
    }
}
