package org.detainerlab.api.curation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Locale;

import org.detainerlab.api.security.CurrentUser;
import org.detainerlab.core.common.InvalidQueryException;
import org.detainerlab.core.exchange.CuratedExchange;
import org.detainerlab.core.exchange.CuratedFile;
import org.detainerlab.core.exchange.ImportSummary;
import org.detainerlab.core.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/curation")
@Tag(name = "Curation")
public class CurationResource {

    static final String CSV = "text/csv";

    private final CuratedExchange exchange;
    private final CurrentUser user;

    public CurationResource(CuratedExchange exchange, CurrentUser user) {
        this.exchange = exchange;
        this.user = user;
    }

    @GET
    @Path("/export")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "All curated policies and rulings as JSON (importable as is), or one item type as CSV",
            description = "Role researcher (or curator, admin). CSV with format=csv or Accept: text/csv, and type.")
    public Response export(
            @Parameter(description = "json (default) or csv") @QueryParam("format") String format,
            @Parameter(description = "For CSV: policies (default), policy-events or rulings") @QueryParam("type") String type,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        boolean csv;
        if (format == null || format.isBlank()) {
            csv = accept != null && accept.toLowerCase(Locale.ROOT).contains(CSV)
                    && !accept.toLowerCase(Locale.ROOT).contains(MediaType.APPLICATION_JSON);
        } else if (format.equalsIgnoreCase("csv") || format.equalsIgnoreCase("json")) {
            csv = format.equalsIgnoreCase("csv");
        } else {
            throw new InvalidQueryException("format", "'" + format + "' is not json or csv");
        }
        if (!csv) {
            return Response.ok(exchange.export(), MediaType.APPLICATION_JSON).build();
        }
        String table = type == null ? CuratedExchange.CSV_TABLES.get(0) : type;
        return Response.ok(exchange.exportCsv(table), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"detainerlab-" + table.trim().toLowerCase(Locale.ROOT)
                        + ".csv\"").build();
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CURATOR)
    @Operation(summary = "Import curated policies and rulings (the export format), all or nothing",
            description = "Role curator. New keys are created, unchanged entries left alone; a changed entry is"
                    + " updated only when it carries the version it was exported from and that version is still"
                    + " current (409 otherwise). 422 lists every invalid field as policies[i]... or rulings[i]...."
                    + " With dryRun=true every check runs and the answer says what would be created, updated and"
                    + " left alone, and nothing is written.")
    public ImportSummary importFile(
            @Parameter(description = "true: validate and say what would change, writing nothing")
            @QueryParam("dryRun") boolean dryRun,
            @NotNull CuratedFile file) {
        return exchange.importFile(file, user.username(), dryRun);
    }
}
