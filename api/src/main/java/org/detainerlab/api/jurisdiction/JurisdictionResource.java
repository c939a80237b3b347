package org.detainerlab.api.jurisdiction;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.detainerlab.api.security.CurrentUser;
import org.detainerlab.core.common.InvalidQueryException;
import org.detainerlab.core.detainer.DetainerCounts;
import org.detainerlab.core.jurisdiction.JurisdictionKind;
import org.detainerlab.core.jurisdiction.JurisdictionService;
import org.detainerlab.core.jurisdiction.JurisdictionView;
import org.detainerlab.core.jurisdiction.NewJurisdiction;
import org.detainerlab.core.policy.Provision;
import org.detainerlab.core.security.Roles;
import org.detainerlab.core.timeline.PoliciesInForce;
import org.detainerlab.core.timeline.Timeline;
import org.detainerlab.core.timeline.TimelineService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/jurisdictions")
@RolesAllowed(Roles.RESEARCHER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jurisdictions")
public class JurisdictionResource {

    private final JurisdictionService jurisdictions;
    private final DetainerCounts counts;
    private final TimelineService timelines;
    private final CurrentUser user;

    public JurisdictionResource(JurisdictionService jurisdictions, DetainerCounts counts, TimelineService timelines,
                                CurrentUser user) {
        this.jurisdictions = jurisdictions;
        this.counts = counts;
        this.timelines = timelines;
        this.user = user;
    }

    @GET
    @Operation(summary = "Search jurisdictions, each with its detainer count; or, with provision=, the places where a"
            + " policy with that provision was in force on a date",
            description = "Role researcher (or curator, admin). Without provision: a list; detainers counts the rows of"
                    + " loaded releases: for a state, rows naming it; for a county, rows at curated facilities recorded"
                    + " in it; for the nation, all rows. With provision=P (and at=YYYY-MM-DD, today UTC when absent):"
                    + " an object {provision, at, places, notes}; each place (nation, state, county, city or agency,"
                    + " with its code, name, kind and parent) lists the live policies with P in force there on that"
                    + " date (id, key, title, version, since, basis, verification), by the in-force rule. The inverse"
                    + " of groupBy=policyRegime in /api/v1/stats/detainers. An unknown provision, a bad date, or at,"
                    + " q or kind given with or without provision where they do not apply, is 400 naming it.")
    public Object search(
            @Parameter(description = "Kinds to include, e.g. STATE,TERRITORY (all when absent)") @QueryParam("kind") List<String> kinds,
            @Parameter(description = "Part of the name or code, case-insensitive") @QueryParam("q") String q,
            @Parameter(description = "A provision, e.g. DECLINES_DETAINER_HOLDS: list where a policy with it was in"
                    + " force") @QueryParam("provision") String provision,
            @Parameter(description = "With provision: the date, YYYY-MM-DD (today, UTC, when absent)")
            @QueryParam("at") String at) {
        if (provision != null && !provision.isBlank()) {
            if (q != null && !q.isBlank()) {
                throw new InvalidQueryException("q", "is not read with provision=; the places come from the policies");
            }
            if (!kinds.isEmpty()) {
                throw new InvalidQueryException("kind", "is not read with provision=; every kind of place is listed");
            }
            LocalDate date = date("at", at);
            return timelines.placesWith(provision(provision), date == null ? LocalDate.now(ZoneOffset.UTC) : date);
        }
        if (at != null && !at.isBlank()) {
            throw new InvalidQueryException("at", "is read only with provision= (see /api/v1/jurisdictions/{code}/policies"
                    + " for one place)");
        }
        DetainerCounts.Totals totals = counts.totals();
        return jurisdictions.search(parseKinds(kinds), q).stream().map(j -> summary(j, totals)).toList();
    }

    private static Provision provision(String value) {
        try {
            return Provision.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("provision", "'" + value + "' is not one of " + List.of(Provision.values()));
        }
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

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CURATOR)
    @Operation(summary = "Add a city or law-enforcement agency under a state, county or city",
            description = "Role curator. The code may be left out (it is made from kind, state and name). 422 lists"
                    + " every invalid field; 409 when the code, or the name under that parent, is taken.")
    public Response create(@NotNull NewJurisdiction input, @Context UriInfo uri) {
        JurisdictionView created = jurisdictions.create(input, user.username());
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
    }

    @GET
    @Path("/{code}/timeline")
    @Operation(summary = "Policy events and rulings that apply to a jurisdiction, its state's and the nation's"
            + " included, in date order", description = "Role researcher (or curator, admin).")
    public Timeline timeline(@PathParam("code") String code,
            @Parameter(description = "First date, YYYY-MM-DD (open when absent)") @QueryParam("from") String from,
            @Parameter(description = "Last date, YYYY-MM-DD (open when absent)") @QueryParam("to") String to) {
        return timelines.timeline(code, date("from", from), date("to", to));
    }

    @GET
    @Path("/{code}/policies")
    @Operation(summary = "Policies in force in a jurisdiction on a date, its state's and the nation's included",
            description = "Role researcher (or curator, admin). docs/user-guide.md states the in-force rule.")
    public PoliciesInForce policiesInForce(@PathParam("code") String code,
            @Parameter(description = "The date, YYYY-MM-DD (today, UTC, when absent)") @QueryParam("at") String at) {
        LocalDate date = date("at", at);
        return timelines.inForce(code, date == null ? LocalDate.now(ZoneOffset.UTC) : date);
    }

    private static LocalDate date(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException(parameter, "'" + value + "' is not a date (YYYY-MM-DD)");
        }
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
