package org.detainerlab.api.facility;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.util.List;

import org.detainerlab.core.detainer.DetainerCounts;
import org.detainerlab.core.facility.FacilityService;
import org.detainerlab.core.facility.FacilityView;
import org.detainerlab.core.facility.NewFacility;
import org.detainerlab.core.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/facilities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Facilities")
public class FacilityResource {

    private final FacilityService facilities;
    private final DetainerCounts counts;

    public FacilityResource(FacilityService facilities, DetainerCounts counts) {
        this.facilities = facilities;
        this.counts = counts;
    }

    @GET
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Search curated facilities by name, ICE code or alias",
            description = "Role researcher (or curator, admin). Each facility comes with its detainer count in the"
                    + " loaded releases and the spellings of it seen in the data (seenAs), each with its count.")
    public List<FacilitySummary> search(
            @Parameter(description = "Part of the name, ICE code or an alias, case-insensitive") @QueryParam("q") String q,
            @Parameter(description = "USPS code of the facility's state") @QueryParam("state") String state,
            @Parameter(description = "At most this many, 1 to " + FacilityService.MAX_PAGE)
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(FacilityService.MAX_PAGE) int limit) {
        DetainerCounts.Totals totals = counts.totals();
        return facilities.search(q, state, limit).stream().map(f -> summary(f, totals)).toList();
    }

    @GET
    @Path("/seen")
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Facility names as published in the loaded releases, with counts",
            description = "Role researcher (or curator, admin). ICE's facility names are free text; each distinct"
                    + " spelling (trimmed, upper-case) per state, with its detainer count and the curated facility it"
                    + " resolves to (facilityId, null when none). Most detainers first.")
    public List<DetainerCounts.NameSeen> seen(
            @Parameter(description = "Part of the name, case-insensitive") @QueryParam("q") String q,
            @Parameter(description = "USPS code of the state") @QueryParam("state") String state,
            @Parameter(description = "At most this many, 1 to " + FacilityService.MAX_PAGE)
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(FacilityService.MAX_PAGE) int limit) {
        return counts.namesSeen(q, state, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "One facility", description = "Role researcher (or curator, admin).")
    public FacilitySummary get(@PathParam("id") long id) {
        return summary(facilities.get(id), counts.totals());
    }

    private FacilitySummary summary(FacilityView facility, DetainerCounts.Totals totals) {
        return new FacilitySummary(facility, totals.byFacility().getOrDefault(facility.id(), 0L),
                counts.namesOf(facility.id()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CURATOR)
    @Operation(summary = "Add a facility with the spellings that should resolve to it",
            description = "Role curator. 409 when its ICE code or one of its names already belongs to another facility.")
    public Response create(@NotNull NewFacility input, @Context UriInfo uri) {
        FacilityView created = facilities.create(input);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }
}
