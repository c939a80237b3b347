package org.detainerlab.api.caserecord;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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

import org.detainerlab.api.common.QueryParams;
import org.detainerlab.api.common.Tagged;
import org.detainerlab.api.security.CurrentUser;
import org.detainerlab.core.caserecord.CaseRecordInput;
import org.detainerlab.core.caserecord.CaseRecordService;
import org.detainerlab.core.caserecord.CaseRecordSummary;
import org.detainerlab.core.caserecord.CaseRecordView;
import org.detainerlab.core.caserecord.EventType;
import org.detainerlab.core.common.Page;
import org.detainerlab.core.history.ChangeView;
import org.detainerlab.core.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/case-records")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Case records")
@SecurityRequirement(name = "keycloak")
public class CaseRecordResource {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final CaseRecordService records;
    private final CurrentUser user;

    public CaseRecordResource(CaseRecordService records, CurrentUser user) {
        this.records = records;
        this.user = user;
    }

    @GET
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Search case records by text, jurisdiction, event type and event date",
            description = "Role researcher (or curator, admin). Criteria combine; eventType, from and to apply to one"
                    + " and the same event.")
    public Page<CaseRecordSummary> search(
            @Parameter(description = "Words in the title or narrative, case-insensitive") @QueryParam("q") String q,
            @Parameter(description = "A jurisdiction code, e.g. CA") @QueryParam("jurisdiction") String jurisdiction,
            @Parameter(description = "ARREST, DETAINER_ISSUED, DETAINER_DECLINED, DETAINER_HONOURED, RELEASE,"
                    + " LATER_ARREST, CONVICTION or OTHER") @QueryParam("eventType") String eventType,
            @Parameter(description = "Events on or after this day (YYYY-MM-DD)") @QueryParam("from") String from,
            @Parameter(description = "Events on or before this day (YYYY-MM-DD)") @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(CaseRecordService.MAX_PAGE) int size) {
        return records.search(q, jurisdiction, QueryParams.oneOf("eventType", eventType, EventType.class),
                QueryParams.date("from", from), QueryParams.date("to", to), page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "One case record, with its ETag", description = "Role researcher (or curator, admin).")
    public Response get(@PathParam("id") long id) {
        return withTag(Response.ok(), records.get(id));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Every change of a case record, oldest first", description = "Role researcher (or curator, admin).")
    public List<ChangeView> history(@PathParam("id") long id) {
        return records.history(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CURATOR)
    @Operation(summary = "Add a case record", description = "Role curator. 422 lists every field that fails,"
            + " including links that do not resolve.")
    public Response create(@NotNull CaseRecordInput input, @Context UriInfo uri) {
        CaseRecordView created = records.create(input, user.username());
        return withTag(Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build()),
                created);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CURATOR)
    @Operation(summary = "Replace a case record", description = "Role curator. If-Match with the ETag you read is"
            + " required (428 without it, 412 when someone changed it since).")
    public Response replace(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @NotNull CaseRecordInput input) {
        return withTag(Response.ok(), records.replace(id, ifMatch, input, user.username()));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.CURATOR)
    @Operation(summary = "Change some fields of a case record (JSON merge patch, RFC 7386)",
            description = "Role curator. If-Match as for PUT.")
    public Response patch(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @NotNull JsonNode patch) {
        return withTag(Response.ok(), records.patch(id, ifMatch, patch, user.username()));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.CURATOR)
    @Operation(summary = "Delete a case record", description = "Role curator. If-Match as for PUT. Annotations on"
            + " its narrative are kept, flagged orphaned.")
    public Response delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        records.delete(id, ifMatch, user.username());
        return Response.noContent().build();
    }

    private static Response withTag(Response.ResponseBuilder response, CaseRecordView view) {
        return Tagged.response(response, view, CaseRecordView.KIND, view.id(), view.version());
    }
}
