package org.detainerlab.api.release;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.nio.file.DirectoryStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.detainerlab.core.agreement.AgreementPolicyService;
import org.detainerlab.core.job.IngestJobService;
import org.detainerlab.ingest.Ingest;
import org.detainerlab.ingest.load.IngestException;
import org.detainerlab.ingest.load.IngestRequest;
import org.detainerlab.ingest.load.IngestResult;
import org.detainerlab.ingest.load.SourceMetadata;
import org.detainerlab.ingest.map.MappingFile;
import org.detainerlab.ingest.map.Profile;
import org.detainerlab.ingest.map.Profiles;
import org.detainerlab.ingest.read.ReadLimits;
import org.detainerlab.ingest.report.Thresholds;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs queued ingest jobs on this instance, one at a time, and sweeps jobs that another (stopped) instance
 * abandoned. Every instance runs one, so the work spreads over however many instances there are.
 */
@ApplicationScoped
public class IngestWorker {

    private static final Logger LOG = Logger.getLogger(IngestWorker.class);

    private final IngestJobService jobs;
    private final Ingest loader;
    private final IngestConfig config;
    private final ObjectMapper json;
    private final AgreementPolicyService agreementPolicies;
    private final String name = ManagementFactory.getRuntimeMXBean().getName();
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final DatabaseOutage outage = new DatabaseOutage(LOG, "ingest worker");
    private final ReentrantLock draining = new ReentrantLock();
    private final AtomicBoolean wanted = new AtomicBoolean();

    static final Path WORK_ROOT = Path.of(System.getProperty("java.io.tmpdir"));
    /**
     * Working directories are named after the database as well as the job, since job ids are per database: another
     * platform (or test run) sharing the temporary directory has jobs with the same ids, and its directories are not
     * this instance's to remove.
     */
    private final String workPrefix;
    private final Pattern workDir;

    public IngestWorker(IngestJobService jobs, AgroalDataSource dataSource, IngestConfig config, ObjectMapper json,
                        AgreementPolicyService agreementPolicies,
                        @ConfigProperty(name = "quarkus.datasource.jdbc.url") String databaseUrl) {
        this.workPrefix = workPrefix(databaseUrl);
        this.workDir = Pattern.compile(Pattern.quote(workPrefix) + "(\\d+)-.*");
        this.agreementPolicies = agreementPolicies;
        this.jobs = jobs;
        this.loader = new Ingest(dataSource::getConnection, ReadLimits.DEFAULT, Clock.systemUTC());
        this.config = config;
        this.json = json;
    }

    /**
     * The fallback: {@link IngestQueueListener} starts a queued job at once; this poll finds those it could not
     * announce (queued while its connection was down).
     */
    @Scheduled(every = "${detainerlab.ingest.poll-every:30s}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        runQueued();
    }

    /**
     * Runs the queued jobs one after another, on whichever thread asks first (the poll or the listener). A call
     * while they run returns at once but makes the running one look again before it stops, so a job queued just
     * after its last claim is not left for the next poll.
     */
    void runQueued() {
        wanted.set(true);
        while (wanted.get() && draining.tryLock()) {
            try {
                wanted.set(false);
                drain();
            } finally {
                draining.unlock();
            }
        }
    }

    private void drain() {
        if (!config.worker() || outage.waiting()) {
            return;
        }
        try {
            for (Optional<IngestJobService.Claimed> job = jobs.claim(name); job.isPresent(); job = jobs.claim(name)) {
                run(job.get());
            }
            outage.reachable();
        } catch (RuntimeException e) {
            outage.failed(e);
        }
    }

