package org.detainerlab.api.ruling;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.util.List;

import org.detainerlab.api.common.CuratedItemResource;
import org.detainerlab.api.security.CurrentUser;
import org.detainerlab.core.ruling.CourtView;
import org.detainerlab.core.ruling.RulingInput;
import org.detainerlab.core.ruling.RulingService;
import org.detainerlab.core.ruling.RulingView;
import org.detainerlab.core.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Curated court rulings: the list and create; reading one, editing and history are {@link CuratedItemResource}'s. */
@Path("/api/v1/rulings")
@Tag(name = "Rulings")
public class RulingResource extends CuratedItemResource<RulingService, RulingInput, RulingView> {

    public RulingResource(RulingService rulings, CurrentUser user) {
        super(rulings, user);
    }

    @GET
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Curated court rulings, oldest decision first", description = "Role researcher (or curator, admin).")
    public List<RulingView> list() {
        return items.list();
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
}
