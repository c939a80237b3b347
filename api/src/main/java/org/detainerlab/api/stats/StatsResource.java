package org.detainerlab.api.stats;

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
import jakarta.ws.rs.core.UriInfo;

import java.util.ArrayList;
import java.util.List;

import org.detainerlab.api.common.AcceptEncoding;
import org.detainerlab.api.detainer.DetainerFilterParameters;
import org.detainerlab.api.detainer.DetainerResource;
import org.detainerlab.api.detainer.ProvenanceHeaders;
import org.detainerlab.core.common.Csv;
import org.detainerlab.core.detainer.QueryParameters;
import org.detainerlab.core.security.Roles;
import org.detainerlab.core.stats.PolicyEffect;
import org.detainerlab.core.stats.PolicyEffectService;
import org.detainerlab.core.stats.StatsAnswer;
import org.detainerlab.core.stats.StatsRow;
import org.detainerlab.core.stats.StatsService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/stats")
@RolesAllowed(Roles.RESEARCHER)
@Tag(name = "Statistics")
public class StatsResource {

    private final StatsService stats;
    private final PolicyEffectService effects;

    public StatsResource(StatsService stats, PolicyEffectService effects) {
        this.stats = stats;
        this.effects = effects;
    }

    @GET
    @Path("/policy-effect")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Monthly counts and rates of an outcome before and after a policy event",
            description = "Role researcher (or curator, admin). For a jurisdiction (state, county or US) and a policy"
                    + " event (e.g. SB 54 taking effect), the months before and after it with the filtered outcomes'"
                    + " count, all detainers and the rate, each side summed, the policy's events, whether the loaded"
                    + " releases cover the whole window (coverageComplete, with notes naming what is missing), and the"
                    + " provenance. Descriptive: it does not estimate what caused a change. A bad parameter is 400"
                    + " naming it.")
    public PolicyEffect policyEffect(
            @Parameter(description = "A state (CA or California), a county (FIPS code) or US", required = true)
            @QueryParam("jurisdiction") String jurisdiction,
            @Parameter(description = "The policy's key or id (see GET /api/v1/policies)", required = true)
            @QueryParam("policy") String policy,
            @Parameter(description = "The event type (default effective): introduced, signed, adopted, effective,"
                    + " amended, enjoined, upheld, struck_down, repealed, expired") @QueryParam("event") String event,
            @Parameter(description = "Months on each side, 1 to " + PolicyEffectService.MAX_MONTHS + " (default 12)")
            @QueryParam("months") String months,
            @Parameter(description = "Outcomes counted (default DECLINED); the rate is their share of all detainers")
            @QueryParam("outcome") List<String> outcome,
            @Parameter(description = "Also accepted: release, detainerType, criminality, excludeLikelyDuplicates,"
                    + " suppressBelow, as in /stats/detainers") @QueryParam("release") List<String> release,
            @Context UriInfo uri) {
        return effects.effect(QueryParameters.of(uri.getQueryParameters()));
    }

    @GET
    @Path("/detainers")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "Detainer counts and shares, grouped by up to three dimensions, with provenance",
            description = "Role researcher (or curator, admin). Every answer names the releases (id, title, sha256,"
                    + " coverage), the normalised query that reproduces it, the application version and when it was"
                    + " computed. measure=share adds each group's total without the outcome filter, the share of the"
                    + " group the filtered outcomes make up (e.g. the declined share of each state) and each group's"
                    + " share of the total. With Accept: text/csv the same groups come as a table, provenance in"
                    + " DetainerLab-* headers. groupBy=policyRegime with provision=P puts each detainer in IN_FORCE (a"
                    + " policy with P was in force at its county, its state or the nation on its prepare date),"
                    + " NOT_IN_FORCE, PLACE_UNKNOWN (its county is not known and a county's policy could decide) or"
                    + " DATE_UNKNOWN; policyRegime=IN_FORCE&provision=P filters by it; provenance.policies then lists"
                    + " the policies (with their versions) that decided. A bad parameter is 400 naming it; an unknown"
                    + " provision lists the known ones; policyRegime without provision is 400. A client that sends"
                    + " Accept-Encoding: gzip gets the JSON gzip-compressed (compressed once per cached answer).")
    @APIResponse(responseCode = "200", description = "The groups, their total and the provenance",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatsAnswer.class)))
    public Response detainers(
            @Parameter(description = "Up to three of state, county, facility, month, fiscalYear, year, outcome,"
                    + " liftReason (as published), detainerType, policyRegime (needs provision), criminality, threatLevel,"
                    + " gender, citizenshipCountry, ageBand, notifyRelease, mscCharge, chargeCategory (comma-separated,"
                    + " in the order wanted). The person and charge dimensions exist in the modern layouts only (the"
                    + " 2015 layout's rows have none: they form the null group) and are counted from the rows.") @QueryParam("groupBy") List<String> groupBy,
            @Parameter(description = "The provision whose policies decide the policy regime, e.g."
                    + " DECLINES_DETAINER_HOLDS (see the data dictionary)") @QueryParam("provision") String provision,
            @Parameter(description = "Only detainers in these regimes: IN_FORCE, NOT_IN_FORCE, PLACE_UNKNOWN,"
                    + " DATE_UNKNOWN (needs provision)") @QueryParam("policyRegime") List<String> policyRegime,
            @Parameter(description = "count (default) or share") @QueryParam("measure") String measure,
            @Parameter(description = "Withhold counts from 1 to k-1 (and the shares built on them); off by default.")
            @QueryParam("suppressBelow") String suppressBelow,
            @BeanParam DetainerFilterParameters filter,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        QueryParameters parameters = QueryParameters.of(uri.getQueryParameters());
        if (DetainerResource.acceptsFirst(headers, "text/csv")) {
            StatsAnswer answer = stats.detainers(parameters);
            return ProvenanceHeaders.add(Response.ok(csv(answer), "text/csv; charset=UTF-8"), answer.provenance(),
                    "detainer-stats.csv").build();
        }
        if (AcceptEncoding.gzip(headers)) {
            return Response.ok(stats.detainersJsonGzip(parameters), MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.CONTENT_ENCODING, "gzip").header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                    .build();
        }
        return Response.ok(stats.detainersJson(parameters), MediaType.APPLICATION_JSON)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING).build();
    }

    private static String csv(StatsAnswer answer) {
        List<String> keys = new ArrayList<>();
        if (!answer.rows().isEmpty()) {
            keys.addAll(answer.rows().get(0).group().keySet());
        }
        boolean share = answer.measure().equals("share");
        List<String> header = new ArrayList<>(keys);
        header.addAll(share ? List.of("count", "suppressed", "groupTotal", "shareWithinGroup", "shareOfTotal")
                : List.of("count", "suppressed"));
        StringBuilder out = new StringBuilder(Csv.line(header));
        for (StatsRow row : answer.rows()) {
            List<Object> fields = new ArrayList<>();
            keys.forEach(k -> fields.add(row.group().get(k)));
            fields.add(row.count());
            fields.add(Boolean.TRUE.equals(row.suppressed()));
            if (share) {
                fields.add(row.groupTotal());
                fields.add(row.shareWithinGroup());
                fields.add(row.shareOfTotal());
            }
            out.append(Csv.line(fields));
        }
        return out.toString();
    }
}
