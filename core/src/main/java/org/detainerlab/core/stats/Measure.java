package org.detainerlab.core.stats;

import java.util.Locale;

import org.detainerlab.core.common.InvalidQueryException;

/**
 * {@code count}: detainers per group. {@code share}: also each group's total without the outcome filter, the
 * share of the group that the filtered outcomes make up (e.g. the declined share of each state), and each group's
 * share of all counted detainers.
 */
public enum Measure {
    COUNT, SHARE;

    public static Measure of(String value) {
        if (value == null) {
            return COUNT;
        }
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("measure", "'" + value + "' is not one of count, share");
        }
    }

    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }
}
