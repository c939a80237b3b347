package org.detainerlab.core.policy;

/** What a policy does about cooperation with ICE; a policy can have several. */
public enum Provision {
    DECLINES_DETAINER_HOLDS, LIMITS_RELEASE_NOTICE, LIMITS_INFORMATION_SHARING, REQUIRES_JUDICIAL_WARRANT,
    BARS_ICE_JAIL_ACCESS, BARS_287G, REQUIRES_HONOURING_DETAINERS
}
