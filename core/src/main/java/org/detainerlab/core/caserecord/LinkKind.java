package org.detainerlab.core.caserecord;

import org.detainerlab.core.common.TargetKind;

/** Curated items a case record links to by key. */
public enum LinkKind {
    POLICY(TargetKind.POLICY), RULING(TargetKind.RULING);

    private final TargetKind target;

    LinkKind(TargetKind target) {
        this.target = target;
    }

    public TargetKind target() {
        return target;
    }
}
