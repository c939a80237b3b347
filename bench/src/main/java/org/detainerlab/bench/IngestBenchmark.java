package org.detainerlab.bench;

import java.io.PrintStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.detainerlab.core.schema.SchemaMigrations;
import org.detainerlab.devstack.PostgresServer;
import org.detainerlab.ingest.generate.Layout;
import org.detainerlab.ingest.generate.SyntheticReleases;
import org.detainerlab.ingest.load.IngestRequest;
import org.detainerlab.ingest.load.IngestResult;
import org.detainerlab.ingest.load.ProgressListener;
import org.detainerlab.ingest.load.ReleaseLoader;
import org.detainerlab.ingest.load.SourceMetadata;
import org.detainerlab.ingest.read.ReadLimits;
import org.detainerlab.ingest.read.RowIterator;
import org.detainerlab.ingest.read.SourceRow;
import org.detainerlab.ingest.read.SpreadsheetSource;
import org.detainerlab.ingest.read.Spreadsheets;
import org.detainerlab.ingest.report.Thresholds;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.postgresql.PGConnection;

/**
 * {@code ./detainerlab bench ingest}: generates modern-layout rows as csv and as xlsx, ingests each into a fresh
 * database, and in the same run loads the same csv with plain {@code COPY} into a bare staging table as the
 * baseline; reads the xlsx with the project's reader alone and with dhatim fastexcel-reader, a library baseline.
 * Then, with the JVM warm, the real FY2015 release end to end when the data folder is there; then uploads to the
 * running application ({@link UploadBenchmark}): FY2015 when present, and the generated workbook, with the
 * application's peak resident memory. Prints rows/s, the ratio to COPY, the loader's phases and the peak heap, as a
 * Markdown table for docs/benchmarks.md.
 */
final class IngestBenchmark {

    record Result(String what, long rows, double seconds, String note) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private final PrintStream out;

    IngestBenchmark(PrintStream out) {
        this.out = out;
    }

    void run(long rows, Path workDir, Path realData) throws Exception {
        Files.createDirectories(workDir);
        Path csv = workDir.resolve("bench-modern-" + rows + ".csv");
        Path xlsx = workDir.resolve("bench-modern-" + rows + ".xlsx");
        out.printf("Generating %,d modern-layout rows as csv and xlsx in %s ...%n", rows, workDir);
        double csvGen = time(() -> SyntheticReleases.write(Layout.ICE_MODERN_CSV, rows, 1, csv));
        double xlsxGen = time(() -> SyntheticReleases.write(Layout.ICE_MODERN_XLSX, rows, 1, xlsx));
        out.printf("  csv %,d MB in %.1f s; xlsx %,d MB in %.1f s%n", Files.size(csv) >> 20, csvGen,
                Files.size(xlsx) >> 20, xlsxGen);

        List<Result> results = new ArrayList<>();
        results.add(copyBaseline(csv, rows));
        results.add(ingest("DetainerLab ingest, csv", csv));
        results.add(ingest("DetainerLab ingest, xlsx", xlsx));
        results.add(readOnly("DetainerLab xlsx reader, read only", xlsx, IngestBenchmark::readWithOurs));
        results.add(readOnly("dhatim fastexcel-reader " + FASTEXCEL + ", read only", xlsx, IngestBenchmark::readWithFastexcel));
        Path fy2015 = realData.resolve("ice-detainers-fy2015/rif-FOIA_15-87693_07262015_LESA-STU_FINAL_FY15YTD.xlsx");
        boolean real = Files.isRegularFile(fy2015);
        if (real) {
            results.add(ingest("FY2015 release (real, xlsx), warm JVM", fy2015));
        } else {
            out.println("  (FY2015 skipped: " + fy2015 + " is absent; set DETAINERLAB_DATA_DIR)");
        }
        UploadBenchmark.Uploads uploads = new UploadBenchmark(out).run(real ? fy2015 : null, xlsx, workDir);
        if (uploads.fy2015() != null) {
            results.add(uploads.fy2015());
        }
        results.add(uploads.large());
        report(results, uploads, rows);
        Files.deleteIfExists(csv);
        Files.deleteIfExists(xlsx);
    }

