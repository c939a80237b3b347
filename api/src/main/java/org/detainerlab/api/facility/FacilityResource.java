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

import org.detainerlab.core.facility.FacilityService;
import org.detainerlab.core.facility.FacilityView;
import org.detainerlab.core.facility.NewFacility;
import org.detainerlab.core.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/facilities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Facilities")
@SecurityRequirement(name = "keycloak")
public class FacilityResource {

    private final FacilityService facilities;

    public FacilityResource(FacilityService facilities) {
        this.facilities = facilities;
    }

    @GET
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Search facilities by name, ICE code or alias", description = "Role researcher (or curator, admin).")
    public List<FacilityView> search(
            @Parameter(description = "Part of the name, ICE code or an alias, case-insensitive") @QueryParam("q") String q,
            @Parameter(description = "USPS code of the facility's state") @QueryParam("state") String state,
            @Parameter(description = "At most this many, 1 to " + FacilityService.MAX_PAGE)
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(FacilityService.MAX_PAGE) int limit) {
        return facilities.search(q, state, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "One facility", description = "Role researcher (or curator, admin).")
    public FacilityView get(@PathParam("id") long id) {
        return facilities.get(id);
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
