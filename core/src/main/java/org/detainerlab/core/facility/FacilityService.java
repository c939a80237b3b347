package org.detainerlab.core.facility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;

import java.util.ArrayList;
import java.util.List;

import org.detainerlab.core.common.ConflictException;
import org.detainerlab.core.common.FieldError;
import org.detainerlab.core.common.InvalidQueryException;
import org.detainerlab.core.common.ResourceNotFoundException;
import org.detainerlab.core.common.ValidationFailedException;
import org.detainerlab.core.jurisdiction.Jurisdiction;
import org.detainerlab.core.jurisdiction.JurisdictionKind;
import org.detainerlab.core.jurisdiction.JurisdictionRepository;
import org.detainerlab.core.place.PlaceService;

@ApplicationScoped
public class FacilityService {

    public static final int MAX_PAGE = 500;

    private final FacilityRepository facilities;
    private final JurisdictionRepository jurisdictions;
    private final PlaceService places;

    public FacilityService(FacilityRepository facilities, JurisdictionRepository jurisdictions, PlaceService places) {
        this.facilities = facilities;
        this.jurisdictions = jurisdictions;
        this.places = places;
    }

    @Transactional
    public List<FacilityView> search(String q, String stateCode, int limit) {
        Long stateId = stateCode == null ? null : jurisdictions.findByCode(stateCode.trim().toUpperCase())
                .orElseThrow(() -> new InvalidQueryException("state", "'" + stateCode + "' is not a known state code")).id;
        return facilities.search(q, stateId, Math.min(Math.max(limit, 1), MAX_PAGE)).stream()
                .map(FacilityView::of).toList();
    }

    @Transactional
    public FacilityView get(long id) {
        return facilities.findByIdOptional(id).map(FacilityView::of)
                .orElseThrow(() -> new ResourceNotFoundException("facility", id));
    }

    /** Adds a facility; its own name is always one of its aliases. */
    @Transactional
    public FacilityView create(@Valid NewFacility input) {
        Facility facility = new Facility();
        facility.name = input.name().trim();
        facility.iceCode = blankToNull(input.iceCode());
        facility.city = blankToNull(input.city());
        facility.state = input.stateCode() == null ? null : state(input.stateCode(), "stateCode");
        facility.county = input.countyCode() == null ? null : county(input.countyCode(), facility.state);
        facility.aliases.add(Facility.matchKey(facility.name));
        if (input.aliases() != null) {
            input.aliases().stream().map(Facility::matchKey).forEach(facility.aliases::add);
        }
        if (facility.iceCode != null && facilities.findByIceCode(facility.iceCode).isPresent()) {
            throw new ConflictException("A facility with ICE code '" + facility.iceCode + "' already exists");
        }
        List<String> taken = new ArrayList<>();
        for (String alias : facility.aliases) {
            facilities.findByAlias(alias).ifPresent(other -> taken.add(alias + " (facility " + other.id + ")"));
        }
        if (!taken.isEmpty()) {
            throw new ConflictException("These names already resolve to another facility: " + String.join(", ", taken));
        }
        facilities.persistAndFlush(facility);
        places.facilityAliasesChanged(facility.aliases);
        return FacilityView.of(facility);
    }

    private Jurisdiction state(String code, String field) {
        return jurisdictions.findByCode(code.trim().toUpperCase())
                .orElseThrow(() -> new ValidationFailedException(
                        List.of(new FieldError(field, "is not a known state, DC or territory code", code))));
    }

    /** A county of the facility's state (which must be given with it). */
    private Jurisdiction county(String code, Jurisdiction state) {
        Jurisdiction county = jurisdictions.findByCode(code.trim())
                .filter(j -> j.kind == JurisdictionKind.COUNTY).orElseThrow(() -> new ValidationFailedException(
                        List.of(new FieldError("countyCode", "is not a known county FIPS code", code))));
        if (state == null || county.parent == null || !county.parent.id.equals(state.id)) {
            throw new ValidationFailedException(List.of(new FieldError("countyCode",
                    "must be a county of the facility's state (stateCode)", code)));
        }
        return county;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
