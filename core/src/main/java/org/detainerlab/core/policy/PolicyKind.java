package org.detainerlab.core.policy;

public enum PolicyKind {
    STATUTE, ORDINANCE, EXECUTIVE_ORDER, SHERIFF_OR_JAIL_POLICY, AGREEMENT_287G, FEDERAL_PROGRAM_OR_RULE
}
