package org.detainerlab.api.policy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.util.List;

import org.detainerlab.api.common.CuratedItemResource;
import org.detainerlab.api.security.CurrentUser;
import org.detainerlab.core.policy.PolicyInput;
import org.detainerlab.core.policy.PolicyService;
import org.detainerlab.core.policy.PolicyView;
import org.detainerlab.core.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Curated policies: the list and create; reading one, editing and history are {@link CuratedItemResource}'s. */
@Path("/api/v1/policies")
@Tag(name = "Policies")
public class PolicyResource extends CuratedItemResource<PolicyService, PolicyInput, PolicyView> {

    public PolicyResource(PolicyService policies, CurrentUser user) {
        super(policies, user);
    }

    @GET
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Curated policies, by key", description = "Role researcher (or curator, admin).")
    public List<PolicyView> list(@Parameter(description = "Only those attached to this jurisdiction code (no"
            + " enclosing ones; see /jurisdictions/{code}/policies for those)") @QueryParam("jurisdiction") String jurisdiction) {
        return items.list(jurisdiction);
    }
}
