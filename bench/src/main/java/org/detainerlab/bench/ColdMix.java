package org.detainerlab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

import org.detainerlab.devstack.PostgresServer;

/**
 * {@code bench stats --mix cold}: questions never asked before, each once, from several clients, against DuckDB
 * answering the same questions over the same rows in Parquet. The application was started for this run, so its
 * answer cache holds none of them; the one question asked before the mix (to learn the policies' in-force days for
 * DuckDB) is not among them.
 */
final class ColdMix {

    static final String PROVISION = "DECLINES_DETAINER_HOLDS";
    private static final long SEED = 17;
    /** How long a client waits for one answer before it counts the question as timed out. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** The status recorded for a question whose answer did not come within {@link #TIMEOUT}. */
    private static final int TIMED_OUT = -2;
    /** Every this many questions, all groups and counts (not only the totals) are compared with DuckDB's. */
    private static final int SAMPLE_EVERY = 10;

    /** What one question cost: API server and client time, DuckDB's time, and whether the totals agreed. */
    private static final class Asked {
        final ColdQuestions.Question question;
        double serverMs = Double.NaN;
        double clientMs = Double.NaN;
        int status;
        byte[] body;
        long apiTotal = -1;
        String source = "";
        double duckMs = Double.NaN;
        long duckTotal = -1;
        /** The API's groups, kept for the sampled questions only. */
        Map<List<String>, Long> apiGroups;
        boolean groupsDiffer;

        Asked(ColdQuestions.Question question) {
            this.question = question;
        }
    }

    /** The administrator among the bench's tokens (alice, bob, carol, dave). */
    static final int ADMIN = 3;

    private final PrintStream out;
    private double copyReadySeconds;
    /** CPU per question while the clients asked: the application's, and this process's (the clients'). */
    private double cpuMs;
    private double clientCpuMs;

    ColdMix(PrintStream out) {
        this.out = out;
    }

