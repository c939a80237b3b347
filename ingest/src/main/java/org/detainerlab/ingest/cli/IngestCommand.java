package org.detainerlab.ingest.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Set;

import org.detainerlab.ingest.Ingest;
import org.detainerlab.ingest.cli.Arguments.UsageException;
import org.detainerlab.ingest.load.IngestException;
import org.detainerlab.ingest.load.IngestRequest;
import org.detainerlab.ingest.load.IngestResult;
import org.detainerlab.ingest.load.ProgressListener;
import org.detainerlab.ingest.load.SourceMetadata;
import org.detainerlab.ingest.map.MappingFile;
import org.detainerlab.ingest.map.Profile;
import org.detainerlab.ingest.map.Profiles;
import org.detainerlab.ingest.read.ReadLimits;
import org.detainerlab.ingest.report.Thresholds;

/**
 * {@code ./detainerlab ingest FILE [options]}: loads a release straight into the platform's database (the
 * running platform's, or the one DETAINERLAB_DB_URL names), with a progress line and a final summary.
 */
final class IngestCommand {

    static final String USAGE = """
            Usage: ./detainerlab ingest FILE [options]
              --profile NAME            ice-modern, ice-2015 or ddp (detected from the headers when absent,
                                      as is the kind: detainers, 287(g) agreement list, areas of responsibility)
              --mapping FILE            a JSON mapping for any other layout (see docs/data-dictionary.md)
              --title TEXT              the release's title (default: the file name)
              --publisher TEXT  --foia NUMBER  --url URL  --licence TEXT  --retrieved YYYY-MM-DD
              --max-rejected-share S    stop and load nothing when more than this share of rows is rejected (0.01)
              --warn-rejected-share S   warn above this share (0)
              --report-dir DIR          where to write the validation report (.detainerlab/reports)
            The database is DETAINERLAB_DB_URL (default: the launcher's embedded PostgreSQL), with
            DETAINERLAB_DB_USER and DETAINERLAB_DB_PASSWORD.""";

    private static final Set<String> OPTIONS = Set.of("profile", "mapping", "title", "publisher", "foia", "url",
            "licence", "retrieved", "max-rejected-share", "warn-rejected-share", "report-dir");

    private final PrintStream out;
    private final PrintStream err;

    IngestCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) throws UsageException {
        if (java.util.List.of(args).contains("--help")) {
            out.println(USAGE);
            return 0;
        }
        Arguments arguments = new Arguments(args, 1, OPTIONS);
        if (arguments.positional().size() != 1) {
            throw new UsageException("name exactly one file to ingest");
        }
        Path file = Path.of(arguments.positional().get(0));
        if (!Files.isRegularFile(file)) {
            err.println("detainerlab ingest: " + file + " is not a file");
            return 1;
        }
        Profile profile;
        try {
            profile = profile(arguments);
        } catch (MappingFile.InvalidMappingException e) {
            err.println("detainerlab ingest: " + e.getMessage());
            return 1;
        }
        IngestRequest request = new IngestRequest(new SourceMetadata(arguments.get("title"), arguments.get("publisher"),
                arguments.get("foia"), arguments.get("url"), arguments.get("licence"), arguments.date("retrieved")),
                profile, new Thresholds(arguments.share("warn-rejected-share", 0.0),
                arguments.share("max-rejected-share", Thresholds.DEFAULT.stopShare())),
                System.getProperty("user.name"));

        String url = env("DETAINERLAB_DB_URL", "jdbc:postgresql://localhost:54329/detainerlab");
        String user = env("DETAINERLAB_DB_USER", "detainerlab");
        String password = env("DETAINERLAB_DB_PASSWORD", "");
        String problem = checkDatabase(url, user, password);
        if (problem != null) {
            err.println("detainerlab ingest: " + problem);
            return 1;
        }
        Ingest loader = new Ingest(() -> DriverManager.getConnection(url, user, password), ReadLimits.DEFAULT,
                Clock.systemUTC());
        long started = System.nanoTime();
        ProgressLine progress = new ProgressLine(err, started);
        try {
            IngestResult result = loader.file(file, request, progress);
            progress.finish();
            double seconds = (System.nanoTime() - started) / 1e9;
            summarise(result, file, seconds, Path.of(arguments.get("report-dir", ".detainerlab/reports")));
            return 0;
        } catch (IngestException e) {
            progress.finish();
            err.println("detainerlab ingest: failed, nothing was loaded.");
            err.println(e.getMessage());
            return 1;
        }
    }

    private static Profile profile(Arguments arguments) throws UsageException, MappingFile.InvalidMappingException {
        if (arguments.get("mapping") != null) {
            return MappingFile.read(Path.of(arguments.get("mapping")));
        }
        if (arguments.get("profile") != null) {
            return Profiles.byName(arguments.get("profile")).orElseThrow(() -> new UsageException("unknown profile '"
                    + arguments.get("profile") + "'; built in: " + Profiles.BUILT_IN.stream().map(Profile::name).toList()));
        }
        return null;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Null when the database answers and holds the schema, otherwise what to do about it. */
    static String checkDatabase(String url, String user, String password) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             ResultSet schema = connection.createStatement().executeQuery("select to_regclass('detainer') is not null")) {
            schema.next();
            return schema.getBoolean(1) ? null : "the database at " + url + " has no DetainerLab schema yet; start the"
                    + " platform once (./detainerlab start), which creates it";
        } catch (SQLException e) {
            return "cannot connect to the database at " + url + " (" + e.getMessage() + "). Start the platform"
                    + " (./detainerlab start) or set DETAINERLAB_DB_URL, DETAINERLAB_DB_USER, DETAINERLAB_DB_PASSWORD.";
        }
    }

    /**
     * The summary of a load: the release, its counts, the rules its report names, whatever its kind, and a copy
     * of that report, as the release stores it, in {@code reportDir}.
     */
    void summarise(IngestResult result, Path file, double seconds, Path reportDir) {
        if (result.alreadyLoaded()) {
            out.printf("%s was already loaded as release %d (same sha256 %s); nothing changed.%n", file.getFileName(),
                    result.releaseId(), result.sha256());
            return;
        }
        out.printf("Loaded %s as release %d (profile %s).%n", file.getFileName(), result.releaseId(), result.profile());
        out.printf("  rows read %,d, loaded %,d, rejected %,d, likely duplicates %,d%n", result.rowsRead(),
                result.rowsLoaded(), result.rowsRejected(), result.likelyDuplicates());
        out.printf("  coverage %s .. %s; sha256 %s%n", result.coverageFrom(), result.coverageTo(), result.sha256());
        out.printf("  %.1f s, %,.0f rows/s%n", seconds, result.rowsRead() / Math.max(seconds, 1e-3));
        result.report().rules().forEach(rule -> out.printf("  %-26s %,10d  %s%n", rule.rule(), rule.count(),
                rule.description()));
        try {
            Path report = Files.createDirectories(reportDir).resolve("release-" + result.releaseId() + ".json");
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(report.toFile(), result.report().document());
            out.printf("  report: %s (also GET /api/v1/releases/%d/report)%n", report, result.releaseId());
        } catch (IOException e) {
            out.printf("  report: GET /api/v1/releases/%d/report (could not write a copy: %s)%n", result.releaseId(),
                    e.getMessage());
        }
    }

    /** A single progress line, redrawn in place on a terminal. */
    private static final class ProgressLine implements ProgressListener {
        private final PrintStream err;
        private final long started;
        private final boolean terminal = System.console() != null;
        private String lastPhase = "";

        ProgressLine(PrintStream err, long started) {
            this.err = err;
            this.started = started;
        }

        @Override
        public void progress(String phase, long rowsRead) {
            double seconds = (System.nanoTime() - started) / 1e9;
            String line = String.format("%-28s %,12d rows  %,9.0f rows/s  %6.1f s", phase, rowsRead,
                    rowsRead / Math.max(seconds, 1e-3), seconds);
            if (terminal) {
                err.print("\r" + line);
            } else if (!phase.equals(lastPhase)) {
                err.println(line);
            }
            lastPhase = phase;
        }

        void finish() {
            if (terminal) {
                err.println();
            }
        }
    }
}
