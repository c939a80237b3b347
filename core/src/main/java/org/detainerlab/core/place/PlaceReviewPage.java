package org.detainerlab.core.place;

import java.util.List;

/** One page of places to review, and the cursor of the next page (null on the last). */
public record PlaceReviewPage(List<PlaceView> items, String next) {
}
