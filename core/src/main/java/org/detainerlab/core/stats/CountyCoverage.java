package org.detainerlab.core.stats;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.detainerlab.core.detainer.DetainerFilter;
import org.detainerlab.core.detainer.SqlWhere;
import org.detainerlab.core.detainer.SqlWhere.Source;

/**
 * How much of a statistics answer had a known county, and by which method. The place-keyed rollup holds it but is
 * nearly as large as the rows; a question that the state rollup can answer (states, outcomes, whole months) reads
 * {@code county_coverage} instead: the same counts per release, month, state, outcome and method, a few thousand
 * rows, rebuilt once whenever the data generation (a load, a withdrawal, a curator's decision on a place) has moved.
 */
@ApplicationScoped
public class CountyCoverage {

    /** Serialises rebuilds across instances sharing the database. */
    private static final long REBUILD_LOCK = 0x636f766572L;

    private final AgroalDataSource dataSource;
    private final Cache<String, String> byFilter = Caffeine.newBuilder().maximumSize(2_000).build();
    /** The generation this instance last found the table built for; -1 before it has looked. */
    private volatile long builtFor = -1;

    public CountyCoverage(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The coverage sentence for the rows that {@code filter} selects; {@code answered} is the answer's own source.
     * {@code monthly} is the filter a monthly table reads: {@code filter} itself, or, for a range with day-precise
     * ends, the question over whole months ({@link DetainerFilter#wholeMonths}), counted outside the {@code split}
     * months, which the rows count over {@code filter}.
     */
    String describe(DetainerFilter filter, DetainerFilter monthly, List<LocalDate> split, Source answered,
                    long generation) {
        List<SqlWhere> wheres = new ArrayList<>();
        String others = split.isEmpty() ? null : "(d.month is null or d.month <> all(?))";
        String sql;
        if (Source.ROLLUP_STATE.serves(monthly)) {
            rebuildIfBehind(generation);
            sql = select(monthly, Source.ROLLUP_STATE, "county_coverage d", "d.method", "d.county_known", others,
                    wheres);
        } else {
            Source source = Source.ROLLUP.serves(monthly) ? Source.ROLLUP : answered;
            sql = select(monthly, source, source.table + " d left join place p on p.id = d.place_id", "p.method",
                    "p.county_id is not null", others, wheres);
        }
        if (!split.isEmpty()) {
            sql = "select m, k, sum(n) from (" + sql + " union all " + select(filter, Source.ROWS,
                    "detainer d left join place p on p.id = d.place_id", "p.method", "p.county_id is not null",
                    "(" + String.join(" or ", split.stream().map(m -> "(d.prepare_date >= ? and d.prepare_date < ?)")
                            .toList()) + ")", wheres) + ") u group by 1, 2";
        }
        return count(sql, wheres, split);
    }

    /**
     * The coverage sentence for the rows that {@code filter} selects, counted on the columnar copy {@code duck} at
     * data generation {@code generation}: the rows by place first, then the few thousand places joined to their
     * method (grouping the rows by text and flag cost several times more than by place). The sentence depends on
     * the filter only, not on the groups asked for, so questions that differ only in their groups share it (kept
     * per generation and filter).
     */
    String describe(Connection duck, DetainerFilter filter, long generation, Map<Long, SqlWhere.RowDays> rowDays)
            throws SQLException {
        String key = generation + "|" + filter.canonical();
        String known = byFilter.getIfPresent(key);
        if (known != null) {
            return known;
        }
        SqlWhere where = SqlWhere.of(filter, Source.COLUMNS, rowDays);
        String sql = "select p.method as m, p.county_id is not null as k, sum(x.n) as n from (select d.place_id, count(*)"
                + " as n from " + Source.COLUMNS.table + " d where " + where.sql() + " group by 1) x"
                + " left join place p on p.id = x.place_id group by 1, 2";
        String sentence = count(duck, sql, List.of(where), List.of());
        byFilter.put(key, sentence);
        return sentence;
    }

    /** One count by method and known county over {@code source}, its condition added to {@code wheres}. */
    private static String select(DetainerFilter filter, Source source, String from, String method, String known,
                                 String months, List<SqlWhere> wheres) {
        SqlWhere where = SqlWhere.of(filter, source);
        wheres.add(where);
        return "select " + method + " as m, " + known + " as k, " + source.count + " as n from " + from + " where "
                + where.sql() + (months == null ? "" : " and " + months) + " group by 1, 2";
    }

    private String count(String sql, List<SqlWhere> wheres, List<LocalDate> split) {
        try (Connection connection = dataSource.getConnection()) {
            return count(connection, sql, wheres, split);
        } catch (SQLException e) {
            throw new IllegalStateException("The county coverage query failed: " + e.getMessage(), e);
        }
    }

    private static String count(Connection connection, String sql, List<SqlWhere> wheres, List<LocalDate> split)
            throws SQLException {
        Map<String, Long> byMethod = new LinkedHashMap<>();
        long knownRows = 0;
        long all = 0;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int next = wheres.get(0).bind(connection, statement, 1);
            if (!split.isEmpty()) {
                statement.setArray(next++, connection.createArrayOf("date", split.stream().map(Date::valueOf).toArray()));
                next = wheres.get(1).bind(connection, statement, next);
                for (LocalDate month : split) {
                    statement.setDate(next++, Date.valueOf(month));
                    statement.setDate(next++, Date.valueOf(month.plusMonths(1)));
                }
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long rows = rs.getLong(3);
                    all += rows;
                    if (rs.getBoolean(2)) {
                        knownRows += rows;
                        byMethod.merge(rs.getString(1), rows, Long::sum);
                    }
                }
            }
        }
        return PlaceCoverage.describe(knownRows, all, byMethod);
    }

    private void rebuildIfBehind(long generation) {
        if (builtFor == generation) {
            return;
        }
        builtFor = QuarkusTransaction.requiringNew().call(this::rebuild);
    }

    /** Rebuilds the table unless another instance already did for the current generation; returns that generation. */
    private long rebuild() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_xact_lock(" + REBUILD_LOCK + ")");
            long current = single(statement, "select value from data_generation where id = 1");
            if (single(statement, "select generation from county_coverage_generation where id = 1") != current) {
                statement.execute("delete from county_coverage");
                statement.execute("insert into county_coverage (release_id, month, state_id, outcome, method,"
                        + " county_known, detainers) select d.release_id, d.month, d.state_id, d.outcome, p.method,"
                        + " p.county_id is not null, sum(d.detainers) from detainer_rollup d"
                        + " left join place p on p.id = d.place_id group by 1, 2, 3, 4, 5, 6");
                statement.execute("update county_coverage_generation set generation = " + current + " where id = 1");
            }
            return current;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot rebuild the county coverage: " + e.getMessage(), e);
        }
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
