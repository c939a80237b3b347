package org.detainerlab.core.policy;

/**
 * What a policy does about cooperation with ICE; a policy can have several. The first seven are local or state
 * rules (limits on cooperation, or the duty to honour detainers); then what federal rules do; then the delegated
 * authority that each 287(g) support model implies. docs/data-dictionary.md defines each.
 */
public enum Provision {
    DECLINES_DETAINER_HOLDS, LIMITS_RELEASE_NOTICE, LIMITS_INFORMATION_SHARING, REQUIRES_JUDICIAL_WARRANT,
    BARS_ICE_JAIL_ACCESS, BARS_287G, REQUIRES_HONOURING_DETAINERS, REQUIRES_INTERVIEW_CONSENT,
    SHARES_FINGERPRINTS_WITH_DHS, NARROWS_DETAINER_ISSUANCE, DETAINERS_CARRY_ADMINISTRATIVE_WARRANT,
    LISTS_SANCTUARY_JURISDICTIONS, DELEGATED_JAIL_ENFORCEMENT, DELEGATED_FIELD_ENFORCEMENT, DELEGATED_WARRANT_SERVICE
}
