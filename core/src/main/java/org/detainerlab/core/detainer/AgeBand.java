package org.detainerlab.core.detainer;

import java.util.List;

import org.detainerlab.core.common.InvalidQueryException;

/**
 * Age bands at the prepare date. The releases give a birth year, not a birth date, so the age is the prepare date's
 * year minus the birth year: up to one year more than the person's age that day. No band without both.
 */
public enum AgeBand {
    UNDER_18("0-17", 0, 17),
    FROM_18("18-24", 18, 24),
    FROM_25("25-34", 25, 34),
    FROM_35("35-44", 35, 44),
    FROM_45("45-54", 45, 54),
    FROM_55("55-64", 55, 64),
    FROM_65("65+", 65, 200);

    /** The band as parameters and answers name it. */
    public final String label;
    final int youngest;
    final int oldest;

    AgeBand(String label, int youngest, int oldest) {
        this.label = label;
        this.youngest = youngest;
        this.oldest = oldest;
    }

    /** The SQL of the age a row had at its prepare date, by years (null without a prepare date or birth year). */
    public static final String AGE_SQL = "(extract(year from d.prepare_date)::int - d.birth_year)";

    /** The SQL of the row's band label (null without one; an age below 0 or above 200, a data error, has none). */
    public static String sql() {
        StringBuilder sql = new StringBuilder("case");
        for (AgeBand band : values()) {
            sql.append(" when ").append(AGE_SQL).append(" between ").append(band.youngest).append(" and ")
                    .append(band.oldest).append(" then '").append(band.label).append("'");
        }
        return sql.append(" end").toString();
    }

    public static AgeBand of(String label) {
        for (AgeBand band : values()) {
            if (band.label.equals(label.trim())) {
                return band;
            }
        }
        throw new InvalidQueryException("ageBand", "'" + label + "' is not one of "
                + List.of(values()).stream().map(b -> b.label).toList());
    }
}
