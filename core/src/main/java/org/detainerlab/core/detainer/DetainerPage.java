package org.detainerlab.core.detainer;

import java.util.List;
import java.util.Map;

/**
 * One page of detainer rows: the rows (field name to value), the cursor of the next page (null on the last), and
 * the provenance of the query.
 */
public record DetainerPage(List<Map<String, Object>> items, String next, int limit, Provenance provenance) {
}
