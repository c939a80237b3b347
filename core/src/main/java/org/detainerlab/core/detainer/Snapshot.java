package org.detainerlab.core.detainer;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.detainerlab.core.jurisdiction.PlaceNames;

/**
 * The reference data that detainer queries resolve names against and answers are labelled with, as of one data
 * generation: jurisdictions, curated facilities with their aliases and counties, the loaded detainer releases (withdrawn
 * ones too: a question may name them), the release series that default questions read, and the charge categories. Immutable; replaced as a
 * whole when the generation moves.
 */
public record Snapshot(long generation, Map<Long, Place> places, Map<String, Place> placesByCode,
                       Map<String, Place> statesByName, Map<String, Place> countiesByName,
                       Map<Long, FacilityRef> facilities, Map<String, Long> facilityAliases, List<ReleaseRef> releases,
                       Map<String, List<Place>> countiesByBareName, Series series, Set<String> chargeCategories) {

    /** A curated facility: its name and the county it stands in (null when not recorded). */
    public record FacilityRef(long id, String name, Long countyId) {
    }

    public Optional<Place> place(Long id) {
        return id == null ? Optional.empty() : Optional.ofNullable(places.get(id));
    }

    /** The USPS code of a state id, for answers. */
    public String stateCode(long id) {
        Place place = places.get(id);
        return place == null ? Long.toString(id) : place.code();
    }

    /** A state, DC or territory by USPS code or by name, case-insensitive. */
    public Optional<Place> state(String codeOrName) {
        String key = codeOrName.trim().toUpperCase(Locale.ROOT);
        Place byCode = placesByCode.get(key);
        if (byCode != null && byCode.kind().matches("STATE|DISTRICT|TERRITORY")) {
            return Optional.of(byCode);
        }
        return Optional.ofNullable(statesByName.get(key));
    }

    /** A county by FIPS code, or by "Name, ST" / "Name County, ST"; empty when unknown or ambiguous. */
    public Optional<Place> county(String codeOrName) {
        List<Place> matches = counties(codeOrName);
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /**
     * Every county a value may mean: one for a FIPS code or "Name, ST" / "Name County, ST" (also "Santa Clara, CA"),
     * all counties of that name in any state for a name alone ("Santa Clara" is one, "Orange" eight).
     */
    public List<Place> counties(String codeOrName) {
        String key = codeOrName.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        Place byCode = placesByCode.get(key);
        if (byCode != null && byCode.kind().equals("COUNTY")) {
            return List.of(byCode);
        }
        Place named = countiesByName.get(key);
        if (named != null) {
            return List.of(named);
        }
        int comma = key.lastIndexOf(',');
        if (comma > 0) {
            String state = key.substring(comma + 1).trim();
            return countiesByBareName.getOrDefault(PlaceNames.countyKey(key.substring(0, comma)), List.of()).stream()
                    .filter(c -> state.equals(stateCode(c))).toList();
        }
        return countiesByBareName.getOrDefault(PlaceNames.countyKey(key), List.of());
    }

    /** The USPS code of a county's state, or null. */
    public String stateCode(Place county) {
        Place state = county.parentId() == null ? null : places.get(county.parentId());
        return state == null ? null : state.code();
    }

    /** The key under which {@link #countiesByName} files a county: "SANTA CLARA COUNTY, CA". */
    static String countyKey(String name, String stateCode) {
        return name.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ") + ", " + stateCode;
    }
}
