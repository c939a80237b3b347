package org.detainerlab.core.jurisdiction;

/** Levels of the place hierarchy: nation > state (or DC, territory) > county > city or agency. */
public enum JurisdictionKind {
    NATION, STATE, DISTRICT, TERRITORY, COUNTY, CITY, AGENCY
}
