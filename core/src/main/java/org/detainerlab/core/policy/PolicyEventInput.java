package org.detainerlab.core.policy;

import java.util.List;

import org.detainerlab.core.curation.SourceRef;
import org.detainerlab.core.curation.VerificationInput;

/**
 * A lifecycle event as a curator writes it. {@code date} is {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code YYYY};
 * {@code precision} (DAY, MONTH, YEAR) may be omitted, the date's shape then says it.
 */
public record PolicyEventInput(String type, String date, String precision, String note, List<SourceRef> sources,
                               VerificationInput verification) {
}
