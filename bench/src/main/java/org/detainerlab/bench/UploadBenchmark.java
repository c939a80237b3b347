package org.detainerlab.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.detainerlab.devstack.FreePort;
import org.detainerlab.devstack.KeycloakServer;
import org.detainerlab.devstack.PostgresServer;
import org.detainerlab.devstack.ProjectLayout;
import org.detainerlab.ingest.generate.Layout;
import org.detainerlab.ingest.generate.SyntheticReleases;

/**
 * Releases uploaded through the running application, as an admin does it: {@code POST /api/v1/releases}, then
 * {@code GET /api/v1/jobs/{id}} every 50 ms until the job succeeded. Starts a throw-away PostgreSQL, Keycloak and the
 * built application with its ingest worker. The real FY2015 file (when present) goes first, after a warm-up with a
 * generated file of the same layout and size; then the benchmark's large generated workbook, during which the
 * application's peak resident memory is read from {@code /proc}.
 */
final class UploadBenchmark {

    /** What the uploads measured; {@code fy2015} is null when the real file is absent. */
    record Uploads(IngestBenchmark.Result fy2015, IngestBenchmark.Result large, long largePeakRssMb) {
    }

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z]+)\"");
    private static final Pattern ROWS = Pattern.compile("\"rowsRead\":(\\d+)");

    private final PrintStream out;

    UploadBenchmark(PrintStream out) {
        this.out = out;
    }

    Uploads run(Path fy2015, Path large, Path workDir) throws Exception {
        ProjectLayout layout = ProjectLayout.locate();
        Path app = layout.root().resolve("api/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(app)) {
            throw new IllegalStateException(app + " is missing; run ./detainerlab build");
        }
        out.println("Uploads to the running application: starting PostgreSQL, Keycloak and the application ...");
        Process application = null;
        try (PostgresServer postgres = PostgresServer.startEphemeral();
             KeycloakServer keycloak = KeycloakServer.start(layout.keycloakDistribution(), workDir, layout.realmFile(),
                     FreePort.find(), KeycloakServer.Storage.IN_MEMORY, UUID.randomUUID().toString(),
                     workDir.resolve("keycloak.log"))) {
            int port = FreePort.find();
            application = StatsBenchmark.startApplication(app, postgres, keycloak, port, true,
                    workDir.resolve("application.log"));
            String base = "http://localhost:" + port;
            StatsBenchmark.awaitReady(base, application);
            String admin = StatsBenchmark.token(keycloak, "dave");
            HttpClient http = HttpClient.newHttpClient();
            IngestBenchmark.Result real = null;
            if (fy2015 != null) {
                Path warmUp = workDir.resolve("bench-upload-warm-up.xlsx");
                SyntheticReleases.write(Layout.ICE_2015_XLSX, 79_053, 2015, warmUp);
                out.println("  warm-up upload (generated, same layout and size) ...");
                upload(http, base, admin, warmUp);
                Files.delete(warmUp);
                out.println("  FY2015 upload ...");
                long started = System.nanoTime();
                long rows = upload(http, base, admin, fy2015);
                real = new IngestBenchmark.Result("FY2015 release (real, xlsx), uploaded to the running application, warm",
                        rows, (System.nanoTime() - started) / 1e9,
                        "POST /api/v1/releases until its job SUCCEEDED (polled every 50 ms)");
            }
            out.println("  " + large.getFileName() + " upload, peak resident memory of the application ...");
            ProcessHandle handle = application.toHandle();
            resetPeakRss(handle);
            long started = System.nanoTime();
            long rows = upload(http, base, admin, large);
            double seconds = (System.nanoTime() - started) / 1e9;
            long peakMb = peakRssKb(handle) >> 10;
            out.printf("  peak RSS of the application during the upload: %,d MB%n", peakMb);
            return new Uploads(real, new IngestBenchmark.Result("Generated xlsx, uploaded to the running application",
                    rows, seconds, String.format(Locale.ROOT, "until its job SUCCEEDED; application peak RSS %,d MB",
                    peakMb)), peakMb);
        } finally {
            if (application != null) {
                application.destroy();
                if (!application.waitFor(20, TimeUnit.SECONDS)) {
                    application.destroyForcibly();
                }
            }
        }
    }

    /** Sets the process's high-water mark of resident memory back to its current size (Linux: clear_refs 5). */
    private static void resetPeakRss(ProcessHandle process) throws IOException {
        Files.writeString(Path.of("/proc", Long.toString(process.pid()), "clear_refs"), "5");
    }

    /** The process's high-water mark of resident memory ({@code VmHWM}) since the last reset, in kB. */
    private static long peakRssKb(ProcessHandle process) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("/proc/" + process.pid() + "/status has no VmHWM line");
    }

    /** Uploads the file and waits for its job to succeed; returns the rows it read. */
    private static long upload(HttpClient http, String base, String token, Path file) throws Exception {
        String boundary = "bench" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n"
                + file.getFileName() + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        // streamed from the file: a generated workbook of a million rows does not fit the benchmark's heap
        HttpResponse<String> queued = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/releases"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail))).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher id = ID.matcher(queued.body());
        if (queued.statusCode() != 202 || !id.find()) {
            throw new IllegalStateException("The upload answered " + queued.statusCode() + ": " + queued.body());
        }
        URI job = URI.create(base + "/api/v1/jobs/" + id.group(1));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (System.nanoTime() < deadline) {
            String answer = http.send(HttpRequest.newBuilder(job).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher status = STATUS.matcher(answer);
            String now = status.find() ? status.group(1) : "";
            if (now.equals("SUCCEEDED")) {
                Matcher rows = ROWS.matcher(answer);
                return rows.find() ? Long.parseLong(rows.group(1)) : -1;
            }
            if (now.equals("FAILED")) {
                throw new IllegalStateException("The upload's job failed: " + answer);
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("The upload's job did not end within 15 minutes");
    }
}
