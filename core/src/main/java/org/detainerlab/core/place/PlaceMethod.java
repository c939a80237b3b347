package org.detainerlab.core.place;

/** How a place's county was found, strongest first. */
public enum PlaceMethod {
    /** A curator decided, or the name is an alias of a curated facility. */
    CURATED,
    /** ICE's facility code, found in the reference list, whose address gives a ZIP code and so a county. */
    CODE,
    /** The facility's name names a county of the row's state ("HARRIS COUNTY JAIL", "SANTA CLARA CO MAIN JAIL/"). */
    NAME_PATTERN,
    /** The row's city and state, through the GeoNames gazetteer. */
    GAZETTEER
}
