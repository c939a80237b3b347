package org.detainerlab.core.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import org.detainerlab.core.detainer.DetainerFilter;
import org.detainerlab.core.detainer.Outcome;
import org.detainerlab.core.detainer.Place;
import org.detainerlab.core.detainer.Provenance;
import org.detainerlab.core.detainer.QueryParameters;
import org.detainerlab.core.detainer.ReleaseRef;
import org.detainerlab.core.detainer.Snapshot;
import org.detainerlab.core.detainer.SnapshotSource;
import org.detainerlab.core.detainer.SqlWhere;
import org.detainerlab.core.detainer.SqlWhere.RowDays;
import org.detainerlab.core.detainer.SqlWhere.Source;
import org.detainerlab.core.policy.PolicyRef;
import org.detainerlab.core.stats.PolicyRegimes.Regime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Grouped detainer counts and shares. A question is first normalised (names resolved, releases named or the release
 * series' parts listed), then answered from the cache when the same normalised question was answered at the same
 * data generation; otherwise from the columnar copy of the rows ({@link ColumnarCopy}) when it is at that data
 * generation, else from the monthly rollup when it fits (month-aligned dates
 * and series parts, no facility names), else from the detainer rows. Answers are never stale: the cache key holds the
 * data generation, which moves with every release loaded, edited, withdrawn or deleted and every facility or
 * jurisdiction edit.
 */
@ApplicationScoped
public class StatsService {

    private static final int CACHED_ANSWERS = 2_000;

    private final AgroalDataSource dataSource;
    private final SnapshotSource snapshots;
    private final PolicyRegimes regimes;
    private final CountyCoverage coverage;
    private final ColumnarCopy columns;
    private final String version;
    private final Clock clock;
    private final ObjectMapper json;
    private final Cache<String, Cached> cache = Caffeine.newBuilder().maximumSize(CACHED_ANSWERS).build();

    private final AtomicLong compressions = new AtomicLong();
    private final AtomicInteger postgresOnly = new AtomicInteger();

    /** While open, questions skip the columnar copy ({@link #postgresOnly()}). */
    public final class PostgresOnly implements AutoCloseable {
        private boolean open = true;

        @Override
        public void close() {
            if (open) {
                open = false;
                postgresOnly.decrementAndGet();
            }
        }
    }

    /**
     * An answer and its JSON, written once: a repeated question costs neither SQL nor serialising. The gzip form is
     * made on the first request that accepts it and kept, so a repeated question does not compress again either.
     */
    private final class Cached {
        private final StatsAnswer answer;
        private final byte[] json;
        private volatile byte[] gzip;

        private Cached(StatsAnswer answer, byte[] json) {
            this.answer = answer;
            this.json = json;
        }

        private byte[] gzip() {
            byte[] made = gzip;
            if (made == null) {
                made = compressed(json);
                gzip = made;
            }
            return made;
        }
    }

    public StatsService(AgroalDataSource dataSource, SnapshotSource snapshots, PolicyRegimes regimes,
                        CountyCoverage coverage, ColumnarCopy columns, ObjectMapper json,
                        @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String version) {
        this.dataSource = dataSource;
        this.snapshots = snapshots;
        this.regimes = regimes;
        this.coverage = coverage;
        this.columns = columns;
        this.json = json;
        this.version = version;
        this.clock = Clock.systemUTC();
    }

    public StatsAnswer detainers(QueryParameters parameters) {
        return cached(parameters).answer;
    }

    /** The same answer as {@link #detainers}, as JSON bytes ready to send. */
    public byte[] detainersJson(QueryParameters parameters) {
        return cached(parameters).json;
    }

    /**
     * The same JSON, gzip-compressed, for clients that accept it (browsers, R, Python): a state-by-month answer over
     * fifteen fiscal years is about 700 KB as JSON, and writing and reading those bytes is most of what a repeated
     * question costs both sides (docs/benchmarks.md, issue 19).
     */
    public byte[] detainersJsonGzip(QueryParameters parameters) {
        return cached(parameters).gzip();
    }

    /**
     * Until closed, questions are answered from PostgreSQL (its rollups and rows) even when the columnar copy is
     * current, and cached apart from the copy's answers: tests compare the two paths with it.
     */
    public PostgresOnly postgresOnly() {
        postgresOnly.incrementAndGet();
        return new PostgresOnly();
    }

    /** How many answers were compressed since start: once per cached answer, however often it is asked. */
    public long compressions() {
        return compressions.get();
    }

    private byte[] compressed(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 8 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot compress a statistics answer in memory", e);
        }
        compressions.incrementAndGet();
        return out.toByteArray();
    }

    private Cached cached(QueryParameters parameters) {
        Snapshot snapshot = snapshots.current();
        StatsQuery query = StatsQuery.parse(parameters, snapshot);
        boolean columnar = postgresOnly.get() == 0;
        return cache.get(snapshot.generation() + (columnar ? "|" : "|postgres|") + query.canonical(), key -> {
            StatsAnswer answer = compute(query, snapshot, columnar);
            try {
                return new Cached(answer, json.writeValueAsBytes(answer));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write a statistics answer as JSON", e);
            }
        });
    }

    private StatsAnswer compute(StatsQuery query, Snapshot snapshot, boolean columnar) {
        DetainerFilter filter = query.filter();
        boolean share = query.measure() == Measure.SHARE;
        List<Dimension> sqlDimensions = new ArrayList<>(query.groupBy());
        if (share && !sqlDimensions.contains(Dimension.OUTCOME)) {
            sqlDimensions.add(Dimension.OUTCOME);
        }
        Regime regime = query.readsPolicies() ? regimes.of(query.provision(), snapshot) : null;
        if (columnar && !filter.releases().isEmpty()) {
            // the columnar copy, when it is at this question's data generation, reads every row column fastest
            Optional<Counted> fromCopy = columns.read(snapshot.generation(), duck -> new Counted(
                    groups(duck, share ? filter.withoutOutcomes() : filter, null, sqlDimensions, Source.COLUMNS, regime,
                            query.regimes(), List.of(), columns.rowDays()),
                    coverage.describe(duck, filter, snapshot.generation(), columns.rowDays()), Source.COLUMNS,
                    List.of()));
            if (fromCopy.isPresent()) {
                return answer(query, snapshot, sqlDimensions, regime, fromCopy.get());
            }
        }
        Source source = smallest(filter, sqlDimensions, regime != null);
        // what the monthly source reads: the question itself, or, for a range with day-precise ends, the question
        // over the whole months those ends fall in, the rows answering the boundary months
        DetainerFilter monthly = filter;
        Set<LocalDate> splitMonths = new TreeSet<>();
        if (source == Source.ROWS && !filter.boundaryMonths().isEmpty()) {
            DetainerFilter whole = filter.wholeMonths(snapshot.series());
            Source wholeSource = smallest(whole, sqlDimensions, regime != null);
            if (wholeSource != Source.ROWS) {
                source = wholeSource;
                monthly = whole;
                splitMonths.addAll(filter.boundaryMonths());
            }
        }
        if (source == Source.ROLLUP && regime != null) {
            splitMonths.addAll(regime.splitMonths());
        }
        List<LocalDate> split = List.copyOf(splitMonths);
        List<Group> groups = List.of();
        if (!filter.releases().isEmpty()) {
            try (Connection connection = dataSource.getConnection()) {
                groups = groups(connection, share ? monthly.withoutOutcomes() : monthly,
                        share ? filter.withoutOutcomes() : filter, sqlDimensions, source, regime, query.regimes(), split,
                        Map.of());
            } catch (SQLException e) {
                throw new IllegalStateException("The statistics query failed: " + e.getMessage(), e);
            }
        }
        String countyCoverage = filter.releases().isEmpty() ? null : coverage.describe(filter, monthly,
                monthly == filter ? List.of() : filter.boundaryMonths(), source, snapshot.generation());
        return answer(query, snapshot, sqlDimensions, regime, new Counted(groups, countyCoverage, source, split));
    }

    /** What SQL counted for a question: its groups, the county coverage sentence, the source and the split months. */
    private record Counted(List<Group> groups, String countyCoverage, Source source, List<LocalDate> split) {
    }

    private StatsAnswer answer(StatsQuery query, Snapshot snapshot, List<Dimension> sqlDimensions, Regime regime,
                               Counted counted) {
        DetainerFilter filter = query.filter();
        List<StatsRow> rows = new ArrayList<>();
        long total = query.measure() == Measure.SHARE ? shares(query, sqlDimensions, counted.groups(), snapshot, rows)
                : counts(query, counted.groups(), snapshot, rows);
        Integer k = query.suppressBelow();
        boolean totalSuppressed = suppressed(total, k);
        List<String> notes = notes(query, counted.countyCoverage());
        List<LocalDate> split = counted.split();
        String table = counted.source() == Source.COLUMNS ? Source.COLUMNS.table + " (the columnar copy of "
                + Source.ROWS.table + ")" : split.isEmpty() ? counted.source().table : counted.source().table
                + ", and " + Source.ROWS.table + " for " + split.stream().map(m -> m.toString().substring(0, 7)).toList();
        List<PolicyRef> deciding = regime == null ? null : decidingPolicies(regime, filter, notes);
        Provenance provenance = Provenance.of(filter, snapshot, "/api/v1/stats/detainers?" + query.canonical(),
                table, version, OffsetDateTime.now(clock), notes);
        if (deciding != null) {
            provenance = provenance.withPolicies(deciding);
        }
        return new StatsAnswer(query.groupBy().stream().map(d -> d.parameter).toList(), query.measure().parameter(), k,
                rows, totalSuppressed ? null : total, totalSuppressed ? Boolean.TRUE : null, provenance);
    }

    /**
     * The smallest table that holds every column the question needs: exact either way, fastest this way. Policy
     * regimes need each group's place, which the rollup by state alone does not keep.
     */
    private static Source smallest(DetainerFilter filter, List<Dimension> dimensions, boolean needsPlace) {
        for (Source source : needsPlace ? List.of(Source.ROLLUP) : List.of(Source.ROLLUP_STATE, Source.ROLLUP)) {
            if (source.serves(filter) && dimensions.stream().allMatch(d -> d.servedBy(source))) {
                return source;
            }
        }
        return Source.ROWS;
    }

    /** One group as SQL counted it: its key values in dimension order (a facility takes two) and its count. */
    private record Group(Object[] keys, long count) {
    }

    /**
     * The groups, counted in one statement. With policy regimes the spans come first as a common table expression.
     * Split months (a span or a bound of the question starts or ends inside them) are counted from the rows over
     * {@code filter}, and every other month from the monthly {@code source} over {@code monthly} (the question
     * itself, or the question over whole months, which selects the same rows outside the split months), summed per
     * group.
     */
    private static List<Group> groups(Connection connection, DetainerFilter monthly, DetainerFilter filter,
                                      List<Dimension> dimensions, Source source, Regime regime,
                                      Set<PolicyRegime> wanted, List<LocalDate> split, Map<Long, RowDays> rowDays)
            throws SQLException {
        List<SqlWhere> wheres = new ArrayList<>();
        int keyCount = dimensions.stream().mapToInt(d -> d.sql(source).size()).sum();
        StringBuilder sql = new StringBuilder(regime == null ? "" : PolicyRegimes.Sql.cte(source));
        if (split.isEmpty()) {
            sql.append(select(monthly, dimensions, source, regime, wanted, null, wheres, rowDays));
        } else {
            sql.append("select ");
            for (int i = 1; i <= keyCount; i++) {
                sql.append("k").append(i).append(", ");
            }
            sql.append("sum(n) from (").append(select(monthly, dimensions, source, regime, wanted,
                            "(d.month is null or d.month <> all(?))", wheres, rowDays))
                    .append(" union all ").append(select(filter, dimensions, Source.ROWS, regime, wanted,
                            "(" + String.join(" or ", split.stream()
                                    .map(m -> "(d.prepare_date >= ? and d.prepare_date < ?)").toList()) + ")", wheres,
                            Map.of()))
                    .append(") u");
            groupBy(sql, keyCount);
        }
        List<Group> groups = new ArrayList<>();
        String statementSql = regime != null && source == Source.COLUMNS
                ? PolicyRegimes.Sql.complete(sql.toString(), regime) : sql.toString();
        try (PreparedStatement statement = connection.prepareStatement(statementSql)) {
            int next = regime == null ? 1 : PolicyRegimes.Sql.bind(regime, source, connection, statement, 1);
            next = wheres.get(0).bind(connection, statement, next);
            if (!split.isEmpty()) {
                statement.setArray(next++, connection.createArrayOf("date",
                        split.stream().map(java.sql.Date::valueOf).toArray()));
                // the split months' rows by prepare-date ranges, which the index on prepare_date serves
                next = wheres.get(1).bind(connection, statement, next);
                for (LocalDate month : split) {
                    statement.setDate(next++, java.sql.Date.valueOf(month));
                    statement.setDate(next++, java.sql.Date.valueOf(month.plusMonths(1)));
                }
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Object[] keys = new Object[keyCount];
                    for (int i = 0; i < keys.length; i++) {
                        keys[i] = rs.getObject(i + 1);
                    }
                    long count = rs.getLong(keyCount + 1);
                    if (count > 0) {
                        groups.add(new Group(keys, count));
                    }
                }
            }
        }
        return groups;
    }

    /**
     * One grouped select over one source, its keys named k1..kn and its count n; its condition is added to
     * {@code wheres} for binding, followed by the parameters of {@code months} when it is given.
     */
    private static String select(DetainerFilter filter, List<Dimension> dimensions, Source source, Regime regime,
                                 Set<PolicyRegime> wanted, String months, List<SqlWhere> wheres,
                                 Map<Long, RowDays> rowDays) {
        SqlWhere where = SqlWhere.of(filter, source, rowDays);
        if (!wanted.isEmpty()) {
            where.and("(" + PolicyRegimes.Sql.expression(source) + ") in ("
                    + String.join(", ", wanted.stream().map(w -> "?").toList()) + ")",
                    wanted.stream().sorted().map(Enum::name).toArray());
        }
        wheres.add(where);
        List<String> columns = new ArrayList<>();
        dimensions.forEach(d -> columns.addAll(d.sql(source)));
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(columns.get(i)).append(" as k").append(i + 1).append(", ");
        }
        sql.append(source.count).append(" as n from ").append(source.table).append(" d");
        if (source.joinsPlace() && (regime != null || dimensions.stream().anyMatch(Dimension::needsPlace))) {
            sql.append(" left join place p on p.id = d.place_id");
        }
        if (regime != null) {
            sql.append(PolicyRegimes.Sql.joins(source));
        }
        sql.append(" where ").append(where.sql());
        if (months != null) {
            sql.append(" and ").append(months);
        }
        groupBy(sql, columns.size());
        return sql.toString();
    }

    private static void groupBy(StringBuilder sql, int keys) {
        if (keys > 0) {
            sql.append(" group by ");
            for (int i = 1; i <= keys; i++) {
                sql.append(i == 1 ? "" : ", ").append(i);
            }
        }
    }

    /**
     * The policies whose in-force days and places meet the answer's: in force on some day the releases read cover
     * (within the question's dates), in the nation, a state asked about (any, when none was) or a county asked
     * about (any, when none was). Notes say which policies are not attributed and how many are unverified.
     */
    private static List<PolicyRef> decidingPolicies(Regime regime, DetainerFilter filter, List<String> notes) {
        LocalDate first = filter.releases().stream().map(ReleaseRef::coverageFrom).filter(d -> d != null)
                .min(Comparator.naturalOrder()).orElse(null);
        LocalDate last = filter.releases().stream().map(ReleaseRef::coverageTo).filter(d -> d != null)
                .max(Comparator.naturalOrder()).orElse(null);
        if (filter.from() != null && (first == null || filter.from().isAfter(first))) {
            first = filter.from();
        }
        if (filter.to() != null && (last == null || filter.to().isBefore(last))) {
            last = filter.to();
        }
        Set<Long> states = new HashSet<>(filter.states().stream().map(Place::id).toList());
        Set<Long> counties = new HashSet<>(filter.counties().stream().map(Place::id).toList());
        filter.counties().forEach(c -> states.add(c.parentId()));
        Map<Long, PolicyRef> deciding = new LinkedHashMap<>();
        for (PolicyRegimes.Span span : regime.spans()) {
            boolean place = switch (span.level()) {
                case NATION -> true;
                case STATE -> states.isEmpty() || states.contains(span.jurisdictionId());
                case COUNTY -> (counties.isEmpty() || counties.contains(span.jurisdictionId()))
                        && (states.isEmpty() || states.contains(span.stateId()));
            };
            if (place && span.overlaps(first, last)) {
                deciding.putIfAbsent(span.policy().id(), span.policy());
            }
        }
        notes.add("Policy regime by " + regime.provision() + ": IN_FORCE when a live policy with that provision was in"
                + " force (the in-force rule of docs/user-guide.md) at the detainer's county, its state or the nation"
                + " on its prepare date; PLACE_UNKNOWN when its county is not known and a county's policy (or, with no"
                + " state either, a state's) in force that day could have decided it; DATE_UNKNOWN without a prepare"
                + " date. provenance.policies lists the policies in force on some day and at some place the answer"
                + " covers, with the version read. Curated policies are as recorded, most of them unverified.");
        if (!regime.notAttributed().isEmpty()) {
            notes.add(regime.notAttributed().size() + " policies with " + regime.provision() + " belong to cities or"
                    + " agencies only and are not attributed: such a rule covers its own jail, not its county ("
                    + regime.notAttributed().stream().limit(5).map(PolicyRef::key).toList()
                    + (regime.notAttributed().size() > 5 ? ", ..." : "") + ").");
        }
        return List.copyOf(deciding.values());
    }

    private long counts(StatsQuery query, List<Group> groups, Snapshot snapshot, List<StatsRow> rows) {
        long total = 0;
        List<Map.Entry<Map<String, Object>, Long>> labelled = new ArrayList<>();
        for (Group group : groups) {
            total += group.count();
            labelled.add(Map.entry(GroupLabels.label(query.groupBy(), group.keys(), snapshot), group.count()));
        }
        GroupLabels.sort(labelled, query.groupBy());
        Integer k = query.suppressBelow();
        for (Map.Entry<Map<String, Object>, Long> entry : labelled) {
            boolean hidden = suppressed(entry.getValue(), k);
            rows.add(new StatsRow(entry.getKey(), hidden ? null : entry.getValue(), hidden ? Boolean.TRUE : null,
                    null, null, null));
        }
        return total;
    }

    /**
     * Shares need every outcome of each group, so SQL counted without the outcome filter and with the outcome as
     * an extra key; here the filtered outcomes become the count and all outcomes the group total. Groups where
     * the filtered outcomes never occur get an explicit 0 (a state that declined nothing has a share of 0, not a
     * missing row).
     */
    private long shares(StatsQuery query, List<Dimension> sqlDimensions, List<Group> groups, Snapshot snapshot,
                        List<StatsRow> rows) {
        List<Dimension> dimensions = query.groupBy();
        int outcomeAt = GroupLabels.keyIndex(sqlDimensions, Dimension.OUTCOME);
        boolean outcomeShown = dimensions.contains(Dimension.OUTCOME);
        List<Outcome> wanted = query.filter().outcomes().isEmpty() ? List.of(Outcome.values())
                : List.copyOf(query.filter().outcomes());

        Map<List<Object>, Long> groupTotals = new LinkedHashMap<>();
        Map<List<Object>, Long> counted = new HashMap<>();
        for (Group group : groups) {
            List<Object> withoutOutcome = without(group.keys(), outcomeAt);
            groupTotals.merge(withoutOutcome, group.count(), Long::sum);
            if (wanted.contains(Outcome.valueOf((String) group.keys()[outcomeAt]))) {
                counted.merge(outcomeShown ? Arrays.asList(group.keys()) : withoutOutcome, group.count(), Long::sum);
            }
        }
        long total = counted.values().stream().mapToLong(Long::longValue).sum();
        List<Map.Entry<Map<String, Object>, long[]>> labelled = new ArrayList<>();
        for (Map.Entry<List<Object>, Long> entry : groupTotals.entrySet()) {
            for (Outcome outcome : outcomeShown ? wanted : List.<Outcome>of()) {
                Object[] keys = with(entry.getKey(), outcomeAt, outcome.name());
                long count = counted.getOrDefault(Arrays.asList(keys), 0L);
                labelled.add(Map.entry(GroupLabels.label(dimensions, keys, snapshot), new long[] {count, entry.getValue()}));
            }
            if (!outcomeShown) {
                long count = counted.getOrDefault(entry.getKey(), 0L);
                labelled.add(Map.entry(GroupLabels.label(dimensions, entry.getKey().toArray(), snapshot),
                        new long[] {count, entry.getValue()}));
            }
        }
        GroupLabels.sort(labelled, dimensions);
        Integer k = query.suppressBelow();
        for (Map.Entry<Map<String, Object>, long[]> entry : labelled) {
            long count = entry.getValue()[0];
            long groupTotal = entry.getValue()[1];
            boolean countHidden = suppressed(count, k);
            boolean totalHidden = suppressed(groupTotal, k);
            boolean sharesHidden = countHidden || totalHidden || suppressed(total, k);
            rows.add(new StatsRow(entry.getKey(), countHidden ? null : count, countHidden || totalHidden ? Boolean.TRUE : null,
                    totalHidden ? null : groupTotal,
                    sharesHidden ? null : (double) count / groupTotal,
                    sharesHidden || total == 0 ? null : (double) count / total));
        }
        return total;
    }

    private static List<Object> without(Object[] keys, int index) {
        List<Object> rest = new ArrayList<>(Arrays.asList(keys));
        rest.remove(index);
        return rest;
    }

    private static Object[] with(List<Object> keys, int index, Object value) {
        List<Object> all = new ArrayList<>(keys);
        all.add(index, value);
        return all.toArray();
    }

    /** Primary suppression: counts from 1 to k-1 are withheld; 0 is shown (it discloses no one). */
    private static boolean suppressed(long count, Integer k) {
        return k != null && count > 0 && count < k;
    }

    private static List<String> notes(StatsQuery query, String countyCoverage) {
        List<String> notes = new ArrayList<>();
        if (countyCoverage != null) {
            notes.add(countyCoverage);
        }
        List<?> releases = query.filter().releases();
        if (releases.isEmpty()) {
            notes.add(query.filter().readsSeries()
                    ? "No loaded detainer release covers the states and days asked about, so every count is 0."
                    : "No detainer release is loaded, so every count is 0.");
        }
        if (query.groupBy().contains(Dimension.COUNTY) || !query.filter().counties().isEmpty()) {
            notes.add("ICE's rows name a facility, a city and a state, not a county: each distinct place is resolved to a"
                    + " county by facility code, a county named in the facility name, the city through a gazetteer, or a"
                    + " curator (see GET /api/v1/places/review); rows whose place has no county are in the group whose"
                    + " county is null.");
        }
        if (query.groupBy().contains(Dimension.OUTCOME) || query.measure() == Measure.SHARE
                || !query.filter().outcomes().isEmpty()) {
            notes.add("Outcome UNKNOWN means no lift reason was recorded; it does not mean the detainer was honoured.");
        }
        return notes;
    }
}
