package org.detainerlab.api.annotation;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.detainerlab.api.common.QueryParams;
import org.detainerlab.core.annotation.AnnotationQuery;
import org.detainerlab.core.annotation.AnnotationService;
import org.detainerlab.core.common.InvalidQueryException;
import org.detainerlab.core.common.TargetKind;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The search parameters shared by the JSON list and the JSON-LD and CSV exports. */
public class AnnotationSearchParams {

    @Parameter(description = "CASE_RECORD, CASE_PASSAGE, CASE_EVENT, DETAINER_ROW, POLICY, POLICY_EVENT or RULING")
    @QueryParam("targetKind")
    String targetKind;

    @Parameter(description = "The target's reference, e.g. a case record id for CASE_PASSAGE (see the data dictionary)")
    @QueryParam("target")
    String target;

    @Parameter(description = "Annotations with this tag")
    @QueryParam("tag")
    String tag;

    @Parameter(description = "Words in the body, case-insensitive")
    @QueryParam("q")
    String q;

    @Parameter(description = "Annotations by this username")
    @QueryParam("author")
    String author;

    @Parameter(description = "TEAM annotations of this team (only teams you can see)")
    @QueryParam("team")
    String team;

    @Parameter(description = "Created on or after this day (YYYY-MM-DD, UTC)")
    @QueryParam("from")
    String from;

    @Parameter(description = "Created on or before this day (YYYY-MM-DD, UTC)")
    @QueryParam("to")
    String to;

    @Parameter(description = "true: only passage annotations whose quote is no longer in the narrative")
    @QueryParam("orphaned")
    String orphaned;

    @Parameter(description = "Page number, from 0")
    @QueryParam("page")
    @DefaultValue("0")
    String page;

    @Parameter(description = "Page size, 1 to " + AnnotationService.MAX_PAGE)
    @QueryParam("size")
    @DefaultValue("50")
    String size;

    AnnotationQuery query() {
        return new AnnotationQuery(QueryParams.oneOf("targetKind", targetKind, TargetKind.class),
                QueryParams.text(target), QueryParams.text(tag), QueryParams.text(q), QueryParams.text(author),
                QueryParams.text(team), QueryParams.date("from", from), QueryParams.date("to", to), flag(), null);
    }

    int page() {
        return number("page", page, 0, Integer.MAX_VALUE);
    }

    int size() {
        return number("size", size, 1, AnnotationService.MAX_PAGE);
    }

    private Boolean flag() {
        if (orphaned == null || orphaned.isBlank()) {
            return null;
        }
        return switch (orphaned.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidQueryException("orphaned", "'" + orphaned + "' is not true or false");
        };
    }

    private static int number(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below like an out-of-range number
        }
        throw new InvalidQueryException(name, "'" + value + "' is not a whole number from " + min + " to " + max);
    }
}
