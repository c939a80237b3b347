package org.detainerlab.core.facility;

import java.util.List;

/** A facility with its state's USPS code, its county's FIPS code and the spellings that resolve to it. */
public record FacilityView(long id, String name, String iceCode, String city, String stateCode, String countyCode,
                           List<String> aliases) {

    static FacilityView of(Facility f) {
        return new FacilityView(f.id, f.name, f.iceCode, f.city, f.state == null ? null : f.state.code,
                f.county == null ? null : f.county.code, List.copyOf(f.aliases));
    }
}
