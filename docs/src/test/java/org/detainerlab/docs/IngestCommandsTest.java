package org.detainerlab.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.detainerlab.core.schema.SchemaMigrations;
import org.detainerlab.devstack.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's data commands: ./detainerlab generate and ./detainerlab ingest, against a real PostgreSQL. */
class IngestCommandsTest {

    private static PostgresServer database;

    @TempDir
    Path dir;

    record Result(int exitCode, String output) {
    }

    @BeforeAll
    static void start() throws Exception {
        database = PostgresServer.startEphemeral();
        SchemaMigrations.apply(DriverManager.getConnection(database.jdbcUrl(), PostgresServer.USER, ""));
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    private Result launcher(Map<String, String> env, String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = DocsTest.ROOT.resolve("detainerlab").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).directory(DocsTest.ROOT.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("DETAINERLAB_"));
        builder.environment().put("DETAINERLAB_SKIP_BUILD", "1");
        builder.environment().put("DETAINERLAB_STATE_DIR", dir.resolve("state").toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private Result launcher(String... args) throws Exception {
        return launcher(Map.of("DETAINERLAB_DB_URL", database.jdbcUrl(), "DETAINERLAB_DB_USER", PostgresServer.USER), args);
    }

    @Test
    void generateThenIngestLoadsTheReleaseOnceAndWritesItsReport() throws Exception {
        Path file = dir.resolve("demo.csv");
        Result generated = launcher("generate", "--rows", "2500", "--layout", "ddp-csv", "--out", file.toString(), "--seed", "5");
        assertThat(generated.exitCode()).as(generated.output()).isZero();
        assertThat(generated.output()).contains("Wrote 2,500 synthetic rows (ddp-csv)");

        Result ingested = launcher("ingest", file.toString(), "--title", "Demo release", "--foia", "DEMO-1");
        assertThat(ingested.exitCode()).as(ingested.output()).isZero();
        assertThat(ingested.output()).containsPattern("Loaded demo.csv as release \\d+ \\(profile ddp\\)")
                .contains("rows read 2,500, loaded 2,500, rejected 0").contains("report: ");
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), PostgresServer.USER, "");
             ResultSet release = connection.createStatement().executeQuery(
                     "select count(*), min(title), min(foia_number), sum(rows_loaded) from data_release where title = 'Demo release'")) {
            release.next();
            assertThat(release.getInt(1)).isEqualTo(1);
            assertThat(release.getString(3)).isEqualTo("DEMO-1");
            assertThat(release.getLong(4)).isEqualTo(2_500);
        }
        try (var reports = Files.list(dir.resolve("state/reports"))) {
            assertThat(reports.toList()).singleElement()
                    .satisfies(report -> assertThat(Files.readString(report)).contains("\"rowsRead\" : 2500"));
        }

        Result again = launcher("ingest", file.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.output()).contains("was already loaded as release").contains("nothing changed");
    }

    @Test
    void aBadFileFailsNamingWhereAndLoadsNothing() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.csv"), "detainer_prepare_date,facility_state,detention_facility,"
                + "detainer_lift_reason\n2024-01-02,TEXAS,\"JAIL,Detainer Declined by LEA\n");
        Result result = launcher("ingest", file.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("failed, nothing was loaded").contains("broken.csv").contains("row 2");
    }

    @Test
    void killingAnIngestMidWayLeavesNoTrace() throws Exception {
        Path file = dir.resolve("big.csv");
        assertThat(launcher("generate", "--rows", "600000", "--layout", "ice-modern-csv", "--out", file.toString())
                .exitCode()).isZero();
        long releasesBefore = count("select count(*) from data_release");
        ProcessBuilder builder = new ProcessBuilder(DocsTest.ROOT.resolve("detainerlab").toString(), "ingest",
                file.toString()).directory(DocsTest.ROOT.toFile()).redirectErrorStream(true);
        builder.environment().put("DETAINERLAB_SKIP_BUILD", "1");
        builder.environment().put("DETAINERLAB_DB_URL", database.jdbcUrl());
        builder.environment().put("DETAINERLAB_DB_USER", PostgresServer.USER);
        Process ingest = builder.start();
        try (var output = new java.io.BufferedReader(new java.io.InputStreamReader(ingest.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            do {
                line = output.readLine();
            } while (line != null && !line.startsWith("reading sheet"));
            assertThat(line).as("the ingest got as far as reading rows").isNotNull();
            Thread.sleep(1500);
            ingest.descendants().forEach(ProcessHandle::destroyForcibly);
            ingest.destroyForcibly();
        }
        assertThat(ingest.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ingest.exitValue()).as("killed before it could finish").isNotZero();
        // The server ends the killed client's transaction once it notices the closed connection.
        long deadline = System.currentTimeMillis() + 30_000;
        while (count("select count(*) from pg_stat_activity where state like 'idle in transaction%' or query like 'copy %'")
                > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(count("select count(*) from data_release")).isEqualTo(releasesBefore);
        assertThat(count("select count(*) from pg_tables where tablename ~ '^detainer_r[0-9]+$'")).isZero();
    }

    private static long count(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), PostgresServer.USER, "");
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void anUnreachableOrEmptyDatabaseIsExplained() throws Exception {
        Path file = Files.writeString(dir.resolve("any.csv"), "a\n1\n");
        Result unreachable = launcher(Map.of("DETAINERLAB_DB_URL", "jdbc:postgresql://localhost:1/detainerlab"),
                "ingest", file.toString());
        assertThat(unreachable.exitCode()).isEqualTo(1);
        assertThat(unreachable.output()).contains("cannot connect to the database at jdbc:postgresql://localhost:1/detainerlab")
                .contains("./detainerlab start");
        try (PostgresServer empty = PostgresServer.startEphemeral()) {
            Result noSchema = launcher(Map.of("DETAINERLAB_DB_URL", empty.jdbcUrl()), "ingest", file.toString());
            assertThat(noSchema.exitCode()).isEqualTo(1);
            assertThat(noSchema.output()).contains("has no DetainerLab schema yet");
        }
    }

    @Test
    void usageErrorsExitWith2AndTheUsage() throws Exception {
        Result result = launcher("generate", "--rows", "10", "--layout", "ice-1999-xlsx", "--out", "x");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("unknown layout 'ice-1999-xlsx'").contains("Usage: ./detainerlab generate");
    }
}
