package org.detainerlab.core.policy;

import java.time.LocalDate;
import java.util.List;

import org.detainerlab.core.curation.DatePrecision;
import org.detainerlab.core.curation.VerificationStatus;

/**
 * A policy in force on a date: since when (the first day of the period of the event that put it in force,
 * with that event's precision) and on which basis (EFFECTIVE, or UPHELD after a suspension).
 */
public record PolicyInForceView(String key, String title, PolicyKind kind, List<String> jurisdictions,
                                List<Provision> provisions, LocalDate since, DatePrecision sincePrecision,
                                PolicyEventType basis, VerificationStatus verification) {
}
