package org.detainerlab.core.release;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * An admin's change to what the release series reads of a release; an absent field stays as it is. national=true
 * makes the release national; states (USPS codes or names) makes it cover those states only. precedence: higher
 * wins where releases overlap (default 0; ties go to the most recently published, then loaded). note goes into
 * the release's history.
 */
public record ReleaseEdit(Boolean national, List<@NotBlank @Size(max = 100) String> states, LocalDate publishedOn,
                          @Min(-1000) @Max(1000) Integer precedence, @Size(max = 2000) String note) {
}
