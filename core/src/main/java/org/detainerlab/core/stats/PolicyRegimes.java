package org.detainerlab.core.stats;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.detainerlab.core.detainer.Place;
import org.detainerlab.core.detainer.Snapshot;
import org.detainerlab.core.detainer.SqlWhere.Source;
import org.detainerlab.core.policy.InForce;
import org.detainerlab.core.policy.PolicyRef;
import org.detainerlab.core.policy.PolicyService;
import org.detainerlab.core.policy.PolicyView;
import org.detainerlab.core.policy.Provision;

/**
 * The days on which policies with one provision were in force, per jurisdiction that statistics place a detainer
 * in (its county, its state, the nation), as of one data generation. Statistics join these few spans to the
 * rollup (or, in months where a span starts or ends mid-month, to the rows) instead of judging row by row.
 */
@ApplicationScoped
public class PolicyRegimes {

    private static final int CACHED_PROVISIONS = 64;
    /** The last day of an open span, for SQL: later than any prepare date. */
    private static final LocalDate OPEN = LocalDate.of(9999, 12, 31);

    /** What a policy's jurisdiction is, for placing a detainer; cities and agencies are not attributed. */
    enum Level {
        NATION, STATE, COUNTY
    }

    /** A policy in force in one jurisdiction from..to (to null: still). stateId: the state of a county, or the state. */
    record Span(PolicyRef policy, long jurisdictionId, Level level, Long stateId, LocalDate from, LocalDate to) {

        boolean overlaps(LocalDate first, LocalDate last) {
            return (last == null || !from.isAfter(last)) && (to == null || first == null || !to.isBefore(first));
        }
    }

    /**
     * The provision's spans, and the policies with the provision that statistics do not attribute (those of cities
     * and agencies: such a rule covers its own jail, not its county's).
     */
    record Regime(Provision provision, List<Span> spans, List<PolicyRef> notAttributed, List<Interval> intervals) {

        /** The regime of these spans, their intervals ({@link #merge}) worked out once, as the regime is cached. */
        Regime(Provision provision, List<Span> spans, List<PolicyRef> notAttributed) {
            this(provision, spans, notAttributed, merge(spans));
        }

        /**
         * The months in which a span starts or ends on a day other than the month's first or last: there the monthly
         * rollup cannot tell the detainers before from those after, so the rows answer for those months.
         */
        List<LocalDate> splitMonths() {
            Set<LocalDate> months = new TreeSet<>();
            for (Span span : spans) {
                if (span.from().getDayOfMonth() != 1) {
                    months.add(span.from().withDayOfMonth(1));
                }
                if (span.to() != null && !span.to().equals(span.to().withDayOfMonth(span.to().lengthOfMonth()))) {
                    months.add(span.to().withDayOfMonth(1));
                }
            }
            return List.copyOf(months);
        }

        /**
         * The spans as disjoint intervals per kind and key, for the columnar copy's joins: NATION (key 0), STATE and
         * COUNTY (the jurisdiction), COUNTY_IN_STATE (a county's state: some county's policy was in force there) and
         * ANY (key 0: any span). Overlapping or adjacent spans of one kind and key are merged, so that a row joins
         * at most one interval of each.
         */
        static List<Interval> merge(List<Span> spans) {
            Map<String, Map<Long, List<LocalDate[]>>> byKind = new TreeMap<>();
            for (Span span : spans) {
                LocalDate to = span.to() == null ? OPEN : span.to();
                add(byKind, span.level().name(), span.level() == Level.NATION ? 0 : span.jurisdictionId(), span.from(), to);
                if (span.level() == Level.COUNTY && span.stateId() != null) {
                    add(byKind, "COUNTY_IN_STATE", span.stateId(), span.from(), to);
                }
                add(byKind, "ANY", 0, span.from(), to);
            }
            List<Interval> intervals = new ArrayList<>();
            byKind.forEach((kind, byKey) -> byKey.forEach((key, days) -> {
                days.sort(Comparator.comparing((LocalDate[] d) -> d[0]));
                LocalDate[] open = null;
                for (LocalDate[] d : days) {
                    if (open != null && !d[0].isAfter(open[1].plusDays(1))) {
                        open[1] = d[1].isAfter(open[1]) ? d[1] : open[1];
                    } else {
                        if (open != null) {
                            intervals.add(new Interval(kind, key, open[0], open[1]));
                        }
                        open = new LocalDate[] {d[0], d[1]};
                    }
                }
                if (open != null) {
                    intervals.add(new Interval(kind, key, open[0], open[1]));
                }
            }));
            return List.copyOf(intervals);
        }

