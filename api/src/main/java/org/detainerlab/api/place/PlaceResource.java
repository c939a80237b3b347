package org.detainerlab.api.place;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.util.Map;

import org.detainerlab.api.common.Tagged;
import org.detainerlab.api.security.CurrentUser;
import org.detainerlab.core.history.ChangeView;
import org.detainerlab.core.place.PlaceDecision;
import org.detainerlab.core.place.PlaceMatch;
import org.detainerlab.core.place.PlaceReviewPage;
import org.detainerlab.core.place.PlaceService;
import org.detainerlab.core.place.PlaceView;
import org.detainerlab.core.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/places")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Places")
public class PlaceResource {

    public static final String CSV = "text/csv";

    private final PlaceService places;
    private final CurrentUser user;

    public PlaceResource(PlaceService places, CurrentUser user) {
        this.places = places;
        this.user = user;
    }

    /** The body of an accept-all. */
    public record AcceptAll(Double minConfidence) {
    }

    @GET
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "States, counties, cities and facilities whose name contains q, for autocomplete",
            description = "Role researcher (or curator, admin). Each match's value is what the county= (a FIPS code),"
                    + " state= or facility= filter takes.")
    public List<PlaceMatch> search(@Parameter(description = "a few letters of a name", required = true) @QueryParam("q") String q,
                                   @QueryParam("limit") @DefaultValue("20") int limit) {
        return places.search(q, limit);
    }

    @GET
    @Path("/review")
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Published places to review, most detainers first, with the proposed county, method,"
            + " confidence, evidence and candidates", description = "Role researcher (or curator, admin). By default"
            + " the unresolved places and the undecided proposals. One page at a time, most detainers first (counted"
            + " over the release series, as a question that names no release counts them) and then by id: when more"
            + " follow, the Link header names the next page (rel=\"next\"), the same question with its cursor. A cursor"
            + " this API did not give out is 400.")
    @APIResponse(responseCode = "200", description = "A page of places; Link: <...>; rel=\"next\" when more follow",
            headers = @Header(name = "Link", description = "the next page, when there is one"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = PlaceView.class)))
    public Response review(@Parameter(description = "NEW, PROPOSED, UNRESOLVED, ACCEPTED or REJECTED; repeatable")
                           @QueryParam("status") List<String> status,
                           @Parameter(description = "only places whose confidence is below this (0 to 1)")
                           @QueryParam("below") Double below,
                           @Parameter(description = "places per page, 1 to " + PlaceService.MAX_PAGE + " (default 100)")
                           @QueryParam("limit") @DefaultValue("100") int limit,
                           @Parameter(description = "where the page starts: the cursor in the previous page's Link"
                                   + " rel=\"next\"") @QueryParam("cursor") String cursor,
                           @Context UriInfo uri) {
        PlaceReviewPage page = places.review(status, below, limit, cursor);
        Response.ResponseBuilder response = Response.ok(page.items(), MediaType.APPLICATION_JSON);
        if (page.next() != null) {
            response.header(HttpHeaders.LINK, "<" + uri.getRequestUriBuilder().replaceQueryParam("cursor", page.next())
                    .build() + ">; rel=\"next\"");
        }
        return response.build();
    }

    @GET
    @Path("/review/{id}")
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "One place and its resolution; the ETag is what If-Match must send to decide it",
            description = "Role researcher (or curator, admin).")
    public Response get(@PathParam("id") long id) {
        return tagged(places.get(id));
    }

    @PUT
    @Path("/review/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CURATOR)
    @Operation(summary = "Decide a place: ACCEPT the proposal (or the countyCode given, a correction) or REJECT it",
            description = "Role curator. If-Match with the ETag read is required: 428 without it, 412 when someone"
                    + " decided since. 422 names an unknown county or facility, or a county of another state. An"
                    + " accepted spelling becomes (or joins) a curated facility.")
    public Response decide(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull PlaceDecision decision) {
        return tagged(places.decide(id, ifMatch, decision, user.username()));
    }

    @GET
    @Path("/review/{id}/history")
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Every decision on a place: version, who, when, before and after",
            description = "Role researcher (or curator, admin).")
    public List<ChangeView> history(@PathParam("id") long id) {
        return places.history(id);
    }

    @POST
    @Path("/review/accept-all")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CURATOR)
    @Operation(summary = "Accept every undecided proposal at or above a confidence", description = "Role curator."
            + " Each accepted place is recorded in its history. Answers how many were accepted.")
    public Map<String, Integer> acceptAll(@NotNull AcceptAll body) {
        return Map.of("accepted", places.acceptAbove(body.minConfidence(), user.username()));
    }

    @GET
    @Path("/crosswalk")
    @Produces(CSV)
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "The whole crosswalk of published places to counties and facilities, as CSV",
            description = "Role researcher (or curator, admin).")
    public Response export() {
        return Response.ok(places.exportCsv(), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"places-crosswalk.csv\"").build();
    }

    @PUT
    @Path("/crosswalk")
    @Consumes(CSV)
    @RolesAllowed(Roles.CURATOR)
    @Operation(summary = "Import a crosswalk in the export's form: changed lines become ACCEPTED (with their county)"
            + " or REJECTED", description = "Role curator. All or nothing: a file with bad lines is refused whole"
            + " with 422 listing every bad line.")
    public Map<String, Integer> importCsv(@NotNull String csv) {
        return Map.of("changed", places.importCsv(csv, user.username()));
    }

    private static Response tagged(PlaceView place) {
        return Tagged.response(Response.ok(), place, PlaceView.KIND, place.id(), place.version());
    }
}
