package org.detainerlab.core.figure;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A saved figure and what it gives today. {@code saved} are the values stored when it was saved; {@code rerun} the
 * same normalised query on the same releases now (equal to saved unless a pinned release was deleted, when it is
 * null); {@code current} the query on the pinned releases plus every newer release (loaded after the figure was
 * saved) that overlaps the figure's period. {@code drifted} is true when current differs from saved.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FigureView(long id, String url, String title, String query, LocalDate periodFrom, LocalDate periodTo,
                         FigureValues saved, FigureValues rerun, boolean reproduced, FigureValues current,
                         boolean drifted, List<String> notes, OffsetDateTime createdAt, String createdBy) {
}
