package org.detainerlab.api.detainer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

import org.detainerlab.core.detainer.DetainerPage;
import org.detainerlab.core.detainer.DetainerRowService;
import org.detainerlab.core.detainer.QueryParameters;
import org.detainerlab.core.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/detainers")
@RolesAllowed(Roles.RESEARCHER)
@Tag(name = "Detainers")
public class DetainerResource {

    static final String CSV = "text/csv";

    private final DetainerRowService rows;

    public DetainerResource(DetainerRowService rows) {
        this.rows = rows;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Detainer rows, filtered, one page at a time (JSON) or all of them (CSV)",
            description = "Role researcher (or curator, admin). JSON: a page of rows with 'next', the cursor of the"
                    + " following page (null on the last), and the provenance. With Accept: text/csv the whole filtered"
                    + " set streams as one table (same as /export), provenance in DetainerLab-* headers. Every row"
                    + " carries releaseId, sourceSheet and sourceRow. A bad parameter is 400 naming it.")
    @APIResponse(responseCode = "200", description = "A page of rows, the next cursor and the provenance",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DetainerPage.class)))
    public Response list(@BeanParam DetainerFilterParameters filter,
                         @Parameter(description = "Fields to return, comma-separated (all when absent); provenance is"
                                 + " always included") @QueryParam("fields") List<String> fields,
                         @Parameter(description = "source (default: release, sheet, row) or prepareDate (missing dates"
                                 + " last, then source order)") @QueryParam("sort") String sort,
                         @Parameter(description = "The 'next' value of the previous page") @QueryParam("cursor") String cursor,
                         @Parameter(description = "Rows per page, 1 to " + DetainerRowService.MAX_LIMIT + " (default "
                                 + DetainerRowService.DEFAULT_LIMIT + ")") @QueryParam("limit") String limit,
                         @Context UriInfo uri, @Context HttpHeaders headers) {
        if (acceptsFirst(headers, CSV)) {
            return export(uri, CSV);
        }
        DetainerPage page = rows.page(QueryParameters.of(uri.getQueryParameters()));
        return Response.ok(page, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/export")
    @Produces({CSV, MediaType.APPLICATION_JSON})
    @Operation(summary = "The whole filtered set of detainer rows, streamed as CSV or JSON",
            description = "Role researcher (or curator, admin). Streams every matching row in constant memory: CSV"
                    + " (default) with provenance in DetainerLab-* headers, or with Accept: application/json one object"
                    + " {provenance, items}. Same filters, fields and sort as GET /api/v1/detainers.")
    public Response exportAll(@BeanParam DetainerFilterParameters filter,
                              @Parameter(description = "Fields to return, comma-separated (all when absent)")
                              @QueryParam("fields") List<String> fields,
                              @Parameter(description = "source (default) or prepareDate") @QueryParam("sort") String sort,
                              @Context UriInfo uri, @Context HttpHeaders headers) {
        return export(uri, acceptsFirst(headers, MediaType.APPLICATION_JSON) ? MediaType.APPLICATION_JSON : CSV);
    }

    private Response export(UriInfo uri, String type) {
        DetainerRowService.Export export = rows.export(QueryParameters.of(uri.getQueryParameters()),
                "/api/v1/detainers/export");
        boolean csv = type.equals(CSV);
        StreamingOutput body = csv ? export::writeCsv : export::writeJson;
        return ProvenanceHeaders.add(Response.ok(body, csv ? CSV + "; charset=UTF-8" : MediaType.APPLICATION_JSON),
                export.provenance(), csv ? "detainers.csv" : "detainers.json").build();
    }

    /** True when the client's most preferred type is {@code type}. */
    public static boolean acceptsFirst(HttpHeaders headers, String type) {
        return headers.getAcceptableMediaTypes().stream().findFirst()
                .map(t -> (t.getType() + "/" + t.getSubtype()).equals(type)).orElse(false);
    }
}
