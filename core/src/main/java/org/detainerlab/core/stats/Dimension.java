package org.detainerlab.core.stats;

import java.util.List;
import java.util.Locale;

import org.detainerlab.core.common.InvalidQueryException;
import org.detainerlab.core.detainer.AgeBand;
import org.detainerlab.core.detainer.ChargeCategories;
import org.detainerlab.core.detainer.RowFacility;
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
    CRIMINALITY("criminality"),
    THREAT_LEVEL("threatLevel"),
    GENDER("gender"),
    CITIZENSHIP_COUNTRY("citizenshipCountry"),
    /** The prepare date's year minus the birth year, in {@link AgeBand}s. */
    AGE_BAND("ageBand"),
    NOTIFY_RELEASE("notifyRelease"),
    /** The most serious charge as published. */
    MSC_CHARGE("mscCharge"),
    /** The curated category of the most serious charge's code ({@link ChargeCategories}). */
    CHARGE_CATEGORY("chargeCategory"),
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

    /** A row's month (its first day), from its prepare date. */
    public static final String MONTH_OF_DAY = "date_trunc('month', d.prepare_date)::date";

    /** The fiscal year of {@code month}, a month's first day. */
    public static String fiscalYearOf(String month) {
        return "extract(year from " + month + " + interval '3 months')::int";
    }

    /** The calendar year of {@code month}. */
    public static String yearOf(String month) {
        return "extract(year from " + month + ")::int";
    }

    /** Whether a source has the columns this dimension's key needs. */
    boolean servedBy(Source source) {
        return switch (source) {
            case ROWS, COLUMNS -> true;
            // the rollup's key holds the place, so a person or charge column would multiply its groups
            case ROLLUP -> this != FACILITY && !rowsOnly();
            case ROLLUP_STATE -> this == STATE || this == MONTH || this == FISCAL_YEAR || this == YEAR || this == OUTCOME;
        };
    }

    /** Whether only the detainer rows hold this dimension's columns. */
    boolean rowsOnly() {
        return switch (this) {
            case THREAT_LEVEL, GENDER, CITIZENSHIP_COUNTRY, AGE_BAND, NOTIFY_RELEASE, MSC_CHARGE, CHARGE_CATEGORY -> true;
            default -> false;
        };
    }

    /** Whether the key comes from the row's resolved place ({@code place p}, or the copy's place columns). */
    boolean needsPlace() {
        return this == COUNTY || this == FACILITY || this == POLICY_REGIME;
    }

    /**
     * The SQL expressions of the key (one, or two for a facility: its curated id, or its name as published when the
     * row's place has no curated facility; {@link RowFacility}).
     */
    List<String> sql(Source source) {
        String month = source.monthly() || source == Source.COLUMNS ? "d.month" : MONTH_OF_DAY;
        return switch (this) {
            case STATE -> List.of("d.state_id");
            case COUNTY -> List.of(source.placeColumn("county_id"));
            case FACILITY -> List.of(RowFacility.id(source), RowFacility.uncuratedName(source));
            case MONTH -> List.of(month);
            case FISCAL_YEAR -> List.of(source == Source.COLUMNS ? "d.fiscal_year" : fiscalYearOf(month));
            case YEAR -> List.of(source == Source.COLUMNS ? "d.year" : yearOf(month));
            case OUTCOME -> List.of("d.outcome");
            case LIFT_REASON -> List.of("d.lift_reason_raw");
            case DETAINER_TYPE -> List.of("d.detainer_type");
            case CRIMINALITY -> List.of("d.criminality");
            case THREAT_LEVEL -> List.of("d.threat_level");
            case GENDER -> List.of("d.gender");
            case CITIZENSHIP_COUNTRY -> List.of("d.citizenship_country");
            case AGE_BAND -> List.of(source.ageBand());
            case NOTIFY_RELEASE -> List.of("d.notify_release_request");
            case MSC_CHARGE -> List.of("d.msc_charge");
            case CHARGE_CATEGORY -> List.of(source.chargeCategory());
            case POLICY_REGIME -> List.of(PolicyRegimes.Sql.expression(source));
        };
    }

    @Override
    public String toString() {
        return parameter.toLowerCase(Locale.ROOT);
    }
}