        private static void add(Map<String, Map<Long, List<LocalDate[]>>> byKind, String kind,
                                long key, LocalDate from, LocalDate to) {
            byKind.computeIfAbsent(kind, k -> new TreeMap<>()).computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new LocalDate[] {from, to});
        }
    }

    /** Days from..to (inclusive) on which some span of a kind was in force at a key ({@link Regime#intervals}). */
    record Interval(String kind, long key, LocalDate from, LocalDate to) {

        /** Whether it is a state's, a county's or a county's state's (keyed by a place), not the nation's or any. */
        boolean placed() {
            return !kind.equals("NATION") && !kind.equals("ANY");
        }
    }

    private final PolicyService policies;
    private final Cache<String, Regime> cache = Caffeine.newBuilder().maximumSize(CACHED_PROVISIONS).build();

    public PolicyRegimes(PolicyService policies) {
        this.policies = policies;
    }

    Regime of(Provision provision, Snapshot snapshot) {
        return cache.get(snapshot.generation() + "|" + provision, key -> load(provision, snapshot));
    }

    private Regime load(Provision provision, Snapshot snapshot) {
        List<Span> spans = new ArrayList<>();
        List<PolicyRef> notAttributed = new ArrayList<>();
        for (PolicyView policy : policies.withProvision(provision)) {
            PolicyRef ref = PolicyRef.of(policy);
            boolean attributed = false;
            for (String code : policy.jurisdictions()) {
                Place place = snapshot.placesByCode().get(code);
                Level level = place == null ? null : level(place.kind());
                if (level == null) {
                    continue;
                }
                attributed = true;
                Long state = switch (level) {
                    case NATION -> null;
                    case STATE -> place.id();
                    case COUNTY -> place.parentId();
                };
                for (InForce.Span days : ref.inForce()) {
                    spans.add(new Span(ref, place.id(), level, state, days.from(), days.to()));
                }
            }
            if (!attributed) {
                notAttributed.add(ref);
            }
        }
        return new Regime(provision, List.copyOf(spans), List.copyOf(notAttributed));
    }

    private static Level level(String kind) {
        return switch (kind) {
            case "NATION" -> Level.NATION;
            case "STATE", "DISTRICT", "TERRITORY" -> Level.STATE;
            case "COUNTY" -> Level.COUNTY;
            default -> null;
        };
    }

    /** The SQL of a regime: the spans as a common table expression, and the key expression that reads them. */
    static final class Sql {

        /**
         * A detainer's regime, from its date ({date}: its prepare date, or its month in the rollup), its state
         * ({@code d.state_id}) and its county ({@code p.county_id}), against the spans in {@code pr_span}. Each test
         * is on one level, so that the state's and the county's are equality joins on the jurisdiction (a hash
         * join in DuckDB, over millions of rows), not one range test per row and span.
         */
        static final String EXPRESSION = "case when {date} is null then 'DATE_UNKNOWN'"
                + " when exists (select 1 from pr_span s where s.level = 'NATION'"
                + " and {date} between s.from_day and s.to_day)"
                + " or exists (select 1 from pr_span s where s.level = 'STATE' and s.jurisdiction_id = d.state_id"
                + " and {date} between s.from_day and s.to_day)"
                + " or exists (select 1 from pr_span s where s.level = 'COUNTY' and s.jurisdiction_id = p.county_id"
                + " and {date} between s.from_day and s.to_day) then 'IN_FORCE'"
                + " when p.county_id is null and (exists (select 1 from pr_span s where s.level = 'COUNTY'"
                + " and s.state_id = d.state_id and {date} between s.from_day and s.to_day)"
                + " or (d.state_id is null and exists (select 1 from pr_span s"
                + " where {date} between s.from_day and s.to_day))) then 'PLACE_UNKNOWN'"
                + " else 'NOT_IN_FORCE' end";

        /** The spans as a common table expression, bound by {@link #bind}: PostgreSQL's form. */
        static final String CTE = "with pr_span (jurisdiction_id, level, state_id, from_day, to_day) as ("
                + "select * from unnest(?::bigint[], ?::text[], ?::bigint[], ?::date[], ?::date[])) ";

        /**
         * Over the columnar copy, the regime is read from the merged intervals ({@link Regime#intervals}) instead,
         * written into the statement by {@link #complete}. A regime of few distinct day intervals is written out as
         * tests on the row's state and county ({@code d.state_id in (6, 11) and d.prepare_date between ...}); a larger
         * one is bound as a table ({@link #CTE_COLUMNS}) joined by equality on the state, the county and the county's
         * state (each row meets at most one interval of each, {@link #JOINS_COLUMNS}). The nation's and any place's
         * days are always written out: as a correlated test on the table they cost DuckDB a join on the date ranges
         * for every row (0.9 s against 0.4 s over 5,000,000 rows). The regime's name is an ENUM
         * ({@link ColumnarCopy#REGIME_TYPE}), so that counting by it does not hash text. The per-row tests of
         * {@link #EXPRESSION} would make DuckDB judge every distinct date, state and county.
         */
        static final String CTE_COLUMNS = "with pr_int (kind, jkey, from_day, to_day) as (select unnest(?::text[]),"
                + " unnest(?::bigint[]), unnest(?::date[]), unnest(?::date[])) ";

        /** The joins of the bound form (the copy keeps the row's county as place_county_id). */
        static final String JOINS_COLUMNS = " left join pr_int r_st on r_st.kind = 'STATE' and r_st.jkey = d.state_id"
                + " and d.prepare_date between r_st.from_day and r_st.to_day"
                + " left join pr_int r_co on r_co.kind = 'COUNTY' and r_co.jkey = d.place_county_id"
                + " and d.prepare_date between r_co.from_day and r_co.to_day"
                + " left join pr_int r_cs on r_cs.kind = 'COUNTY_IN_STATE' and r_cs.jkey = d.state_id"
                + " and d.prepare_date between r_cs.from_day and r_cs.to_day";

        /** Up to this many distinct day intervals of states and counties, a regime is written out, not joined. */
        static final int WRITTEN_OUT_UP_TO = 16;

        private static final String CTE_HERE = "{regime-cte}";
        private static final String JOINS_HERE = "{regime-joins}";
        /** Where the expression tests whether a state's, a county's or the nation's policy was in force. */
        private static final String IN_FORCE_HERE = "{in-force}";
        /** Where the expression tests whether some county's policy in the row's state was in force. */
        private static final String COUNTY_IN_STATE_HERE = "{county-in-state}";
        /** Where the expression tests whether any place's policy was in force. */
        private static final String ANY_HERE = "{any-days}";

        /** {@link #EXPRESSION}'s meaning over the copy; {@link #complete} fills in its tests. */
        static final String EXPRESSION_COLUMNS = "case when d.prepare_date is null then " + regime("DATE_UNKNOWN")
                + " when " + IN_FORCE_HERE + " then " + regime("IN_FORCE")
                + " when d.place_county_id is null and (" + COUNTY_IN_STATE_HERE + " or (d.state_id is null and "
                + ANY_HERE + ")) then " + regime("PLACE_UNKNOWN") + " else " + regime("NOT_IN_FORCE") + " end";

        private static String regime(String name) {
            return "'" + name + "'::" + ColumnarCopy.REGIME_TYPE;
        }

        /**
         * {@code sql} over the columnar copy with {@code regime}'s intervals written in. What is written is dates
         * (from LocalDate's ISO form) and jurisdiction ids (longs), so it cannot carry anything else.
         */
        static String complete(String sql, Regime regime) {
            boolean writtenOut = writtenOut(regime);
            String nation = tests(regime, "NATION", null);
            return sql.replace(CTE_HERE, writtenOut ? "" : CTE_COLUMNS)
                    .replace(JOINS_HERE, writtenOut ? "" : JOINS_COLUMNS)
                    .replace(IN_FORCE_HERE, writtenOut ? "(" + tests(regime, "STATE", "d.state_id") + " or "
                            + tests(regime, "COUNTY", "d.place_county_id") + " or " + nation + ")"
                            : "(r_st.kind is not null or r_co.kind is not null or " + nation + ")")
                    .replace(COUNTY_IN_STATE_HERE, writtenOut ? tests(regime, "COUNTY_IN_STATE", "d.state_id")
                            : "r_cs.kind is not null")
                    .replace(ANY_HERE, tests(regime, "ANY", null));
        }

        /** Whether {@code regime}'s state and county intervals are few enough to be written out. */
        static boolean writtenOut(Regime regime) {
            return regime.intervals().stream().filter(Interval::placed).map(i -> i.kind() + i.from() + i.to())
                    .distinct().count() <= WRITTEN_OUT_UP_TO;
        }

        /**
         * The intervals of one kind as a test on a row: its day, and its {@code column} among the keys of the
         * intervals with those days ({@code column} null: the day alone); false when the kind has none.
         */
        private static String tests(Regime regime, String kind, String column) {
            Map<String, List<Long>> byDays = new TreeMap<>();
            regime.intervals().stream().filter(i -> i.kind().equals(kind)).forEach(i -> byDays
                    .computeIfAbsent("d.prepare_date between date '" + i.from() + "' and date '" + i.to() + "'",
                            d -> new ArrayList<>()).add(i.key()));
            List<String> tests = new ArrayList<>();
            byDays.forEach((days, keys) -> tests.add(column == null ? days : "(" + column + " in ("
                    + String.join(", ", keys.stream().map(String::valueOf).toList()) + ") and " + days + ")"));
            return tests.isEmpty() ? "false" : "(" + String.join(" or ", tests) + ")";
        }

        static String cte(Source source) {
            return source == Source.COLUMNS ? CTE_HERE : CTE;
        }

        /** A row's regime over {@code source}. */
        static String expression(Source source) {
            return source == Source.COLUMNS ? EXPRESSION_COLUMNS : EXPRESSION.replace("{date}", source.date);
        }

        /** The joins the regime needs over {@code source}; over the columnar copy {@link #complete} decides. */
        static String joins(Source source) {
            return source == Source.COLUMNS ? JOINS_HERE : "";
        }

        private Sql() {
        }

        /**
         * Binds the spans of {@link #cte} (over the copy: the intervals, when they are not written out) from position
         * {@code first}; returns the next free position.
         */
        static int bind(Regime regime, Source source, Connection connection, PreparedStatement statement, int first)
                throws SQLException {
            if (source == Source.COLUMNS) {
                if (writtenOut(regime)) {
                    return first;
                }
                List<Interval> intervals = regime.intervals().stream()
                        .filter(Interval::placed).toList();
                statement.setArray(first, connection.createArrayOf("text",
                        intervals.stream().map(Interval::kind).toArray()));
                statement.setArray(first + 1, connection.createArrayOf("bigint",
                        intervals.stream().map(Interval::key).toArray()));
                statement.setArray(first + 2, connection.createArrayOf("date",
                        intervals.stream().map(i -> Date.valueOf(i.from())).toArray()));
                statement.setArray(first + 3, connection.createArrayOf("date",
                        intervals.stream().map(i -> Date.valueOf(i.to())).toArray()));
                return first + 4;
            }
            List<Span> spans = regime.spans();
            statement.setArray(first, connection.createArrayOf("bigint",
                    spans.stream().map(Span::jurisdictionId).toArray()));
            statement.setArray(first + 1, connection.createArrayOf("text",
                    spans.stream().map(s -> s.level().name()).toArray()));
            statement.setArray(first + 2, connection.createArrayOf("bigint",
                    spans.stream().map(Span::stateId).toArray()));
            statement.setArray(first + 3, connection.createArrayOf("date",
                    spans.stream().map(s -> Date.valueOf(s.from())).toArray()));
            statement.setArray(first + 4, connection.createArrayOf("date",
                    spans.stream().map(s -> Date.valueOf(s.to() == null ? OPEN : s.to())).toArray()));
            return first + 5;
        }
    }
}
