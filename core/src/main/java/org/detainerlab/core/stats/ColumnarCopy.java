package org.detainerlab.core.stats;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

import org.detainerlab.core.detainer.AgeBand;
import org.detainerlab.core.detainer.SqlWhere;
import org.duckdb.DuckDBConnection;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * A columnar copy of the loaded detainer rows in an embedded DuckDB database, kept by this process beside
 * PostgreSQL so that questions the rollups cannot answer (person and charge fields, facility names, day-precise
 * ranges, place-keyed groupings at scale) scan compressed columns instead of PostgreSQL's rows.
 *
 * <p>PostgreSQL stays the record: the copy follows {@code data_generation}. A background thread checks it every
 * {@code detainerlab.columnar.sync-every}; when it moved, the thread reads, in one repeatable-read transaction, the
 * generation, the loaded releases and the rows of each release the copy lacks (detainer rows never change after
 * loading), removes the releases gone, replaces the small tables the questions join (place, charge_category), checks
 * each copied release's row count against PostgreSQL's, and makes the result visible in one DuckDB commit. A
 * question is answered here only when the copy is at exactly the generation the question was read at
 * ({@link #read}); otherwise from PostgreSQL. The copy lives in a temporary directory of its own per process and is
 * made again at every start.
 */
@ApplicationScoped
public class ColumnarCopy {

    private static final Logger LOG = Logger.getLogger(ColumnarCopy.class);

    /** The table the copy keeps; SqlWhere and Dimension name its columns as the detainer table's. */
    public static final String TABLE = "detainer_columns";

    /**
     * The copied columns. {@code facility_raw} is kept as the API matches it (upper case, trimmed), the age band and
     * the charge code's NCIC group, the month, fiscal year and year are worked out once here rather than in every
     * question, and the county and curated facility of the row's resolved place are kept on the row
     * ({@code place_county_id}, {@code place_facility_id}; {@link SqlWhere.Source#placeColumn}), so that no
     * question joins the places for them: a sync that finds a place changed (a curator's decision) rewrites them on
     * that place's rows.
     */
    private static final String COLUMNS = "release_id bigint, state_id bigint, place_id bigint, facility_id bigint,"
            + " facility_raw varchar, prepare_date date, outcome varchar, lift_reason_raw varchar,"
            + " detainer_type varchar, criminality varchar, threat_level varchar, gender varchar,"
            + " citizenship_country varchar, birth_year smallint, age_band varchar, notify_release_request boolean,"
            + " msc_charge varchar, msc_charge_code varchar, charge_group varchar, likely_duplicate boolean,"
            + " place_county_id bigint, place_facility_id bigint, month date, fiscal_year integer,"
            + " year integer";

    /**
     * The copied text columns kept as DuckDB ENUMs: each distinct value once in the column's type, each row a small
     * code. Grouping by two or three of them then counts in a table indexed by the codes instead of hashing text
     * (4-5x faster over 5,000,000 rows); conditions and answers read them as text as before. A sync that brings
     * values a column's type lacks makes a new type with them ({@link #code}).
     */
    private static final List<String> CODED = List.of("facility_raw", "outcome", "lift_reason_raw", "detainer_type",
            "criminality", "threat_level", "gender", "citizenship_country", "age_band", "msc_charge", "msc_charge_code",
            "charge_group");

    /** The ENUM type of a policy regime's name in questions on the copy ({@link PolicyRegimes.Sql}). */
    static final String REGIME_TYPE = "policy_regime";

    /** Where a release's rows arrive, as text, before they join the copy. */
    private static final String INCOMING = "detainer_incoming";

    private static final String PLACE_COLUMNS = "id bigint, county_id bigint, facility_id bigint, method varchar,"
            + " status varchar";

    private static final String EXPORT = "select d.release_id, d.state_id, d.place_id, d.facility_id,"
            + " upper(btrim(d.facility_raw)), d.prepare_date, d.outcome, d.lift_reason_raw, d.detainer_type,"
            + " d.criminality, d.threat_level, d.gender, d.citizenship_country, d.birth_year, " + AgeBand.sql() + ","
            + " d.notify_release_request, d.msc_charge, d.msc_charge_code,"
            + " left(lpad(btrim(d.msc_charge_code), 4, '0'), 2), d.likely_duplicate, p.county_id, p.facility_id, "
            + Dimension.MONTH_OF_DAY + ", " + Dimension.fiscalYearOf(Dimension.MONTH_OF_DAY) + ", "
            + Dimension.yearOf(Dimension.MONTH_OF_DAY) + " from detainer d left join place p on p.id = d.place_id";

    /** A query run on the copy. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection duck) throws SQLException;
    }

    private final AgroalDataSource dataSource;
    private final boolean enabled;
    private final int threads;
    private final String memory;
    private final Optional<String> parent;
    private final Duration syncEvery;
    private final Duration wait;
    /** Questions answered on the copy at once; the others wait their turn (each uses {@code threads} threads). */
    private final Semaphore running;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Object progress = new Object();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private ScheduledExecutorService syncer;
    private Path directory;
    private DuckDBConnection duck;
    /** The data generation the committed copy matches; -1 before the first sync. */
    private volatile long generation = -1;
    /** Releases in the committed copy, with their row counts. */
    private Map<Long, Long> held = Map.of();
    /** The ENUM type of each coded column in the committed copy; a column still without any value is text. */
    private Map<String, String> codedTypes = Map.of();
    /** Types made so far, for unique names. */
    private long typesMade;
    /** The first and last prepare date of each release's rows in the committed copy. */
    private volatile Map<Long, SqlWhere.RowDays> rowDays = Map.of();
    private volatile String failure;

    public ColumnarCopy(AgroalDataSource dataSource,
                        @ConfigProperty(name = "detainerlab.columnar.enabled", defaultValue = "true") boolean enabled,
                        @ConfigProperty(name = "detainerlab.columnar.threads", defaultValue = "2") int threads,
                        @ConfigProperty(name = "detainerlab.columnar.memory", defaultValue = "1GB") String memory,
                        @ConfigProperty(name = "detainerlab.columnar.dir") Optional<String> parent,
                        @ConfigProperty(name = "detainerlab.columnar.sync-every", defaultValue = "1s") Duration syncEvery,
                        @ConfigProperty(name = "detainerlab.columnar.wait", defaultValue = "0s") Duration wait,
                        @ConfigProperty(name = "detainerlab.columnar.concurrent", defaultValue = "2") int concurrent) {
        this.dataSource = dataSource;
        this.enabled = enabled;
        this.threads = threads;
        this.memory = memory;
        this.parent = parent;
        this.syncEvery = syncEvery;
        this.wait = wait;
        this.running = new Semaphore(Math.max(1, concurrent), true);
    }

    /** Opens the copy and starts following the data generation (after the schema is migrated). */
    public void start() {
        if (!enabled || !started.compareAndSet(false, true)) {
            return;
        }
        try {
            Path base = Paths.get(parent.filter(p -> !p.isBlank()).orElse(System.getProperty("java.io.tmpdir")));
            Files.createDirectories(base);
            directory = Files.createTempDirectory(base, "detainerlab-columns-");
            Properties settings = new Properties();
            settings.setProperty("threads", Integer.toString(threads));
            settings.setProperty("memory_limit", memory);
            settings.setProperty("temp_directory", directory.resolve("spill").toString());
            duck = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + directory.resolve("copy.duckdb"),
                    settings);
            try (Statement statement = duck.createStatement()) {
                // PostgreSQL's name for trim, so that the same SQL (ChargeCategories, facility names) reads both
                statement.execute("create macro btrim(s) as trim(s)");
                statement.execute("create table " + TABLE + " (" + COLUMNS + ")");
                statement.execute("create table " + INCOMING + " (" + COLUMNS + ")");
                statement.execute("create type " + REGIME_TYPE + " as enum (" + String.join(", ",
                        Arrays.stream(PolicyRegime.values()).map(r -> "'" + r.name() + "'").toList()) + ")");
                statement.execute("create table place (" + PLACE_COLUMNS + ")");
                statement.execute("create table place_next (" + PLACE_COLUMNS + ")");
                statement.execute("create table charge_category (ncic_group varchar, category varchar)");
            }
        } catch (IOException | SQLException e) {
            failure = e.getMessage();
            LOG.errorf(e, "Columnar copy: cannot open DuckDB in %s; questions are answered from PostgreSQL", directory);
            return;
        }
        syncer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "columnar-copy");
            thread.setDaemon(true);
            return thread;
        });
        syncer.scheduleWithFixedDelay(this::syncQuietly, 0, Math.max(50, syncEvery.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** The data generation the copy matches, or empty when it is off or not made yet. */
    public Optional<Long> generation() {
        return generation < 0 ? Optional.empty() : Optional.of(generation);
    }

    /**
     * The first and last prepare date of each release's rows in the copy (releases without a dated row are absent),
     * as of its generation: read it inside {@link #read}, where the copy is at the question's generation.
     */
    public Map<Long, SqlWhere.RowDays> rowDays() {
        return rowDays;
    }

    /** Why the copy is not in use, or null. */
    public String failure() {
        return failure;
    }

    /**
     * Runs {@code work} on the copy if it is at {@code at}, the data generation the question was read at; empty
     * otherwise (the caller answers from PostgreSQL). With {@code detainerlab.columnar.wait} above 0 (the tests),
     * a copy behind {@code at} is waited for that long first.
     */
    public <T> Optional<T> read(long at, Work<T> work) {
        if (!enabled || duck == null) {
            return Optional.empty();
        }
        if (generation < at && !wait.isZero()) {
            awaitGeneration(at);
        }
        // as many questions at once as the cores can take: more only share the same cores, each finishing later,
        // and hold more hash tables in the copy's memory at once
        running.acquireUninterruptibly();
        lock.readLock().lock();
        try {
            if (generation != at) {
                return Optional.empty();
            }
            try (Connection connection = duck.duplicate()) {
                return Optional.of(work.run(connection));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The statistics query on the columnar copy failed: " + e.getMessage(), e);
        } finally {
            lock.readLock().unlock();
            running.release();
        }
    }

    private void awaitGeneration(long at) {
        long until = System.nanoTime() + wait.toNanos();
        try {
            syncer.execute(this::syncQuietly);
        } catch (RejectedExecutionException stopping) {
            return;
        }
        synchronized (progress) {
            while (generation < at && failure == null) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    progress.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void syncQuietly() {
        if (stopped.get()) {
            return;
        }
        try {
            sync();
            failure = null;
        } catch (Exception e) {
            // the database may be down; the next run tries again, and questions go to PostgreSQL meanwhile
            if (failure == null) {
                LOG.warnf("Columnar copy: cannot follow PostgreSQL (%s); questions are answered from PostgreSQL", e.getMessage());
            }
            failure = e.getMessage() == null ? e.toString() : e.getMessage();
        } finally {
            synchronized (progress) {
                progress.notifyAll();
            }
        }
    }

    private synchronized void sync() throws SQLException, IOException {
        try (Connection pg = dataSource.getConnection()) {
            long current;
            try (Statement statement = pg.createStatement();
                 ResultSet rs = statement.executeQuery("select value from data_generation where id = 1")) {
                rs.next();
                current = rs.getLong(1);
            }
            if (current == generation) {
                return;
            }
            boolean autoCommit = pg.getAutoCommit();
            pg.setAutoCommit(false);
            pg.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                syncAt(pg);
            } finally {
                pg.rollback();
                pg.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                pg.setAutoCommit(autoCommit);
            }
        }
    }

    /** One sync inside PostgreSQL's repeatable-read transaction on {@code pg}. */
    private void syncAt(Connection pg) throws SQLException, IOException {
        long began = System.nanoTime();
        long target;
        Set<Long> releases = new HashSet<>();
        try (Statement statement = pg.createStatement()) {
            try (ResultSet rs = statement.executeQuery("select value from data_generation where id = 1")) {
                rs.next();
                target = rs.getLong(1);
            }
            try (ResultSet rs = statement.executeQuery("select id from data_release"
                    + " where kind = 'DETAINERS' and status = 'LOADED'")) {
                while (rs.next()) {
                    releases.add(rs.getLong(1));
                }
            }
        }
        Set<Long> gone = new HashSet<>(held.keySet());
        gone.removeAll(releases);
        // each release's rows: as held, or as copied now
        Map<Long, Long> loaded = new HashMap<>();
        long copiedRows = 0;
        Map<Long, SqlWhere.RowDays> days;
        Map<String, String> types = new HashMap<>(codedTypes);
        try (DuckDBConnection writer = (DuckDBConnection) duck.duplicate()) {
            writer.setAutoCommit(false);
            try (Statement statement = writer.createStatement()) {
                for (long release : gone) {
                    statement.execute("delete from " + TABLE + " where release_id = " + release);
                }
                // every new release staged first, so that a column whose type grows is converted once per sync
                List<Long> staged = new ArrayList<>();
                for (long release : releases) {
                    if (held.containsKey(release)) {
                        loaded.put(release, held.get(release));
                    } else {
                        long rows = copy(pg, statement, EXPORT + " where d.release_id = " + release, INCOMING, "");
                        loaded.put(release, rows);
                        copiedRows += rows;
                        staged.add(release);
                    }
                }
                if (!staged.isEmpty()) {
                    code(statement, types);
                    for (long release : staged) {
                        statement.execute("insert into " + TABLE + " select * from " + INCOMING + " where release_id = "
                                + release + " order by prepare_date");
                    }
                    statement.execute("delete from " + INCOMING);
                }
                copy(pg, statement, "select id, county_id, facility_id, method, status from place", "place_next", "");
                movedPlaces(statement);
                statement.execute("delete from place");
                statement.execute("insert into place select * from place_next");
                statement.execute("delete from place_next");
                statement.execute("delete from charge_category");
                copy(pg, statement, "select ncic_group, category from charge_category", "charge_category", "");
                days = check(statement, loaded);
            } catch (SQLException | IOException | RuntimeException e) {
                writer.rollback();
                throw e;
            }
            lock.writeLock().lock();
            try {
                writer.commit();
                held = Map.copyOf(loaded);
                codedTypes = Map.copyOf(types);
                rowDays = days;
                generation = target;
            } finally {
                lock.writeLock().unlock();
            }
        }
        LOG.infof("Columnar copy: at data generation %d, %d releases (%d rows copied, %d releases removed) in %d ms",
                target, loaded.size(), copiedRows, gone.size(), (System.nanoTime() - began) / 1_000_000);
    }

    /**
     * Gives each coded column a type that holds every value of the incoming rows: a column whose type lacks some gets
     * a new type with the old values and the new ones, and is converted to it in the copy (the old type is dropped).
     * {@code types} is the sync's own view of the column types, made the copy's at its commit.
     */
    private void code(Statement statement, Map<String, String> types) throws SQLException {
        // one scan of the incoming rows tells which columns bring values their type lacks
        StringBuilder lacking = new StringBuilder("select ");
        for (String column : CODED) {
            lacking.append(column.equals(CODED.get(0)) ? "" : ", ").append("bool_or(").append(lacks(column, types))
                    .append(")");
        }
        List<String> growing = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(lacking.append(" from ").append(INCOMING).toString())) {
            rs.next();
            for (int i = 0; i < CODED.size(); i++) {
                if (rs.getBoolean(i + 1)) {
                    growing.add(CODED.get(i));
                }
            }
        }
        for (String column : growing) {
            String type = types.get(column);
            String next = "coded_" + column + "_" + (++typesMade);
            statement.execute("create type " + next + " as enum (select v from ("
                    + (type == null ? "" : "select unnest(enum_range(null::" + type + "))::varchar as v union ")
                    + "select distinct " + column + " as v from " + INCOMING + " where " + lacks(column, types)
                    + ") order by v)");
            statement.execute("alter table " + TABLE + " alter column " + column + " set data type " + next);
            if (type != null) {
                statement.execute("drop type " + type);
            }
            types.put(column, next);
        }
    }

    /** Whether an incoming row's value of {@code column} is one its type in {@code types} lacks. */
    private static String lacks(String column, Map<String, String> types) {
        String type = types.get(column);
        return column + " is not null" + (type == null ? "" : " and try_cast(" + column + " as " + type + ") is null");
    }

    /**
     * Rewrites the place columns of the rows whose place changed between {@code place} (as the copy's rows hold it)
     * and {@code place_next} (as PostgreSQL has it now). Rows copied in this sync were read with the new places
     * already; a place new to the copy has only such rows.
     */
    private static void movedPlaces(Statement statement) throws SQLException {
        String moved = "select n.id from place_next n join place o on o.id = n.id where o.county_id is distinct from"
                + " n.county_id or o.facility_id is distinct from n.facility_id";
        try (ResultSet rs = statement.executeQuery("select count(*) from (" + moved + ")")) {
            rs.next();
            if (rs.getLong(1) == 0) {
                return;
            }
        }
        statement.execute("update " + TABLE + " d set place_county_id = n.county_id, place_facility_id = n.facility_id"
                + " from place_next n where n.id = d.place_id and d.place_id in (" + moved + ")");
    }

    /**
     * Copies what {@code select} reads from PostgreSQL into the copy's {@code table}, by way of a CSV file in the
     * copy's directory (deleted after); returns the rows copied.
     */
    private long copy(Connection pg, Statement duckStatement, String select, String table, String order)
            throws SQLException, IOException {
        Path csv = Files.createTempFile(directory, table, ".csv");
        try {
            long rows;
            try (Writer writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                rows = pg.unwrap(PGConnection.class).getCopyAPI()
                        .copyOut("copy (" + select + ") to stdout (format csv)", writer);
            }
            if (rows > 0) {
                // PostgreSQL writes NULL as an empty field and an empty text as "", which allow_quoted_nulls keeps apart
                duckStatement.execute("insert into " + table + " select * from read_csv('" + csv + "', header = false,"
                        + " allow_quoted_nulls = false, columns = " + columnsOf(duckStatement, table) + ")" + order);
            }
            return rows;
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /** The table's columns as read_csv's {@code columns} struct. */
    private static String columnsOf(Statement statement, String table) throws SQLException {
        StringBuilder columns = new StringBuilder("{");
        try (ResultSet rs = statement.executeQuery("select column_name, data_type from information_schema.columns"
                + " where table_name = '" + table + "' order by ordinal_position")) {
            while (rs.next()) {
                columns.append(columns.length() == 1 ? "" : ", ").append('\'').append(rs.getString(1)).append("': '")
                        .append(rs.getString(2)).append('\'');
            }
        }
        return columns.append('}').toString();
    }

    /**
     * Every release in the copy has exactly the rows PostgreSQL gave for it; returns the first and last prepare date
     * of each release's rows.
     */
    private static Map<Long, SqlWhere.RowDays> check(Statement statement, Map<Long, Long> loaded) throws SQLException {
        Map<Long, Long> counted = new HashMap<>();
        Map<Long, SqlWhere.RowDays> days = new HashMap<>();
        try (ResultSet rs = statement.executeQuery("select release_id, count(*), min(prepare_date),"
                + " max(prepare_date) from " + TABLE + " group by 1")) {
            while (rs.next()) {
                counted.put(rs.getLong(1), rs.getLong(2));
                if (rs.getObject(3) != null) {
                    days.put(rs.getLong(1), new SqlWhere.RowDays(rs.getDate(3).toLocalDate(),
                            rs.getDate(4).toLocalDate()));
                }
            }
        }
        loaded.forEach((release, rows) -> {
            if (counted.getOrDefault(release, 0L).longValue() != rows) {
                throw new IllegalStateException("release " + release + " has " + counted.getOrDefault(release, 0L)
                        + " rows in the columnar copy, " + rows + " in PostgreSQL");
            }
        });
        if (!loaded.keySet().containsAll(counted.keySet())) {
            throw new IllegalStateException("the columnar copy holds releases PostgreSQL does not: " + counted.keySet());
        }
        return Map.copyOf(days);
    }

    @PreDestroy
    void stop() {
        stopped.set(true);
        if (syncer != null) {
            syncer.shutdownNow();
            try {
                syncer.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lock.writeLock().lock();
        try {
            if (duck != null) {
                duck.close();
                duck = null;
            }
            generation = -1;
        } catch (SQLException e) {
            LOG.warnf("Columnar copy: closing DuckDB: %s", e.getMessage());
        } finally {
            lock.writeLock().unlock();
        }
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                LOG.warnf("Columnar copy: cannot remove %s: %s", directory, e.getMessage());
            }
        }
    }
}
