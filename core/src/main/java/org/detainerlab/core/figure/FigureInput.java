package org.detainerlab.core.figure;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A figure to save: a statistics query written as for {@code GET /api/v1/stats/detainers} (e.g.
 * {@code groupBy=state&outcome=DECLINED&fiscalYear=2015}, with or without {@code release=}) and an optional title.
 */
public record FigureInput(@Size(max = 300) String title, @NotBlank @Size(max = 4000) String query) {
}
