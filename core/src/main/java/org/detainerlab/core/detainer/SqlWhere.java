package org.detainerlab.core.detainer;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The SQL condition of a {@link DetainerFilter} over the detainer rows ({@code detainer d}) or over the monthly
 * rollup ({@code detainer_rollup d}), with its parameters bound in order. Values are always bound, never spliced.
 */
public final class SqlWhere {

    /**
     * Where the rows come from: the detainer table itself, its monthly rollup, the rollup by month, state and
     * outcome alone, or the columnar copy of the rows in DuckDB ({@code ColumnarCopy}), which holds the rows'
     * columns under the same names (its facility_raw already upper case and trimmed, the age band and the charge
     * code's NCIC group worked out), so that the same SQL reads it, and its resolved place's county, curated facility
     * and resolution method beside them, so that no question joins {@code place} there.
     */
    public enum Source {
        ROWS("detainer", "d.prepare_date", "count(*)"),
        ROLLUP("detainer_rollup", "d.month", "sum(d.detainers)"),
        ROLLUP_STATE("detainer_rollup_state", "d.month", "sum(d.detainers)"),
        COLUMNS("detainer_columns", "d.prepare_date", "count(*)");

        public final String table;
        public final String date;
        public final String count;

        Source(String table, String date, String count) {
            this.table = table;
            this.date = date;
            this.count = count;
        }

        public boolean monthly() {
            return this == ROLLUP || this == ROLLUP_STATE;
        }

        /** Whether this source holds every row column (the detainer table or its columnar copy). */
        public boolean rows() {
            return !monthly();
        }

        /** A row's facility name as the API matches it: upper case, trimmed. */
        public String facilityName() {
            return this == COLUMNS ? "d.facility_raw" : "upper(btrim(d.facility_raw))";
        }

        /** Whether a row's resolved place must be joined as {@code place p} for {@link #placeColumn}. */
        public boolean joinsPlace() {
            return this != COLUMNS;
        }

        /**
         * A column of the row's resolved place ({@code county_id} or {@code facility_id}): from {@code place p}
         * joined, or over the columnar copy from the row itself, which keeps them as {@code place_county_id} and
         * {@code place_facility_id}.
         */
        public String placeColumn(String column) {
            return this == COLUMNS ? "d.place_" + column : "p." + column;
        }

        /** A row's {@link AgeBand} label. */
        public String ageBand() {
            return this == COLUMNS ? "d.age_band" : AgeBand.sql();
        }

        /** A row's charge category ({@link ChargeCategories}). */
        public String chargeCategory() {
            return this == COLUMNS ? ChargeCategories.SQL_OF_GROUP : ChargeCategories.SQL;
        }

        /** Whether this source has the columns that the filter's conditions need. */
        public boolean serves(DetainerFilter filter) {
            return switch (this) {
                case ROWS, COLUMNS -> true;
                case ROLLUP -> filter.facilityNames().isEmpty() && filter.subject().isEmpty() && filter.monthAligned();
                case ROLLUP_STATE -> filter.monthAligned() && filter.counties().isEmpty() && filter.facilityIds().isEmpty()
                        && filter.facilityNames().isEmpty() && filter.detainerTypes().isEmpty()
                        && filter.criminalities().isEmpty() && filter.subject().isEmpty()
                        && !filter.excludeLikelyDuplicates();
            };
        }
    }

    private record Array(String type, Object[] values) {
    }

    /** The parts of one release on the same days (months, for a monthly source). */
    private record Group(long releaseId, LocalDate from, LocalDate to) {
    }

    /** Above this many release-and-days groups the series is matched as arrays, not as one condition per group. */
    private static final int MAX_SERIES_GROUPS = 64;

    private final StringJoiner conditions = new StringJoiner(" and ");
    private final List<Object> parameters = new ArrayList<>();
    /**
     * Over the columnar copy, lists are spelled out ({@code in (?, ?)}, a parameter a value): DuckDB filters those
     * fastest ({@code = any(?)} over a bound list is a join per row there).
     */
    private final boolean spelledOut;

    private SqlWhere(Source source) {
        this.spelledOut = source == Source.COLUMNS;
    }

    /**
     * The first and last prepare date among a release's rows in a source. A series part of that release whose days
     * span them selects every dated row of it, so its condition needs no date range.
     */
    public record RowDays(LocalDate first, LocalDate last) {
    }

    public static SqlWhere of(DetainerFilter filter, Source source) {
        return of(filter, source, Map.of());
    }

