package org.detainerlab.core.annotation;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** W3C Web Annotation TextPositionSelector: character offsets, start inclusive, end exclusive. */
public record TextPositionSelector(@NotNull @Min(0) Integer start, @NotNull @Min(0) Integer end) {
}
