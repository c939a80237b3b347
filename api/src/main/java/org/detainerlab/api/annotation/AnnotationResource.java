package org.detainerlab.api.annotation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.util.Map;

import org.detainerlab.api.common.Tagged;
import org.detainerlab.api.security.CurrentUser;
import org.detainerlab.core.annotation.AnnotationEdit;
import org.detainerlab.core.annotation.AnnotationService;
import org.detainerlab.core.annotation.AnnotationView;
import org.detainerlab.core.annotation.NewAnnotation;
import org.detainerlab.core.common.Page;
import org.detainerlab.core.history.ChangeView;
import org.detainerlab.core.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Annotations. Every read shows only what the caller may see (docs/security.md); one they may not see is 404.
 */
@Path("/api/v1/annotations")
@Tag(name = "Annotations")
public class AnnotationResource {

    /** Why a moderator hides an annotation; kept with it and in its history. */
    public record Moderation(@NotBlank @Size(max = 2000) String reason) {
    }

    private final AnnotationService annotations;
    private final CurrentUser user;

    public AnnotationResource(AnnotationService annotations, CurrentUser user) {
        this.annotations = annotations;
        this.user = user;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Search annotations (JSON; also JSON-LD and CSV by Accept)",
            description = "Role researcher (or curator, admin). Accept: application/ld+json gives a W3C Web Annotation"
                    + " AnnotationCollection, text/csv a flat table; the same criteria and paging apply.")
    public Page<AnnotationView> search(@BeanParam AnnotationSearchParams params) {
        return annotations.search(user.caller(), params.query(), params.page(), params.size());
    }

    @GET
    @Produces(AnnotationExport.JSON_LD)
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Annotations as W3C Web Annotation JSON-LD", description = "Role researcher (or curator, admin).")
    public Map<String, Object> searchJsonLd(@BeanParam AnnotationSearchParams params, @Context UriInfo uri) {
        return AnnotationExport.jsonLd(annotations.search(user.caller(), params.query(), params.page(), params.size()),
                uri.getRequestUri(), uri.getBaseUri());
    }

    @GET
    @Produces(AnnotationExport.CSV)
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Annotations as a CSV table", description = "Role researcher (or curator, admin).")
    public Response searchCsv(@BeanParam AnnotationSearchParams params) {
        String csv = AnnotationExport.csv(annotations.search(user.caller(), params.query(), params.page(),
                params.size()));
        return Response.ok(csv, AnnotationExport.CSV + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"annotations.csv\"").build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "One annotation, with its ETag", description = "Role researcher (or curator, admin); 404 when"
            + " it does not exist or you may not see it.")
    public Response get(@PathParam("id") long id) {
        return withTag(Response.ok(), annotations.get(user.caller(), id));
    }

    @GET
    @Path("/{id}/replies")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "The direct replies you can see, oldest first", description = "Role researcher (or curator,"
            + " admin).")
    public List<AnnotationView> replies(@PathParam("id") long id) {
        return annotations.replies(user.caller(), id);
    }

    @GET
    @Path("/{id}/history")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Every change of an annotation you can see", description = "Role researcher (or curator,"
            + " admin).")
    public List<ChangeView> history(@PathParam("id") long id) {
        return annotations.history(user.caller(), id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Annotate, or reply (parentId)", description = "Role researcher (or curator, admin). A TEAM"
            + " annotation names one of your teams; a reply takes its thread's target and visibility.")
    public Response create(@NotNull NewAnnotation input, @Context UriInfo uri) {
        AnnotationView created = annotations.create(user.caller(), input);
        return withTag(Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build()),
                created);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Edit your annotation's body and tags", description = "Role researcher (or curator, admin);"
            + " the author only (403 otherwise). If-Match with the ETag you read (428 without, 412 when stale).")
    public Response edit(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @NotNull AnnotationEdit edit) {
        return withTag(Response.ok(), annotations.edit(user.caller(), id, ifMatch, edit));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Delete your annotation", description = "Role researcher (or curator, admin); the author"
            + " only (403 otherwise). If-Match as for PUT.")
    public Response delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        annotations.delete(user.caller(), id, ifMatch);
        return Response.noContent().build();
    }

    @PUT
    @Path("/{id}/hidden")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CURATOR, Roles.ADMIN})
    @Operation(summary = "Hide an annotation for moderation, with a reason", description = "Role curator or admin."
            + " Its author and moderators still see it, with the reason.")
    public Response hide(@PathParam("id") long id, @NotNull @Valid Moderation moderation) {
        return withTag(Response.ok(), annotations.hide(user.caller(), id, moderation.reason()));
    }

    @DELETE
    @Path("/{id}/hidden")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CURATOR, Roles.ADMIN})
    @Operation(summary = "Show a hidden annotation again", description = "Role curator or admin.")
    public Response restore(@PathParam("id") long id) {
        return withTag(Response.ok(), annotations.restore(user.caller(), id));
    }

    private static Response withTag(Response.ResponseBuilder response, AnnotationView view) {
        return Tagged.response(response, view, AnnotationView.KIND, view.id(), view.version());
    }
}
