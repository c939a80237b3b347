package org.detainerlab.core.jurisdiction;

import java.util.List;

/**
 * A jurisdiction as the outside world sees it, identified by its readable code. {@code iceAreasOfResponsibility}
 * names the ICE field offices responsible for it, from the latest loaded AOR list (empty before one is loaded).
 */
public record JurisdictionView(String code, JurisdictionKind kind, String name, String uspsCode, String fipsCode,
                               String parentCode, List<String> iceAreasOfResponsibility) {

    static JurisdictionView of(Jurisdiction j, AreasOfResponsibility areas) {
        return new JurisdictionView(j.code, j.kind, j.name, j.uspsCode, j.fipsCode,
                j.parent == null ? null : j.parent.code, areas.of(j));
    }
}
