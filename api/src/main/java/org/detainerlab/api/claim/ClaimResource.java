package org.detainerlab.api.claim;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.util.List;

import org.detainerlab.api.common.CuratedItemResource;
import org.detainerlab.api.security.CurrentUser;
import org.detainerlab.core.claim.ClaimCheckView;
import org.detainerlab.core.claim.ClaimInput;
import org.detainerlab.core.claim.ClaimService;
import org.detainerlab.core.claim.ClaimView;
import org.detainerlab.core.common.Page;
import org.detainerlab.core.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/claims")
@Tag(name = "Claims")
public class ClaimResource extends CuratedItemResource<ClaimService, ClaimInput, ClaimView> {

    public ClaimResource(ClaimService claims, CurrentUser user) {
        super(claims, user);
    }

    @GET
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Search published claims by words in their text or publisher, newest first",
            description = "Role researcher (or curator, admin).")
    public Page<ClaimView> search(
            @Parameter(description = "Words in the text or publisher, case-insensitive") @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(ClaimService.MAX_PAGE) int size) {
        return items.search(q, page, size);
    }

    @POST
    @Path("/{id}/check")
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Check a claim against the data and store the results",
            description = "Role researcher (or curator, admin). One result per loaded release that overlaps the"
                    + " claim's period, or for the one release named: SUPPORTED, CONTRADICTED, PARTIAL_COVERAGE or"
                    + " NOT_CHECKABLE, with the release's sha256, the normalised statistics query, the application"
                    + " version and the time.")
    public List<ClaimCheckView> check(@PathParam("id") long id,
                                      @Parameter(description = "Check on this release only (its id)")
                                      @QueryParam("release") String release) {
        return items.check(id, release, user.username());
    }

    @GET
    @Path("/{id}/checks")
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Every stored check of a claim, oldest first", description = "Role researcher (or curator,"
            + " admin).")
    public List<ClaimCheckView> checks(@PathParam("id") long id) {
        return items.checks(id);
    }
}