    /**
     * {@code freshTokens}: the users' tokens (alice, bob, carol, dave), asked for anew, so that a copy made over
     * minutes (20,000,000 rows) does not leave the clients with tokens that expire while they ask.
     */
    void measure(PostgresServer postgres, String base, Callable<List<String>> freshTokens, int clients, int count, long rows,
                 Path workDir, ProcessHandle application) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        copyReadySeconds = awaitColumnarCopy(out, http, base, freshTokens.call().get(ADMIN));
        List<String> tokens = freshTokens.call();
        // excludeLikelyDuplicates is never drawn, so this question is not one of the mix
        HttpResponse<byte[]> policies = StatsBenchmark.get(http, URI.create(base
                + "/api/v1/stats/detainers?groupBy=policyRegime&provision=" + PROVISION + "&excludeLikelyDuplicates=true"),
                tokens.get(0));
        if (policies.statusCode() != 200) {
            throw new IllegalStateException("The policy regime question answered " + policies.statusCode());
        }
        List<Asked> asked = new ArrayList<>();
        Path parquet = workDir.resolve("bench-cold-export.parquet");
        try (Connection pg = DriverManager.getConnection(postgres.jdbcUrl(), PostgresServer.USER, "")) {
            String policiesJson = new String(policies.body(), StandardCharsets.UTF_8);
            // the questions read the release series, so DuckDB gets exactly the rows the series holds
            String series = DuckMirror.seriesCondition(pg, policiesJson);
            ColdQuestions.Catalog catalog = DuckMirror.catalog(pg, series, PROVISION);
            List<DuckMirror.Span> spans = DuckMirror.spans(pg, policiesJson);
            for (ColdQuestions.Question question : ColdQuestions.draw(catalog, count, SEED)) {
                asked.add(new Asked(question));
            }
            out.printf("Asking %d distinct questions (%d shapes) from %d clients ...%n", asked.size(),
                    ColdQuestions.shapes().size(), clients);
            long started = System.nanoTime();
            Duration cpuBefore = StatsBenchmark.cpu(application);
            Duration clientCpuBefore = StatsBenchmark.cpu(ProcessHandle.current());
            ask(http, base, tokens, clients, asked);
            double apiSeconds = (System.nanoTime() - started) / 1e9;
            cpuMs = StatsBenchmark.cpu(application).minus(cpuBefore).toNanos() / 1e6 / asked.size();
            clientCpuMs = StatsBenchmark.cpu(ProcessHandle.current()).minus(clientCpuBefore).toNanos() / 1e6 / asked.size();
            out.printf(Locale.ROOT, "  %.1f s; CPU per question: the application %.1f ms, the clients %.1f ms"
                    + " (on the same cores)%n", apiSeconds, cpuMs, clientCpuMs);
            readAnswers(asked);

            out.println("Exporting the rows to Parquet for DuckDB ...");
            try (DuckMirror duck = DuckMirror.export(pg, series, parquet, spans)) {
                out.println("DuckDB answers the same questions, one after another ...");
                duck.answer(asked.get(0).question);
                for (Asked a : asked) {
                    long t0 = System.nanoTime();
                    Map<List<String>, Long> groups = duck.answer(a.question);
                    a.duckMs = (System.nanoTime() - t0) / 1e6;
                    a.duckTotal = groups.values().stream().mapToLong(Long::longValue).sum();
                    a.groupsDiffer = a.apiGroups != null && !a.apiGroups.equals(groups);
                }
            } finally {
                Files.deleteIfExists(parquet);
            }
        }
        report(asked, clients, rows);
    }

    /**
     * Waits until the application's columnar copy of the rows has reached the data generation (the administrator's
     * status shows both), so that the questions measure the platform as it answers once it has started; returns the
     * seconds waited, which is what a restart costs before the copy answers (PostgreSQL answers meanwhile).
     */
    static double awaitColumnarCopy(PrintStream out, HttpClient http, String base, String adminToken)
            throws Exception {
        long started = System.nanoTime();
        ObjectMapper json = new ObjectMapper();
        while (true) {
            HttpResponse<byte[]> response = StatsBenchmark.get(http, URI.create(base + "/api/v1/admin/system"), adminToken);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The system status answered " + response.statusCode());
            }
            JsonNode status = json.readTree(response.body()).path("status");
            double waited = (System.nanoTime() - started) / 1e9;
            if (status.path("columnarGeneration").asLong(-1) == status.path("dataGeneration").asLong()) {
                out.printf(Locale.ROOT, "Columnar copy at data generation %d after %.1f s%n",
                        status.path("dataGeneration").asLong(), waited);
                return waited;
            }
            if (waited > 3_600) {
                throw new IllegalStateException("The columnar copy did not reach the data generation in an hour: "
                        + status);
            }
            Thread.sleep(500);
        }
    }

    /** The clients take the questions in turn from one list, so each is asked exactly once. */
    private static void ask(HttpClient http, String base, List<String> tokens, int clients, List<Asked> asked)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String token = tokens.get(c % tokens.size());
            Thread thread = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < asked.size(); i = next.getAndIncrement()) {
                    Asked a = asked.get(i);
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = StatsBenchmark.get(http,
                                URI.create(base + "/api/v1/stats/detainers?" + a.question.query()), token, TIMEOUT);
                        a.clientMs = (System.nanoTime() - t0) / 1e6;
                        a.serverMs = StatsBenchmark.serverMillis(response);
                        a.status = response.statusCode();
                        a.body = response.body();
                    } catch (HttpTimeoutException e) {
                        a.clientMs = (System.nanoTime() - t0) / 1e6;
                        // counted at the timeout in the percentiles, so that giving up does not make them faster
                        a.serverMs = TIMEOUT.toMillis();
                        a.status = TIMED_OUT;
                    } catch (Exception e) {
                        a.clientMs = (System.nanoTime() - t0) / 1e6;
                        a.status = -1;
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static void readAnswers(List<Asked> asked) throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < asked.size(); i++) {
            Asked a = asked.get(i);
            if (a.status == 200) {
                JsonNode answer = json.readTree(a.body);
                a.apiTotal = answer.path("total").asLong(-1);
                a.source = answer.path("provenance").path("source").asText("");
                if (i % SAMPLE_EVERY == 0) {
                    a.apiGroups = DuckMirror.apiGroups(answer, a.question.groupBy());
                }
            }
            a.body = null;
        }
    }

    private void report(List<Asked> asked, int clients, long rows) {
        Runtime runtime = Runtime.getRuntime();
        out.println();
        out.printf("%s, %d cores, %s %s, PostgreSQL 17 (embedded), %,d detainers; %d distinct questions, %d clients%n",
                LocalDate.now(), runtime.availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), rows, asked.size(), clients);
        out.println();
        out.println("Each question asked once (server ms from Server-Timing, client ms as the client waited;"
                + " DuckDB over Parquet, one question at a time):");
        out.println();
        out.println("| shape | questions | API server p50 / p95 / p99 | API client p50 / p95 / p99 | DuckDB p50 / p95 |");
        out.println("|---|---:|---:|---:|---:|");
        Map<String, List<Asked>> byShape = new LinkedHashMap<>();
        for (String shape : ColdQuestions.shapes()) {
            byShape.put(shape, new ArrayList<>());
        }
        asked.forEach(a -> byShape.get(a.question.shape()).add(a));
        byShape.forEach((shape, of) -> row(shape, of));
        row("**all**", asked);
        out.println();
        long timedOut = asked.stream().filter(a -> a.status == TIMED_OUT).count();
        Map<Integer, Integer> errors = new TreeMap<>();
        asked.stream().filter(a -> a.status != 200 && a.status != TIMED_OUT)
                .forEach(a -> errors.merge(a.status, 1, Integer::sum));
        long differ = asked.stream().filter(a -> a.status == 200 && a.apiTotal != a.duckTotal).count();
        long sampled = asked.stream().filter(a -> a.apiGroups != null).count();
        long groupsDiffer = asked.stream().filter(a -> a.groupsDiffer).count();
        Map<String, Integer> sources = new TreeMap<>();
        // which months the rows counted differs from question to question; the tables are what the tally is about
        asked.forEach(a -> sources.merge(a.source.isEmpty() ? "(no answer)"
                : a.source.replaceAll(" for \\[[^\\]]*\\]", " for split months"), 1, Integer::sum));
        out.printf("Timed out (no answer in %d s, counted at that time as server time): %d. Other errors by status (-1: no response): %s.%n",
                TIMEOUT.toSeconds(), timedOut, errors);
        out.printf("Totals differing between the API and DuckDB: %d of %d answered; every group and count compared for"
                + " %d sampled answers: %d differ.%n", differ, asked.stream().filter(a -> a.status == 200).count(),
                sampled, groupsDiffer);
        out.printf("Answered from: %s%n", sources);
        asked.stream().filter(a -> a.status != 200 || a.apiTotal != a.duckTotal || a.groupsDiffer).limit(10)
                .forEach(a -> out.printf("  %s: status %d, API total %d, DuckDB total %d%s%n", a.question.query(),
                        a.status, a.apiTotal, a.duckTotal, a.groupsDiffer ? ", groups differ" : ""));
        asked.stream().sorted((x, y) -> Double.compare(y.serverMs, x.serverMs)).limit(5).forEach(a -> out.printf(
                Locale.ROOT, "  slowest: %.1f ms from %s: %s%n", a.serverMs, a.source, a.question.query()));
        double[] server = sorted(asked, a -> a.serverMs);
        double[] duck = sorted(asked, a -> a.duckMs);
        double apiP50 = StatsBenchmark.pct(server, 50);
        double apiP95 = StatsBenchmark.pct(server, 95);
        double duckMedian = StatsBenchmark.median(duck);
        out.println();
        out.printf(Locale.ROOT, "RESULT stats-cold questions=%d api_p50_ms=%.1f api_p95_ms=%.1f duckdb_median_ms=%.1f"
                + " ratio=%.2f copy_ready_s=%.1f cpu_ms_per_question=%.1f client_cpu_ms_per_question=%.1f%n",
                asked.size(), apiP50, apiP95, duckMedian, apiP95 / duckMedian, copyReadySeconds, cpuMs, clientCpuMs);
    }

    private void row(String shape, List<Asked> of) {
        if (of.isEmpty()) {
            out.printf("| %s | 0 | | | |%n", shape);
            return;
        }
        double[] server = sorted(of, a -> a.serverMs);
        double[] client = sorted(of, a -> a.clientMs);
        double[] duck = sorted(of, a -> a.duckMs);
        out.printf(Locale.ROOT, "| %s | %d | %.1f / %.1f / %.1f | %.1f / %.1f / %.1f | %.1f / %.1f |%n", shape,
                of.size(), StatsBenchmark.pct(server, 50), StatsBenchmark.pct(server, 95), StatsBenchmark.pct(server, 99),
                StatsBenchmark.pct(client, 50), StatsBenchmark.pct(client, 95), StatsBenchmark.pct(client, 99),
                StatsBenchmark.pct(duck, 50), StatsBenchmark.pct(duck, 95));
    }

    private static double[] sorted(List<Asked> asked, ToDoubleFunction<Asked> value) {
        double[] values = asked.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).toArray();
        Arrays.sort(values);
        return values;
    }
}
