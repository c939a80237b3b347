package org.detainerlab.core.jurisdiction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

import org.detainerlab.core.common.ResourceNotFoundException;

@ApplicationScoped
public class JurisdictionService {

    private final JurisdictionRepository jurisdictions;

    public JurisdictionService(JurisdictionRepository jurisdictions) {
        this.jurisdictions = jurisdictions;
    }

    @Transactional
    public List<JurisdictionView> search(List<JurisdictionKind> kinds, String q) {
        AreasOfResponsibility areas = new AreasOfResponsibility(jurisdictions.areasOfResponsibility());
        return jurisdictions.search(kinds, q).stream().map(j -> JurisdictionView.of(j, areas)).toList();
    }

    @Transactional
    public JurisdictionView get(String code) {
        AreasOfResponsibility areas = new AreasOfResponsibility(jurisdictions.areasOfResponsibility());
        return jurisdictions.findByCode(code.toUpperCase())
                .map(j -> JurisdictionView.of(j, areas))
                .orElseThrow(() -> new ResourceNotFoundException("jurisdiction", code));
    }
}
