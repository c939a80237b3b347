package org.detainerlab.core.history;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

/** One entry of an item's history as the API shows it: the item as JSON before and after the change. */
public record ChangeView(long version, ChangeAction action, String actor, OffsetDateTime changedAt, String note,
                         JsonNode before, JsonNode after) {
}
