package org.detainerlab.core.stats;

import java.util.List;
import java.util.Locale;

import org.detainerlab.core.common.InvalidQueryException;

/**
 * Where a detainer stands with respect to the policies with one provision, at its place on its prepare date:
 * a policy with the provision was in force at its county, its state or the nation (IN_FORCE); none was
 * (NOT_IN_FORCE); the place is not known well enough to say (PLACE_UNKNOWN: no county, and a policy of a county,
 * or with no state either, of a state, was in force that day); or the row has no prepare date (DATE_UNKNOWN).
 */
public enum PolicyRegime {
    IN_FORCE, NOT_IN_FORCE, PLACE_UNKNOWN, DATE_UNKNOWN;

    public static PolicyRegime of(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("policyRegime", "'" + value + "' is not one of " + List.of(values()));
        }
    }
}
