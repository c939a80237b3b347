package org.detainerlab.api.jurisdiction;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.detainerlab.core.common.InvalidQueryException;
import org.detainerlab.core.detainer.DetainerCounts;
import org.detainerlab.core.jurisdiction.JurisdictionKind;
import org.detainerlab.core.jurisdiction.JurisdictionService;
import org.detainerlab.core.jurisdiction.JurisdictionView;
import org.detainerlab.core.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/jurisdictions")
@RolesAllowed(Roles.RESEARCHER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jurisdictions")
@SecurityRequirement(name = "keycloak")
public class JurisdictionResource {

    private final JurisdictionService jurisdictions;
    private final DetainerCounts counts;

    public JurisdictionResource(JurisdictionService jurisdictions, DetainerCounts counts) {
        this.jurisdictions = jurisdictions;
        this.counts = counts;
    }

    @GET
    @Operation(summary = "Search jurisdictions, each with its detainer count",
            description = "Role researcher (or curator, admin). detainers counts the rows of loaded releases: for a"
                    + " state, rows naming it; for a county, rows at curated facilities recorded in it; for the nation,"
                    + " all rows.")
    public List<JurisdictionSummary> search(
            @Parameter(description = "Kinds to include, e.g. STATE,TERRITORY (all when absent)") @QueryParam("kind") List<String> kinds,
            @Parameter(description = "Part of the name or code, case-insensitive") @QueryParam("q") String q) {
        DetainerCounts.Totals totals = counts.totals();
        return jurisdictions.search(parseKinds(kinds), q).stream().map(j -> summary(j, totals)).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One jurisdiction by its code (US, a USPS state code, or a county FIPS code)",
            description = "Role researcher (or curator, admin).")
    public JurisdictionSummary get(@PathParam("code") String code) {
        return summary(jurisdictions.get(code), counts.totals());
    }

    private static JurisdictionSummary summary(JurisdictionView j, DetainerCounts.Totals totals) {
        return new JurisdictionSummary(j, j.kind() == JurisdictionKind.NATION ? totals.all()
                : totals.byPlace().getOrDefault(j.code(), 0L));
    }

    private static List<JurisdictionKind> parseKinds(List<String> values) {
        List<JurisdictionKind> kinds = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    kinds.add(JurisdictionKind.valueOf(part.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new InvalidQueryException("kind", "'" + part.trim() + "' is not one of "
                            + List.of(JurisdictionKind.values()));
                }
            }
        }
        return kinds;
    }
}
