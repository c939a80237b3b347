package org.detainerlab.core.detainer;

/**
 * The one rule for the facility of a detainer row: the curated facility of the row's resolved place
 * ({@code place.facility_id}), which the place's resolution sets and a curator's decision on the place moves. A
 * row whose place has no curated facility has none; it is named by its facility as published, upper-cased and
 * trimmed. The facility matched when the row was loaded ({@code detainer.facility_id}) is not used: it never moves
 * after the load, so counts by it disagreed with counts by place after a curator's decision.
 *
 * <p>Filters, groups, totals and row fields all take the facility from here, over the rows ({@code detainer d})
 * or the monthly rollup ({@code detainer_rollup d}, which keeps the place) with the place joined as {@code p}
 * where an expression says so.
 */
public final class RowFacility {

    /** The row's curated facility id, null when its place has none; needs {@code place p} joined. */
    public static final String ID = "p.facility_id";

    /** The row's facility name as published, only when its place has no curated facility; needs {@code place p}. */
    public static final String UNCURATED_NAME = "case when p.facility_id is null then upper(btrim(d.facility_raw)) end";

    /** Rows whose facility is one of the ids bound (a bigint array); needs no join. */
    public static final String IN_IDS = "d.place_id in (select id from place where facility_id = any(?))";

    /**
     * Rows whose place has no curated facility and whose facility as published is one of the names bound (a text
     * array, upper-cased and trimmed); needs no join. A spelling whose place a curator linked to a facility counts for
     * that facility, not under its spelling.
     */
    public static final String UNCURATED_NAME_IN = "(upper(btrim(d.facility_raw)) = any(?)"
            + " and not exists (select 1 from place pf where pf.id = d.place_id and pf.facility_id is not null))";

    /** {@link #ID} over {@code source} ({@link SqlWhere.Source#placeColumn}). */
    public static String id(SqlWhere.Source source) {
        return source.placeColumn("facility_id");
    }

    /** {@link #UNCURATED_NAME} over {@code source}, whose own spelling of the published name it uses. */
    public static String uncuratedName(SqlWhere.Source source) {
        return UNCURATED_NAME.replace(ID, id(source)).replace(PUBLISHED, source.facilityName());
    }

    /** {@link #IN_IDS} over {@code source}. */
    public static String inIds(SqlWhere.Source source) {
        return source.joinsPlace() ? IN_IDS : id(source) + " = any(?)";
    }

    /** {@link #UNCURATED_NAME_IN} over {@code source}. */
    public static String uncuratedNameIn(SqlWhere.Source source) {
        return source.joinsPlace() ? UNCURATED_NAME_IN.replace(PUBLISHED, source.facilityName())
                : "(" + source.facilityName() + " = any(?) and " + id(source) + " is null)";
    }

    private static final String PUBLISHED = "upper(btrim(d.facility_raw))";

    private RowFacility() {
    }
}
