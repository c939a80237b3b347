package org.detainerlab.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.detainerlab.core.schema.SchemaMigrations;
import org.detainerlab.devstack.FreePort;
import org.detainerlab.devstack.KeycloakServer;
import org.detainerlab.devstack.PostgresServer;
import org.detainerlab.devstack.ProjectLayout;
import org.detainerlab.ingest.generate.Layout;
import org.detainerlab.ingest.generate.SyntheticReleases;
import org.detainerlab.ingest.load.IngestRequest;
import org.detainerlab.ingest.load.ProgressListener;
import org.detainerlab.ingest.load.ReleaseLoader;
import org.detainerlab.ingest.load.SourceMetadata;
import org.detainerlab.ingest.read.ReadLimits;
import org.detainerlab.ingest.report.Thresholds;
import org.postgresql.PGConnection;

/**
 * {@code ./detainerlab bench stats}: loads generated detainers (5,000,000 by default, in releases of 1,000,000; kept
 * for the next run in a database of that row count and generator version,
 * {@code .detainerlab/bench/stats-postgres-series-g<version>-<rows>}),
 * starts Keycloak and the built application, and puts 32 clients with real tokens on the grouped statistics (state x month, declined, full range). In the same run
 * it times the same aggregation as a plain SQL GROUP BY over the detainer table and in DuckDB over the same rows
 * exported to Parquet (and CSV), and prints the ratios as Markdown for docs/benchmarks.md. With {@code --mix cold}
 * the clients ask instead many distinct questions never asked before ({@link ColdMix}).
 */
final class StatsBenchmark {

    static final String QUERY = "groupBy=state,month&outcome=DECLINED";
    static final String GZIP = "gzip, deflate";
    static final String IDENTITY = "identity";
    private static final String SQL = "select state_id, date_trunc('month', prepare_date)::date as month, count(*)"
            + " from detainer where outcome = 'DECLINED' group by 1, 2";
    private static final String DUCK = "select state_id, date_trunc('month', prepare_date) as month, count(*)"
            + " from %s where outcome = 'DECLINED' group by all";
    private static final long PART = 1_000_000;
    private static final long MAX_PARTS = 5;
    private static final Pattern SERVER_TIMING = Pattern.compile("app;dur=([0-9.]+)");

    private final PrintStream out;

    StatsBenchmark(PrintStream out) {
        this.out = out;
    }

    /** Which questions the clients ask: one question again and again, or many never asked before. */
    enum Mix {
        WARM, COLD
    }

    void run(long rows, int clients, int seconds, Mix mix, int questions, Path workDir) throws Exception {
        ProjectLayout layout = ProjectLayout.locate();
        Path app = layout.root().resolve("api/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(app)) {
            throw new IllegalStateException(app + " is missing; run ./detainerlab build");
        }
        Files.createDirectories(workDir);
        List<AutoCloseable> running = new ArrayList<>();
        Thread stopOnInterrupt = new Thread(() -> closeAll(running));
        Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
        try {
            measureWith(layout, app, rows, clients, seconds, mix, questions, workDir, running);
        } finally {
            closeAll(running);
            Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
        }
    }

