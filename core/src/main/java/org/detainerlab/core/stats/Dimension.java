package org.detainerlab.core.stats;

import java.util.List;
import java.util.Locale;

import org.detainerlab.core.common.InvalidQueryException;
import org.detainerlab.core.detainer.SqlWhere.Source;

/** What statistics can be grouped by, with the SQL that yields each group's key. */
public enum Dimension {
    STATE("state"),
    COUNTY("county"),
    FACILITY("facility"),
    MONTH("month"),
    FISCAL_YEAR("fiscalYear"),
    YEAR("year"),
    OUTCOME("outcome"),
    LIFT_REASON("liftReason"),
    DETAINER_TYPE("detainerType"),
    /** Needs provision=; its SQL key is written by {@link PolicyRegimes.Sql}, which knows the in-force days. */
    POLICY_REGIME("policyRegime");

    /** The name in {@code groupBy=} and in the answer's group keys. */
    public final String parameter;

    Dimension(String parameter) {
        this.parameter = parameter;
    }

    public static Dimension of(String parameter) {
        for (Dimension d : values()) {
            if (d.parameter.equalsIgnoreCase(parameter)) {
                return d;
            }
        }
        throw new InvalidQueryException("groupBy", "'" + parameter + "' is not one of "
                + List.of(values()).stream().map(d -> d.parameter).toList());
    }

    /** Whether a source has the columns this dimension's key needs. */
    boolean servedBy(Source source) {
        return switch (source) {
            case ROWS -> true;
            case ROLLUP -> this != FACILITY;
            case ROLLUP_STATE -> this == STATE || this == MONTH || this == FISCAL_YEAR || this == YEAR || this == OUTCOME;
        };
    }

    /** Whether the key comes from the row's resolved place ({@code place p}). */
    boolean needsPlace() {
        return this == COUNTY || this == POLICY_REGIME;
    }

    /** The SQL expressions of the key (one, or two for a facility: its id, or its raw name when unresolved). */
    List<String> sql(Source source) {
        String month = source.monthly() ? "d.month" : "date_trunc('month', d.prepare_date)::date";
        return switch (this) {
            case STATE -> List.of("d.state_id");
            case COUNTY -> List.of("p.county_id");
            case FACILITY -> List.of("d.facility_id", "case when d.facility_id is null then upper(btrim(d.facility_raw)) end");
            case MONTH -> List.of(month);
            case FISCAL_YEAR -> List.of("extract(year from " + month + " + interval '3 months')::int");
            case YEAR -> List.of("extract(year from " + month + ")::int");
            case OUTCOME -> List.of("d.outcome");
            case LIFT_REASON -> List.of("d.lift_reason_raw");
            case DETAINER_TYPE -> List.of("d.detainer_type");
            case POLICY_REGIME -> List.of(PolicyRegimes.Sql.EXPRESSION.replace("{date}", source.date));
        };
    }

    @Override
    public String toString() {
        return parameter.toLowerCase(Locale.ROOT);
    }
}
