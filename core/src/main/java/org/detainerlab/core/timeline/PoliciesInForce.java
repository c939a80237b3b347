package org.detainerlab.core.timeline;

import java.time.LocalDate;
import java.util.List;

import org.detainerlab.core.policy.PolicyInForceView;

/** The policies in force in a jurisdiction on a date, its own and those of the enclosing ones ({@code includes}). */
public record PoliciesInForce(String jurisdiction, List<String> includes, LocalDate at,
                              List<PolicyInForceView> policies) {
}