    /** {@link #of(DetainerFilter, Source)} over a source whose releases' row days are {@code rowDays}. */
    public static SqlWhere of(DetainerFilter filter, Source source, Map<Long, RowDays> rowDays) {
        SqlWhere where = new SqlWhere(source);
        where.addList("d.release_id = any(?)", new Array("bigint", filter.releaseIds().toArray()));
        if (filter.readsSeries()) {
            where.series(filter.series(), filter.seriesKeys(), source, rowDays);
        }
        if (!filter.states().isEmpty()) {
            where.addList("d.state_id = any(?)", new Array("bigint", filter.states().stream().map(Place::id).toArray()));
        }
        if (!filter.counties().isEmpty()) {
            where.addList(source.joinsPlace() ? "d.place_id in (select id from place where county_id = any(?))"
                            : source.placeColumn("county_id") + " = any(?)",
                    new Array("bigint", filter.counties().stream().map(Place::id).toArray()));
        }
        if (!source.serves(filter)) {
            throw new IllegalArgumentException(source + " cannot answer " + filter.canonical());
        }
        if (!filter.facilityIds().isEmpty() || !filter.facilityNames().isEmpty()) {
            List<String> either = new ArrayList<>();
            if (!filter.facilityIds().isEmpty()) {
                either.add(where.list(RowFacility.inIds(source), new Array("bigint", filter.facilityIds().toArray())));
            }
            if (!filter.facilityNames().isEmpty()) {
                either.add(where.list(RowFacility.uncuratedNameIn(source),
                        new Array("text", filter.facilityNames().toArray())));
            }
            where.conditions.add("(" + String.join(" or ", either) + ")");
        }
        if (!filter.outcomes().isEmpty()) {
            where.addList("d.outcome = any(?)", new Array("text", filter.outcomes().stream().map(Enum::name).toArray()));
        }
        if (!filter.detainerTypes().isEmpty()) {
            where.addList("d.detainer_type = any(?)", new Array("text", filter.detainerTypes().toArray()));
        }
        if (!filter.criminalities().isEmpty()) {
            where.addList("d.criminality = any(?)", new Array("text", filter.criminalities().toArray()));
        }
        where.subject(filter.subject(), source);
        if (filter.from() != null) {
            where.add(source.date + " >= ?", filter.from());
        }
        if (filter.to() != null) {
            where.add(source.date + " <= ?", source.monthly() ? filter.to().withDayOfMonth(1) : filter.to());
        }
        if (!filter.fiscalYears().isEmpty()) {
            StringJoiner years = new StringJoiner(" or ", "(", ")");
            for (int year : filter.fiscalYears()) {
                years.add(source.date + " between ? and ?");
                where.parameters.add(FiscalYear.firstDay(year));
                where.parameters.add(source.monthly() ? FiscalYear.lastDay(year).withDayOfMonth(1)
                        : FiscalYear.lastDay(year));
            }
            where.conditions.add(years.toString());
        }
        if (filter.excludeLikelyDuplicates()) {
            where.conditions.add("not d.likely_duplicate");
        }
        return where;
    }

    /** The person and charge conditions, on columns only the rows hold ({@link Source#serves} sees to that). */
    private void subject(Subject subject, Source source) {
        if (!subject.threatLevels().isEmpty()) {
            addList("d.threat_level = any(?)", new Array("text", subject.threatLevels().toArray()));
        }
        if (!subject.genders().isEmpty()) {
            addList("d.gender = any(?)", new Array("text", subject.genders().toArray()));
        }
        if (!subject.citizenshipCountries().isEmpty()) {
            addList("d.citizenship_country = any(?)", new Array("text", subject.citizenshipCountries().toArray()));
        }
        if (!subject.ageBands().isEmpty()) {
            addList("(" + source.ageBand() + ") = any(?)",
                    new Array("text", subject.ageBands().stream().map(b -> b.label).toArray()));
        }
        if (subject.notifyRelease() != null) {
            add("d.notify_release_request = ?", subject.notifyRelease());
        }
        if (!subject.charges().isEmpty()) {
            addList("d.msc_charge = any(?)", new Array("text", subject.charges().toArray()));
        }
        if (!subject.chargeCategories().isEmpty()) {
            addList("(" + source.chargeCategory() + ") = any(?)", new Array("text", subject.chargeCategories().toArray()));
        }
    }

