package org.detainerlab.core.jurisdiction;

/** A jurisdiction as the outside world sees it, identified by its readable code. */
public record JurisdictionView(String code, JurisdictionKind kind, String name, String uspsCode, String fipsCode,
                               String parentCode) {

    static JurisdictionView of(Jurisdiction j) {
        return new JurisdictionView(j.code, j.kind, j.name, j.uspsCode, j.fipsCode,
                j.parent == null ? null : j.parent.code);
    }
}
