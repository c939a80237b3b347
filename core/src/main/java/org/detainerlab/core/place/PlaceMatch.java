package org.detainerlab.core.place;

/** A place found by name for autocomplete: a state, county, city or facility, with the filter value that selects it. */
public record PlaceMatch(String kind, String value, String name, String state) {
}