    /**
     * Only the rows inside the series parts: their release, state (0 for rows without one) and day. A monthly
     * source compares months, which is exact because it serves only month-exact parts. Parts that share a release
     * and days become one condition on release and days, with a state list only when they do not serve every state
     * key the question asks about (a national release serving all its days, the common case, needs no per-row state
     * test: the question's own state condition, if any, still applies); a series cut into many such groups is
     * matched against the parts as arrays instead. Groups whose days span every dated row of their release
     * ({@code rowDays}) are matched together by release alone, with no date range to test on each row.
     */
    private void series(List<Series.Part> parts, Set<Long> asked, Source source, Map<Long, RowDays> rowDays) {
        Map<Group, List<Long>> groups = new LinkedHashMap<>();
        for (Series.Part p : parts) {
            LocalDate from = source.monthly() ? p.from().withDayOfMonth(1) : p.from();
            groups.computeIfAbsent(new Group(p.releaseId(), from, p.to()), k -> new ArrayList<>()).add(p.stateKey());
        }
        // DuckDB (the columnar copy) takes the long condition well; PostgreSQL plans the arrays better
        if (groups.size() > MAX_SERIES_GROUPS && source != Source.COLUMNS) {
            seriesAsArrays(parts, source);
            return;
        }
        if (groups.isEmpty()) {
            conditions.add("false");
            return;
        }
        StringJoiner either = new StringJoiner(" or ", "(", ")");
        Map<Group, List<Long>> dated = new LinkedHashMap<>();
        List<Long> whole = new ArrayList<>();
        groups.forEach((group, states) -> {
            RowDays days = rowDays.get(group.releaseId());
            boolean allStates = Set.copyOf(states).containsAll(asked);
            if (allStates && days != null && !group.from().isAfter(days.first()) && !group.to().isBefore(days.last())) {
                whole.add(group.releaseId());
            } else {
                dated.put(group, states);
            }
        });
        if (!whole.isEmpty()) {
            either.add(list("(d.release_id = any(?) and d.prepare_date is not null)",
                    new Array("bigint", whole.toArray())));
        }
        dated.forEach((group, states) -> {
            StringBuilder one = new StringBuilder("(d.release_id = ? and " + source.date + " between ? and ?");
            parameters.add(group.releaseId());
            parameters.add(group.from());
            parameters.add(group.to());
            if (!Set.copyOf(states).containsAll(asked)) {
                one.append(" and ").append(list("coalesce(d.state_id, " + Series.NO_STATE + ") = any(?)",
                        new Array("bigint", states.toArray())));
            }
            either.add(one.append(')'));
        });
        conditions.add(either.toString());
    }

    private void seriesAsArrays(List<Series.Part> parts, Source source) {
        conditions.add("exists (select 1 from unnest(?, ?, ?, ?) p(release_id, state_key, from_day, to_day)"
                + " where p.release_id = d.release_id and p.state_key = coalesce(d.state_id, " + Series.NO_STATE + ")"
                + " and " + source.date + " between p.from_day and p.to_day)");
        parameters.add(new Array("bigint", parts.stream().map(Series.Part::releaseId).toArray()));
        parameters.add(new Array("bigint", parts.stream().map(Series.Part::stateKey).toArray()));
        parameters.add(new Array("date", parts.stream()
                .map(p -> Date.valueOf(source.monthly() ? p.from().withDayOfMonth(1) : p.from())).toArray()));
        parameters.add(new Array("date", parts.stream().map(p -> Date.valueOf(p.to())).toArray()));
    }

    private void add(String condition, Object parameter) {
        conditions.add(condition);
        parameters.add(parameter);
    }

    /** Adds {@link #list}{@code (condition, values)}. */
    private void addList(String condition, Array values) {
        conditions.add(list(condition, values));
    }

    /**
     * A condition whose one placeholder is {@code = any(?)} over {@code values}, with its parameters added: the array
     * itself, or over the columnar copy {@code in (?, ?, ...)} with a parameter a value ({@code in (null)}, which
     * matches nothing, for none).
     */
    private String list(String condition, Array values) {
        if (!spelledOut) {
            parameters.add(values);
            return condition;
        }
        parameters.addAll(List.of(values.values()));
        return condition.replace("= any(?)", values.values().length == 0 ? "in (null)"
                : "in (" + String.join(", ", Collections.nCopies(values.values().length, "?")) + ")");
    }

    /** Adds a condition with its parameters after the filter's own (e.g. a keyset cursor). */
    public SqlWhere and(String condition, Object... values) {
        conditions.add(condition);
        parameters.addAll(List.of(values));
        return this;
    }

    public String sql() {
        return conditions.toString();
    }

    /** Binds the parameters from position {@code first}; returns the next free position. */
    public int bind(Connection connection, PreparedStatement statement, int first) throws SQLException {
        int i = first;
        for (Object value : parameters) {
            if (value instanceof Array array) {
                statement.setArray(i++, connection.createArrayOf(array.type(), array.values()));
            } else if (value instanceof LocalDate date) {
                statement.setDate(i++, Date.valueOf(date));
            } else {
                statement.setObject(i++, value);
            }
        }
        return i;
    }
}