    /** Plain COPY of the csv into a staging table of text columns: what PostgreSQL alone needs for the same bytes. */
    private Result copyBaseline(Path csv, long rows) throws Exception {
        out.println("Baseline: COPY into a bare staging table ...");
        String header;
        try (var lines = Files.lines(csv, StandardCharsets.UTF_8)) {
            header = lines.findFirst().orElseThrow();
        }
        int columns = header.split(",", -1).length;
        StringBuilder ddl = new StringBuilder("create table staging (");
        for (int i = 0; i < columns; i++) {
            ddl.append(i == 0 ? "" : ", ").append("c").append(i).append(" text");
        }
        try (PostgresServer server = PostgresServer.startEphemeral();
             Connection connection = DriverManager.getConnection(server.jdbcUrl(), PostgresServer.USER, "")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(ddl.append(")").toString());
            }
            long[] copied = new long[1];
            double seconds = time(() -> {
                try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                    copied[0] = connection.unwrap(PGConnection.class).getCopyAPI()
                            .copyIn("copy staging from stdin (format csv, header true)", reader);
                }
                return null;
            });
            if (copied[0] != rows) {
                throw new IllegalStateException("COPY loaded " + copied[0] + " rows, expected " + rows);
            }
            return new Result("PostgreSQL COPY (baseline), csv", rows, seconds, columns + " text columns, no checks");
        }
    }

    /** The whole ingest of one file into a fresh, migrated database, from reading it to the committed release. */
    private Result ingest(String what, Path file) throws Exception {
        out.println(what + " ...");
        try (PostgresServer server = PostgresServer.startEphemeral()) {
            SchemaMigrations.apply(DriverManager.getConnection(server.jdbcUrl(), PostgresServer.USER, ""));
            ReleaseLoader loader = new ReleaseLoader(() -> DriverManager.getConnection(server.jdbcUrl(),
                    PostgresServer.USER, ""), ReadLimits.DEFAULT, Clock.systemUTC());
            IngestResult[] result = new IngestResult[1];
            resetPeakHeap();
            PhaseClock phases = new PhaseClock();
            double seconds = time(() -> result[0] = loader.ingest(file, new IngestRequest(
                    SourceMetadata.titled(what), null, Thresholds.DEFAULT, "bench"), phases));
            out.println("  phases: " + phases);
            return new Result(what, result[0].rowsLoaded(), seconds, String.format(Locale.ROOT,
                    "%,d rows loaded, %,d likely duplicates, peak heap %,d MB; %s", result[0].rowsLoaded(),
                    result[0].likelyDuplicates(), peakHeapMb(), phases));
        }
    }

    /**
     * The time between the loader's changes of phase ("reading sheet ..." counted as one phase, reading and COPY
     * overlapping in it), so that a slow load shows where its time went.
     */
    private static final class PhaseClock implements ProgressListener {
        private final Map<String, Long> nanos = new LinkedHashMap<>();
        private String current = "opening";
        private long since = System.nanoTime();

        @Override
        public void progress(String phase, long rowsRead) {
            String name = phase.startsWith("reading sheet") ? "reading" : phase;
            if (!name.equals(current)) {
                long now = System.nanoTime();
                nanos.merge(current, now - since, Long::sum);
                current = name;
                since = now;
            }
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            nanos.forEach((phase, time) -> text.append(text.isEmpty() ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%s %.2f s", phase, time / 1e9)));
            return text.toString();
        }
    }

    /** The version of fastexcel-reader the bench module depends on, for the report. */
    private static final String FASTEXCEL = "0.19.0";

    @FunctionalInterface
    private interface RowReader {
        long rows(Path xlsx) throws Exception;
    }

    /** Reading every cell of every sheet as text, nothing else: a reader against a library, without the database. */
    private Result readOnly(String what, Path xlsx, RowReader reader) throws Exception {
        out.println(what + " ...");
        long[] rows = new long[1];
        double seconds = time(() -> rows[0] = reader.rows(xlsx));
        return new Result(what, rows[0], seconds, "rows with a cell, title and header rows included; no checks, no database");
    }

    private static long readWithOurs(Path xlsx) throws Exception {
        long rows = 0;
        try (SpreadsheetSource source = Spreadsheets.open(xlsx)) {
            for (String sheet : source.sheets()) {
                try (RowIterator it = source.rows(sheet)) {
                    for (SourceRow row = it.next(); row != null; row = it.next()) {
                        rows++;
                    }
                }
            }
        }
        return rows;
    }

    private static long readWithFastexcel(Path xlsx) throws Exception {
        long rows = 0;
        try (ReadableWorkbook workbook = new ReadableWorkbook(xlsx.toFile())) {
            for (Sheet sheet : workbook.getSheets().toList()) {
                try (Stream<Row> stream = sheet.openStream()) {
                    for (Row row : (Iterable<Row>) stream::iterator) {
                        boolean any = false;
                        for (Cell cell : row) {
                            any |= cell != null && !cell.getText().isBlank();
                        }
                        rows += any ? 1 : 0;
                    }
                }
            }
        }
        return rows;
    }

    private void report(List<Result> results, UploadBenchmark.Uploads uploads, long rows) {
        double copy = results.get(0).seconds();
        Runtime runtime = Runtime.getRuntime();
        out.println();
        out.printf("%s, %d cores, max heap %,d MB, %s %s, PostgreSQL 17 (embedded)%n", LocalDate.now(),
                runtime.availableProcessors(), runtime.maxMemory() >> 20, System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        out.println();
        out.println("| run | rows | seconds | rows/s | time / COPY time | notes |");
        out.println("|---|---:|---:|---:|---:|---|");
        for (Result r : results) {
            boolean comparable = r.what().startsWith("PostgreSQL COPY") || r.what().startsWith("DetainerLab ingest");
            out.printf(Locale.ROOT, "| %s | %,d | %.2f | %,.0f | %s | %s |%n", r.what(), r.rows(), r.seconds(),
                    r.rowsPerSecond(), comparable ? String.format(Locale.ROOT, "%.2f", r.seconds() / copy) : "",
                    r.note());
        }
        Result csv = results.get(1);
        Result xlsx = results.get(2);
        String rowsKey = rows % 1_000_000 == 0 ? rows / 1_000_000 + "m" : Long.toString(rows);
        out.println();
        out.printf(Locale.ROOT, "RESULT ingest csv_rows_per_s=%.0f csv_copy_ratio=%.2f xlsx_rows_per_s=%.0f"
                        + " xlsx_copy_ratio=%.2f fy2015_upload_s=%s upload_%s_peak_rss_mb=%d%n", csv.rowsPerSecond(),
                csv.seconds() / copy, xlsx.rowsPerSecond(), xlsx.seconds() / copy, uploads.fy2015() != null
                        ? String.format(Locale.ROOT, "%.2f", uploads.fy2015().seconds()) : "absent", rowsKey,
                uploads.largePeakRssMb());
    }

    private static void resetPeakHeap() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the last reset: an upper bound on the heap the run needed. */
    private static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes >> 20;
    }

    @FunctionalInterface
    private interface Work {
        Object run() throws Exception;
    }

    private static double time(Work work) throws Exception {
        long started = System.nanoTime();
        work.run();
        return (System.nanoTime() - started) / 1e9;
    }
}
