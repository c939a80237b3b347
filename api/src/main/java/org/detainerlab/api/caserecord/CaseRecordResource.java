package org.detainerlab.api.caserecord;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.detainerlab.api.common.QueryParams;
import org.detainerlab.api.common.CuratedItemResource;
import org.detainerlab.api.security.CurrentUser;
import org.detainerlab.core.annotation.AnnotationService;
import org.detainerlab.core.annotation.NarrativePreview;
import org.detainerlab.core.caserecord.CaseRecordInput;
import org.detainerlab.core.caserecord.CaseRecordService;
import org.detainerlab.core.caserecord.CaseRecordSummary;
import org.detainerlab.core.caserecord.CaseRecordView;
import org.detainerlab.core.caserecord.EventType;
import org.detainerlab.core.common.Page;
import org.detainerlab.core.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/case-records")
@Tag(name = "Case records")
public class CaseRecordResource extends CuratedItemResource<CaseRecordService, CaseRecordInput, CaseRecordView> {

    /** A narrative as a curator is about to save it. */
    public record NarrativeDraft(@NotNull @Size(max = 20_000) String narrative) {
    }

    private final AnnotationService annotations;

    public CaseRecordResource(CaseRecordService records, AnnotationService annotations, CurrentUser user) {
        super(records, user);
        this.annotations = annotations;
    }

    @GET
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Search case records by text, jurisdiction, event type and event date",
            description = "Role researcher (or curator, admin). Criteria combine; eventType, from and to apply to one"
                    + " and the same event.")
    public Page<CaseRecordSummary> search(
            @Parameter(description = "Words in the title or narrative, case-insensitive") @QueryParam("q") String q,
            @Parameter(description = "A jurisdiction code, e.g. CA") @QueryParam("jurisdiction") String jurisdiction,
            @Parameter(description = "ARREST, DETAINER_ISSUED, DETAINER_DECLINED, DETAINER_HONOURED, RELEASE,"
                    + " LATER_ARREST, CONVICTION or OTHER") @QueryParam("eventType") String eventType,
            @Parameter(description = "Events on or after this day (YYYY-MM-DD)") @QueryParam("from") String from,
            @Parameter(description = "Events on or before this day (YYYY-MM-DD)") @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(CaseRecordService.MAX_PAGE) int size) {
        return items.search(q, jurisdiction, QueryParams.oneOf("eventType", eventType, EventType.class),
                QueryParams.date("from", from), QueryParams.date("to", to), page, size);
    }


    @POST
    @Path("/{ref}/narrative-preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CURATOR)
    @Operation(summary = "Preview what a new narrative does to the record's passage annotations",
            description = "Role curator. Nothing is written. Each annotation thread on the narrative is located in the"
                    + " draft by the rule a save applies: it STAYS, MOVES (with its new position), is ORPHANED (kept,"
                    + " flagged, when its quote is gone), is REANCHORED (an orphan whose quote is back) or is"
                    + " STILL_ORPHANED. Threads the caller may not read are counted in 'unreadable', never shown."
                    + " 404 when the record does not exist; 422 without a narrative.")
    public NarrativePreview previewNarrative(@PathParam("ref") long id, @NotNull @Valid NarrativeDraft draft) {
        return annotations.previewNarrative(user.caller(), id, draft.narrative());
    }
}