    /** Stops what the run started, newest first; also on Ctrl-C, so nothing outlives the benchmark. */
    private static synchronized void closeAll(List<AutoCloseable> running) {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.remove(i).close();
            } catch (Exception e) {
                System.err.println("Stopping: " + e.getMessage());
            }
        }
    }

    private void measureWith(ProjectLayout layout, Path app, long rows, int clients, int seconds, Mix mix,
                             int questions, Path workDir, List<AutoCloseable> running) throws Exception {
        PostgresServer postgres = PostgresServer.start(keptDatabase(workDir, rows), FreePort.find());
        running.add(postgres);
        load(postgres, rows, workDir);
        String keycloakPassword = UUID.randomUUID().toString();
        out.println("Starting Keycloak ...");
        KeycloakServer keycloak = KeycloakServer.start(layout.keycloakDistribution(), workDir,
                layout.realmFile(), FreePort.find(), KeycloakServer.Storage.IN_MEMORY, keycloakPassword,
                workDir.resolve("keycloak.log"));
        running.add(keycloak);
        int port = FreePort.find();
        Process application = startApplication(app, postgres, keycloak, port, false, workDir.resolve("application.log"));
        running.add(() -> {
            application.destroy();
            if (!application.waitFor(20, TimeUnit.SECONDS)) {
                application.destroyForcibly();
            }
        });
        String base = "http://localhost:" + port;
        awaitReady(base, application);
        Callable<List<String>> freshTokens = () -> {
            List<String> fresh = new ArrayList<>();
            for (String user : List.of("alice", "bob", "carol", "dave")) {
                fresh.add(token(keycloak, user));
            }
            return fresh;
        };
        if (mix == Mix.COLD) {
            new ColdMix(out).measure(postgres, base, freshTokens, clients, questions, rows, workDir, application.toHandle());
        } else {
            // the copy is made in the background after the start; measured once it is made, the repeated questions
            // are measured on an application at rest rather than beside the copy being made
            ColdMix.awaitColumnarCopy(out, HttpClient.newHttpClient(), base, freshTokens.call().get(ColdMix.ADMIN));
            List<String> tokens = freshTokens.call();
            measure(postgres, base, tokens, clients, seconds, rows, workDir, application.toHandle());
        }
    }

    /**
     * One database per row count, so a run with another count never adds its releases to (and overlaps) these; and
     * per generator version, so rows generated before a change to the generator are not measured as its rows.
     */
    static Path keptDatabase(Path workDir, long rows) {
        return workDir.resolve("stats-postgres-series-g" + SyntheticReleases.VERSION + "-" + rows);
    }

    /** Loads the generated releases that the kept database does not hold yet. */
    private void load(PostgresServer postgres, long rows, Path workDir) throws Exception {
        SchemaMigrations.apply(DriverManager.getConnection(postgres.jdbcUrl(), PostgresServer.USER, ""));
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), PostgresServer.USER, "")) {
            // up to five parts of at least 1,000,000 rows, so that more rows make each fiscal year denser (20,000,000
            // rows: five parts of 4,000,000 over FY2012-2026) rather than reaching back before the first prepare dates
            long partSize = Math.max(PART, (rows + MAX_PARTS - 1) / MAX_PARTS);
            long parts = (rows + partSize - 1) / partSize;
            ReleaseLoader loader = new ReleaseLoader(() -> DriverManager.getConnection(postgres.jdbcUrl(),
                    PostgresServer.USER, ""), ReadLimits.DEFAULT, Clock.systemUTC());
            for (long part = 1; part <= parts; part++) {
                // the parts follow one another (the last one FY2024-2026, each earlier one three years before), so the
                // release series holds every row and a default question reads all of them
                int firstFiscalYear = 2024 - 3 * (int) (parts - part);
                String title = "Bench stats part " + part + " of " + parts + ", FY" + firstFiscalYear + "-"
                        + (firstFiscalYear + 2);
                if (count(connection, "select count(*) from data_release where title = '" + title + "'") > 0) {
                    continue;
                }
                long partRows = Math.min(partSize, rows - (part - 1) * partSize);
                Path csv = workDir.resolve("bench-stats-" + part + ".csv");
                out.printf("Generating and loading %s (%,d rows) ...%n", title, partRows);
                SyntheticReleases.write(Layout.ICE_MODERN_CSV, partRows, 1000 + part, csv, firstFiscalYear);
                long started = System.nanoTime();
                loader.ingest(csv, new IngestRequest(SourceMetadata.titled(title), null, Thresholds.DEFAULT, "bench"),
                        ProgressListener.NONE);
                out.printf(Locale.ROOT, "  loaded in %.1f s%n", (System.nanoTime() - started) / 1e9);
                Files.delete(csv);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("vacuum analyze");
            }
            long loaded = count(connection, "select count(*) from detainer");
            if (loaded != rows) {
                throw new IllegalStateException("The kept database holds " + loaded + " detainers, not " + rows
                        + "; remove " + keptDatabase(workDir, rows) + " and run again");
            }
            out.printf("%,d detainers loaded in %,d releases; %,d rollup rows%n", loaded,
                    count(connection, "select count(*) from data_release where kind = 'DETAINERS'"),
                    count(connection, "select count(*) from detainer_rollup"));
        }
    }

    /** Starts the built application on {@code port}; {@code worker}: whether it runs ingest jobs. */
    static Process startApplication(Path jar, PostgresServer postgres, KeycloakServer keycloak, int port,
                                    boolean worker, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString());
        Map<String, String> env = builder.environment();
        env.put("DETAINERLAB_HTTP_PORT", Integer.toString(port));
        env.put("DETAINERLAB_DB_URL", postgres.jdbcUrl());
        env.put("DETAINERLAB_DB_USER", PostgresServer.USER);
        env.put("DETAINERLAB_DB_PASSWORD", "");
        env.put("DETAINERLAB_OIDC_URL", keycloak.issuer());
        env.put("DETAINERLAB_INGEST_WORKER", Boolean.toString(worker));
        return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static void awaitReady(String base, Process application) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (!application.isAlive()) {
                throw new IllegalStateException("The application stopped; see .detainerlab/bench/application.log");
            }
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The application did not become ready within 2 minutes");
    }

    static String token(KeycloakServer keycloak, String user) throws Exception {
        String form = "grant_type=password&client_id=detainerlab-cli&username=" + user + "&password="
                + URLEncoder.encode(user, StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(keycloak.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
        if (!token.find()) {
            throw new IllegalStateException("No token for " + user + ": " + response.body());
        }
        return token.group(1);
    }

    /** Latencies of one phase, in milliseconds, as the clients saw them and as the server reported them. */
    private record Phase(long requests, long errors, double seconds, double[] client, double[] server) {
        double perSecond() {
            return requests / seconds;
        }
    }

    private void measure(PostgresServer postgres, String base, List<String> tokens, int clients, int seconds,
                         long rows, Path workDir, ProcessHandle application) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        URI uri = URI.create(base + "/api/v1/stats/detainers?" + QUERY);

        out.println("First answers (each a question not asked before, so computed, not cached):");
        List<String[]> firsts = new ArrayList<>();
        for (String query : List.of(QUERY + "&fiscalYear=2024", QUERY + "&fiscalYear=2025", QUERY + "&fiscalYear=2026",
                QUERY, QUERY + "&from=2023-10-02")) {
            HttpResponse<byte[]> response = get(http, URI.create(base + "/api/v1/stats/detainers?" + query), tokens.get(0));
            String source = new String(response.body(), StandardCharsets.UTF_8).replaceAll("(?s).*\"source\":\"([^\"]+)\".*", "$1");
            firsts.add(new String[] {query, Integer.toString(response.statusCode()),
                    String.format(Locale.ROOT, "%.1f", serverMillis(response)), source});
        }

        out.println("The release series against the same questions naming every release (no series), each new:");
        String named = "&release=" + String.join(",", releaseIds(postgres));
        get(http, URI.create(base + "/api/v1/stats/detainers?groupBy=outcome&fiscalYear=2020"), tokens.get(0));
        List<double[]> pairs = new ArrayList<>();
        List<String> pairQueries = List.of("groupBy=state,month&outcome=LIFTED&fiscalYear=2023",
                "groupBy=state,month&outcome=LIFTED&fiscalYear=2019", "groupBy=state,month&outcome=LIFTED",
                "groupBy=state,fiscalYear&outcome=UNKNOWN", "groupBy=month&outcome=ICE_CUSTODY",
                "groupBy=state,outcome&fiscalYear=2016");
        for (int i = 0; i < pairQueries.size(); i++) {
            String query = pairQueries.get(i);
            URI series = URI.create(base + "/api/v1/stats/detainers?" + query);
            URI releases = URI.create(base + "/api/v1/stats/detainers?" + query + named);
            // alternate which goes first, so neither always finds the other's pages in the buffer cache
            double seriesMs;
            double namedMs;
            if (i % 2 == 0) {
                seriesMs = serverMillis(get(http, series, tokens.get(0)));
                namedMs = serverMillis(get(http, releases, tokens.get(0)));
            } else {
                namedMs = serverMillis(get(http, releases, tokens.get(0)));
                seriesMs = serverMillis(get(http, series, tokens.get(0)));
            }
            pairs.add(new double[] {seriesMs, namedMs});
        }

        out.printf("Warm-up: %d clients for 10 s ...%n", clients);
        load(http, uri, tokens, GZIP, clients, 10);
        // as browsers, R's httr and Python's requests ask; the baseline in the same run asks for the bytes as they are
        out.printf("Measuring: %d clients for %d s, Accept-Encoding: %s ...%n", clients, seconds, GZIP);
        Measured phase = measured(http, uri, tokens, GZIP, clients, seconds, application);
        out.printf("Baseline: %d clients for %d s, Accept-Encoding: %s ...%n", clients, seconds, IDENTITY);
        Measured identity = measured(http, uri, tokens, IDENTITY, clients, seconds, application);

        double sqlMedian = sqlMedian(postgres);
        double[] duck = duckMedians(postgres, workDir);

        Runtime runtime = Runtime.getRuntime();
        out.println();
        out.printf("%s, %d cores, %s %s, PostgreSQL 17 (embedded), %,d detainers%n", LocalDate.now(),
                runtime.availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"), rows);
        out.println();
        out.println("First answers (server time, ms):");
        out.println();
        out.println("| query | status | server ms | answered from |");
        out.println("|---|---:|---:|---|");
        for (String[] first : firsts) {
            out.printf("| `%s` | %s | %s | %s |%n", first[0], first[1], first[2], first[3]);
        }
        out.println();
        out.println("The release series against naming every release (first answers, server ms):");
        out.println();
        out.println("| query | series | every release named |");
        out.println("|---|---:|---:|");
        for (int i = 0; i < pairs.size(); i++) {
            out.printf(Locale.ROOT, "| `%s` | %.1f | %.1f |%n", pairQueries.get(i), pairs.get(i)[0], pairs.get(i)[1]);
        }
        double seriesMedian = median(pairs.stream().mapToDouble(p -> p[0]).toArray());
        double namedMedian = median(pairs.stream().mapToDouble(p -> p[1]).toArray());
        out.printf(Locale.ROOT, "RESULT stats-series series_median_ms=%.1f named_median_ms=%.1f ratio=%.2f%n",
                seriesMedian, namedMedian, seriesMedian / namedMedian);
        out.println();
        out.printf("Load: `GET /api/v1/stats/detainers?%s`, %d clients, %d s each%n", QUERY, clients, seconds);
        out.println();
        out.printf("| measure | Accept-Encoding: %s | baseline, %s |%n", GZIP, IDENTITY);
        out.println("|---|---:|---:|");
        out.printf(Locale.ROOT, "| requests | %,d | %,d |%n", phase.load().requests(), identity.load().requests());
        out.printf(Locale.ROOT, "| errors | %,d | %,d |%n", phase.load().errors(), identity.load().errors());
        out.printf(Locale.ROOT, "| requests/s | %,.0f | %,.0f |%n", phase.load().perSecond(), identity.load().perSecond());
        out.printf(Locale.ROOT, "| server p50 / p95 / p99 ms | %s | %s |%n", phase.percentiles(true),
                identity.percentiles(true));
        out.printf(Locale.ROOT, "| client p50 / p95 / p99 ms | %s | %s |%n", phase.percentiles(false),
                identity.percentiles(false));
        out.printf(Locale.ROOT, "| answer size bytes (as sent) | %,d | %,d |%n", phase.answerBytes(),
                identity.answerBytes());
        out.printf(Locale.ROOT, "| application CPU per request ms | %.3f | %.3f |%n", phase.cpuMs(), identity.cpuMs());
        out.printf(Locale.ROOT, "| load generator CPU per request ms | %.3f | %.3f |%n", phase.clientCpuMs(),
                identity.clientCpuMs());
        out.println();
        out.println("The same aggregation elsewhere, in the same run (median of repeated runs, ms):");
        out.println();
        double apiP95 = pct(phase.load().server(), 95);
        out.println("| engine | median ms | API server p95 / this |");
        out.println("|---|---:|---:|");
        out.printf(Locale.ROOT, "| PostgreSQL, plain GROUP BY over the detainer table | %.1f | %.4f |%n", sqlMedian,
                apiP95 / sqlMedian);
        String duckdb = duckVersion();
        out.printf(Locale.ROOT, "| DuckDB %s over Parquet | %.1f | %.4f |%n", duckdb, duck[0], apiP95 / duck[0]);
        out.printf(Locale.ROOT, "| DuckDB %s over CSV | %.1f | %.4f |%n", duckdb, duck[1], apiP95 / duck[1]);
        out.println();
        boolean met = apiP95 <= 50 && phase.load().perSecond() >= 1000 && phase.load().errors() == 0
                && apiP95 < duck[0];
        out.println(met ? "Targets met: server p95 <= 50 ms, >= 1,000 requests/s, no errors, p95 below DuckDB's median."
                : "Targets NOT met (server p95 <= 50 ms, >= 1,000 requests/s, no errors, p95 below DuckDB's median).");
        // One line that scripts and the "done when" can read without parsing the tables above.
        out.printf(Locale.ROOT, "RESULT stats-warm rps=%.0f server_p95_ms=%.2f errors=%d cpu_ms_per_request=%.3f"
                + " client_cpu_ms_per_request=%.3f answer_bytes=%d identity_rps=%.0f identity_answer_bytes=%d%n",
                phase.load().perSecond(), apiP95, phase.load().errors(), phase.cpuMs(), phase.clientCpuMs(),
                phase.answerBytes(), identity.load().perSecond(), identity.answerBytes());
    }

    /** One measured load: latencies, the answer's size as sent, and CPU per request of the application and of us. */
    private record Measured(Phase load, int answerBytes, double cpuMs, double clientCpuMs) {

        String percentiles(boolean server) {
            double[] sorted = server ? load.server() : load.client();
            return String.format(Locale.ROOT, "%.2f / %.2f / %.2f", pct(sorted, 50), pct(sorted, 95), pct(sorted, 99));
        }
    }

    // CPU per request depends far less on what else the machine runs than requests per second do; the load
    // generator shares the cores, so its own CPU per request says how much of the machine it takes
    private static Measured measured(HttpClient http, URI uri, List<String> tokens, String acceptEncoding, int clients,
                                     int seconds, ProcessHandle application) throws Exception {
        int answerBytes = get(http, uri, tokens.get(0), acceptEncoding).body().length;
        Duration cpuBefore = cpu(application);
        Duration clientCpuBefore = cpu(ProcessHandle.current());
        Phase phase = load(http, uri, tokens, acceptEncoding, clients, seconds);
        long requests = Math.max(1, phase.requests());
        return new Measured(phase, answerBytes, cpu(application).minus(cpuBefore).toNanos() / 1e6 / requests,
                cpu(ProcessHandle.current()).minus(clientCpuBefore).toNanos() / 1e6 / requests);
    }

    static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElseThrow(
                () -> new IllegalStateException("This system does not report the application's CPU time"));
    }

    /** The loaded detainer releases' ids, to name them all in a question that then reads no series. */
    private static List<String> releaseIds(PostgresServer postgres) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), PostgresServer.USER, "");
             ResultSet rs = connection.createStatement().executeQuery("select id from data_release"
                     + " where kind = 'DETAINERS' and status = 'LOADED' and withdrawn_at is null order by id")) {
            while (rs.next()) {
                ids.add(Long.toString(rs.getLong(1)));
            }
        }
        return ids;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static HttpResponse<byte[]> get(HttpClient http, URI uri, String token) throws Exception {
        return get(http, uri, token, IDENTITY);
    }

    /** With the Accept-Encoding given; the body stays as sent (the load generator does not inflate gzip). */
    static HttpResponse<byte[]> get(HttpClient http, URI uri, String token, String acceptEncoding) throws Exception {
        return http.send(request(uri, token, acceptEncoding).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Uncompressed, giving up (HttpTimeoutException) when no answer came in {@code timeout}. */
    static HttpResponse<byte[]> get(HttpClient http, URI uri, String token, Duration timeout) throws Exception {
        return http.send(request(uri, token, IDENTITY).timeout(timeout).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpRequest.Builder request(URI uri, String token, String acceptEncoding) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("Accept-Encoding", acceptEncoding);
    }

    static double serverMillis(HttpResponse<?> response) {
        Matcher m = SERVER_TIMING.matcher(response.headers().firstValue("Server-Timing").orElse(""));
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /** Latencies of one client thread, growing as needed. */
    private static final class Samples {
        private double[] client = new double[4096];
        private double[] server = new double[4096];
        private int size;

        void add(double clientMillis, double serverMillis) {
            if (size == client.length) {
                client = Arrays.copyOf(client, size * 2);
                server = Arrays.copyOf(server, size * 2);
            }
            client[size] = clientMillis;
            server[size++] = serverMillis;
        }
    }

    private static Phase load(HttpClient http, URI uri, List<String> tokens, String acceptEncoding, int clients,
                              int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong errors = new AtomicLong();
        List<Samples> samples = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Samples mine = new Samples();
            samples.add(mine);
            String token = tokens.get(c % tokens.size());
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = get(http, uri, token, acceptEncoding);
                        if (response.statusCode() != 200 || response.body().length == 0) {
                            errors.incrementAndGet();
                        }
                        mine.add((System.nanoTime() - t0) / 1e6, serverMillis(response));
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        int total = samples.stream().mapToInt(s -> s.size).sum();
        double[] client = new double[total];
        double[] server = new double[total];
        int at = 0;
        for (Samples s : samples) {
            System.arraycopy(s.client, 0, client, at, s.size);
            System.arraycopy(s.server, 0, server, at, s.size);
            at += s.size;
        }
        Arrays.sort(client);
        Arrays.sort(server);
        return new Phase(total, errors.get(), elapsed, client, server);
    }

    static double pct(double[] sorted, int percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    private double sqlMedian(PostgresServer postgres) throws Exception {
        out.println("PostgreSQL GROUP BY over the detainer table ...");
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), PostgresServer.USER, "");
             Statement statement = connection.createStatement()) {
            return median(5, () -> drain(statement.executeQuery(SQL)));
        }
    }

    /** Exports the rows with COPY, converts them to Parquet in DuckDB, and times the query over both files. */
    /** The version of the DuckDB the baselines run on, as DuckDB reports it. */
    static String duckVersion() throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement();
             ResultSet rs = statement.executeQuery("select version()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private double[] duckMedians(PostgresServer postgres, Path workDir) throws Exception {
        Path csv = workDir.resolve("bench-stats-export.csv");
        Path parquet = workDir.resolve("bench-stats-export.parquet");
        out.println("Exporting the detainer rows for DuckDB ...");
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), PostgresServer.USER, "");
             Writer writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyOut("copy (select release_id, source_sheet,"
                    + " source_row, prepare_date, detainer_type, facility_raw, state_raw, state_id, outcome, criminality,"
                    + " likely_duplicate from detainer) to stdout (format csv, header true)", writer);
        }
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement()) {
            Files.deleteIfExists(parquet);
            statement.execute("copy (select * from read_csv('" + csv + "')) to '" + parquet + "' (format parquet)");
            out.println("DuckDB over Parquet and CSV ...");
            double overParquet = median(10, () -> drain(statement.executeQuery(String.format(DUCK,
                    "read_parquet('" + parquet + "')"))));
            double overCsv = median(3, () -> drain(statement.executeQuery(String.format(DUCK,
                    "read_csv('" + csv + "')"))));
            return new double[] {overParquet, overCsv};
        } finally {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(parquet);
        }
    }

    @FunctionalInterface
    private interface Query {
        void run() throws Exception;
    }

    /** Median wall time of {@code runs} runs after one unmeasured warm-up run, in milliseconds. */
    private static double median(int runs, Query query) throws Exception {
        query.run();
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            query.run();
            times[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(times);
        return times[runs / 2];
    }

    private static void drain(ResultSet rows) throws Exception {
        try (rows) {
            while (rows.next()) {
                rows.getObject(1);
            }
        }
    }

    private static long count(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
