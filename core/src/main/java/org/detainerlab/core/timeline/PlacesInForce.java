package org.detainerlab.core.timeline;

import java.time.LocalDate;
import java.util.List;

import org.detainerlab.core.curation.DatePrecision;
import org.detainerlab.core.curation.VerificationStatus;
import org.detainerlab.core.jurisdiction.JurisdictionKind;
import org.detainerlab.core.policy.PolicyEventType;
import org.detainerlab.core.policy.Provision;

/**
 * The jurisdictions where a policy with a provision was in force on a date, each with those policies: the inverse
 * of a policy regime. A policy of a state puts it in force in the whole state, whose counties are not listed again.
 */
public record PlacesInForce(Provision provision, LocalDate at, List<PlaceInForce> places, List<String> notes) {

    /** One jurisdiction and the policies with the provision in force there. */
    public record PlaceInForce(String code, String name, JurisdictionKind kind, String parentCode,
                               List<PolicyInForce> policies) {
    }

    /** A policy in force: id, key, title, the version read, since when and on which basis, and its verification. */
    public record PolicyInForce(long id, String key, String title, long version, LocalDate since,
                                DatePrecision sincePrecision, PolicyEventType basis, VerificationStatus verification) {
    }
}
