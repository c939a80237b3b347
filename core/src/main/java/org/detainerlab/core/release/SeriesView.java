package org.detainerlab.core.release;

import java.util.List;

import org.detainerlab.core.detainer.Series;

/**
 * The release series as default questions read it now: which release serves which states on which days, highest
 * precedence first, and the days on which no loaded release covers a state.
 */
public record SeriesView(long dataGeneration, List<Series.Use> parts, List<Series.Gap> gaps) {
}