    @Scheduled(every = "10s", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void heartbeatAndSweep() {
        if (outage.waiting()) {
            return;
        }
        try {
            jobs.heartbeat(running);
            int swept = jobs.sweepAbandoned(config.abandonedAfter());
            if (swept > 0) {
                LOG.warnf("Marked %d abandoned ingest job(s) as interrupted", swept);
            }
            removeLeftWorkingDirectories();
            outage.reachable();
        } catch (RuntimeException e) {
            outage.failed(e);
        }
    }

    /**
     * Deletes the working directories of jobs that are no longer running anywhere: those an instance left behind
     * when it was killed (once the sweep has marked the job interrupted) or that a failed delete left. Directories
     * of jobs still running, here or on another instance sharing this temporary directory, are kept.
     */
    /** {@code detainerlab-job-}, a short hash of the database's address, {@code -}. */
    static String workPrefix(String databaseUrl) {
        return "detainerlab-job-" + Integer.toHexString(databaseUrl.hashCode()) + "-";
    }

    /** The prefix of this instance's working directories, followed by the job id and a dash. */
    String workPrefix() {
        return workPrefix;
    }

    void removeLeftWorkingDirectories() {
        Map<Long, Path> found = new HashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(WORK_ROOT, workPrefix + "*")) {
            for (Path dir : dirs) {
                Matcher id = workDir.matcher(dir.getFileName().toString());
                if (id.matches() && !running.contains(Long.parseLong(id.group(1)))) {
                    found.put(Long.parseLong(id.group(1)), dir);
                }
            }
        } catch (IOException e) {
            LOG.warnf("Could not list %s for left ingest working directories: %s", WORK_ROOT, e.getMessage());
            return;
        }
        if (found.isEmpty()) {
            return;
        }
        Set<Long> stillRunning = jobs.running(found.keySet());
        found.forEach((id, dir) -> {
            if (!stillRunning.contains(id)) {
                LOG.infof("Removing the working directory of ended ingest job %d: %s", id, dir);
                deleteQuietly(dir);
            }
        });
    }

    private void run(IngestJobService.Claimed job) {
        running.add(job.id());
        Path dir = null;
        try {
            dir = Files.createTempDirectory(WORK_ROOT, workPrefix + job.id() + "-");
            Path file = dir.resolve(safeName(job.fileName()));
            jobs.writeUpload(job.id(), file);
            IngestOptions options = json.readValue(job.options(), IngestOptions.class);
            IngestResult result = loader.file(file, request(options, dir, job.createdBy()),
                    (phase, rows) -> jobs.progress(job.id(), phase, rows));
            materialiseAgreements(job.id());
            jobs.succeed(job.id(), result.releaseId(), result.alreadyLoaded(), result.rowsRead(), result.alreadyLoaded()
                    ? "The same file (sha256 " + result.sha256() + ") was already loaded as release " + result.releaseId()
                    + "; nothing changed." : null);
            LOG.infof("Ingest job %d: release %d, %d rows", job.id(), result.releaseId(), result.rowsLoaded());
        } catch (IngestException e) {
            jobs.fail(job.id(), e.getMessage());
            LOG.infof("Ingest job %d failed: %s", job.id(), e.getMessage());
        } catch (MappingFile.InvalidMappingException e) {
            jobs.fail(job.id(), "The mapping file is not valid: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Ingest job %d failed unexpectedly", job.id());
            jobs.fail(job.id(), "The ingest failed unexpectedly and loaded nothing (" + e.getClass().getSimpleName()
                    + "); the server log has the details.");
        } finally {
            running.remove(job.id());
            deleteQuietly(dir);
        }
    }

    /** A loaded 287(g) list becomes policies before its job ends; a failure is retried at the next start. */
    private void materialiseAgreements(long jobId) {
        try {
            agreementPolicies.materialisePending();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Ingest job %d: the 287(g) agreements could not be turned into policies yet", jobId);
        }
    }

    private IngestRequest request(IngestOptions options, Path dir, String requestedBy)
            throws IOException, MappingFile.InvalidMappingException {
        Profile profile = null;
        if (options.mapping() != null) {
            profile = MappingFile.read(Files.writeString(dir.resolve("mapping.json"), options.mapping()));
        } else if (options.profile() != null) {
            profile = Profiles.byName(options.profile()).orElseThrow();
        }
        return new IngestRequest(new SourceMetadata(options.title(), options.publisher(), options.foiaNumber(),
                options.sourceUrl(), options.licence(), options.retrievedOn()), profile,
                new Thresholds(options.warnRejectedShare() == null ? config.warnRejectedShare() : options.warnRejectedShare(),
                        options.maxRejectedShare() == null ? config.maxRejectedShare() : options.maxRejectedShare()),
                requestedBy);
    }

    /** The upload's own name, without any path a client may have sent. */
    private static String safeName(String fileName) {
        String base = Path.of(fileName.replace('\\', '/')).getFileName().toString();
        return base.isBlank() || base.startsWith(".") ? "upload" : base;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warnf("Could not delete %s: %s", dir, e.getMessage());
        }
    }
}
