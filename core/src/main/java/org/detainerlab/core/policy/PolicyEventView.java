package org.detainerlab.core.policy;

import java.time.LocalDate;
import java.util.List;

import org.detainerlab.core.curation.DatePrecision;
import org.detainerlab.core.curation.SourceRef;
import org.detainerlab.core.curation.VerificationView;

/** One lifecycle event; {@code date} is the first day of the period that {@code precision} names. */
public record PolicyEventView(PolicyEventType type, LocalDate date, DatePrecision precision, String note,
                              List<SourceRef> sources, VerificationView verification) {
}
