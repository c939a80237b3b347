package org.detainerlab.core.job;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.Optional;

import org.detainerlab.core.common.ResourceNotFoundException;

/**
 * Ingest jobs in the database: queued with their upload, claimed by one instance ({@code for update skip
 * locked}), advanced with progress and heartbeats, and ended as succeeded or failed. A job whose instance
 * stopped is found by its old heartbeat and marked as interrupted, so a restart always shows what became of it.
 */
@ApplicationScoped
public class IngestJobService {

    /** Uploads are kept in chunks of this size, so that no step holds a whole file in memory. */
    static final int CHUNK_BYTES = 4 << 20;

    /** A claimed job: what the worker needs to run it. */
    public record Claimed(long id, String fileName, String options, String createdBy) {
    }

    private final IngestJobRepository jobs;
    private final EntityManager em;

    public IngestJobService(IngestJobRepository jobs, EntityManager em) {
        this.jobs = jobs;
        this.em = em;
    }

    /** Queues an ingest of {@code upload}; the file is copied into the database with the job. */
    @Transactional
    public JobView enqueue(String fileName, Path upload, String optionsJson, String createdBy) {
        IngestJob job = new IngestJob();
        job.status = JobStatus.QUEUED;
        job.fileName = fileName;
        job.options = optionsJson;
        job.createdBy = createdBy;
        job.phase = "queued";
        try (InputStream in = Files.newInputStream(upload)) {
            job.fileSize = Files.size(upload);
            jobs.persistAndFlush(job);
            byte[] buffer = new byte[CHUNK_BYTES];
            int seq = 0;
            for (int n = in.readNBytes(buffer, 0, CHUNK_BYTES); n > 0; n = in.readNBytes(buffer, 0, CHUNK_BYTES)) {
                em.createNativeQuery("insert into ingest_upload_chunk (job_id, seq, data) values (?1, ?2, ?3)")
                        .setParameter(1, job.id).setParameter(2, seq++)
                        .setParameter(3, n == CHUNK_BYTES ? buffer : java.util.Arrays.copyOf(buffer, n))
                        .executeUpdate();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The upload could not be read", e);
        }
        em.refresh(job);
        return JobView.of(job);
    }

    /** Takes the oldest queued job for {@code worker}, if there is one; other instances skip it. */
    @Transactional
    public Optional<Claimed> claim(String worker) {
        @SuppressWarnings("unchecked")
        List<Object[]> claimed = em.createNativeQuery("update ingest_job set status = 'RUNNING', worker = ?1,"
                        + " started_at = now(), heartbeat_at = now(), phase = 'starting'"
                        + " where id = (select id from ingest_job where status = 'QUEUED' order by id"
                        + "             for update skip locked limit 1)"
                        + " returning id, file_name, options::text, created_by")
                .setParameter(1, worker).getResultList();
        return claimed.stream().findFirst()
                .map(row -> new Claimed(((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3]));
    }

    /** Writes the job's upload to {@code target}, chunk by chunk. */
    @Transactional
    public void writeUpload(long jobId, Path target) {
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int seq = 0; ; seq++) {
                List<?> chunk = em.createNativeQuery("select data from ingest_upload_chunk where job_id = ?1 and seq = ?2")
                        .setParameter(1, jobId).setParameter(2, seq).getResultList();
                if (chunk.isEmpty()) {
                    return;
                }
                out.write((byte[]) chunk.get(0));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the upload of job " + jobId + " to " + target, e);
        }
    }

    /** Records progress; a job's own transaction, so that every instance sees it at once. */
    @Transactional(TxType.REQUIRES_NEW)
    public void progress(long jobId, String phase, long rowsRead) {
        em.createNativeQuery("update ingest_job set phase = ?1, rows_read = ?2, heartbeat_at = now() where id = ?3")
                .setParameter(1, phase).setParameter(2, rowsRead).setParameter(3, jobId).executeUpdate();
    }

    /** Keeps the jobs an instance is running from looking abandoned. */
    @Transactional(TxType.REQUIRES_NEW)
    public void heartbeat(Collection<Long> jobIds) {
        if (!jobIds.isEmpty()) {
            em.createNativeQuery("update ingest_job set heartbeat_at = now() where id in (?1) and status = 'RUNNING'")
                    .setParameter(1, jobIds).executeUpdate();
        }
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void succeed(long jobId, long releaseId, boolean alreadyLoaded, long rowsRead, String message) {
        IngestJob job = find(jobId);
        job.status = JobStatus.SUCCEEDED;
        job.phase = "done";
        job.releaseId = releaseId;
        job.alreadyLoaded = alreadyLoaded;
        job.rowsRead = rowsRead;
        job.message = message;
        job.finishedAt = OffsetDateTime.now();
        dropUpload(jobId);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void fail(long jobId, String message) {
        IngestJob job = find(jobId);
        job.status = JobStatus.FAILED;
        job.phase = "failed";
        job.message = message;
        job.finishedAt = OffsetDateTime.now();
        dropUpload(jobId);
    }

    /** Marks running jobs whose heartbeat is older than {@code timeout} as failed; returns how many. */
    @Transactional
    public int sweepAbandoned(Duration timeout) {
        @SuppressWarnings("unchecked")
        List<Number> abandoned = em.createNativeQuery("update ingest_job set status = 'FAILED', phase = 'interrupted',"
                        + " finished_at = now(), message = 'Interrupted: the instance running this job (' || coalesce(worker, '?')"
                        + " || ') stopped before it finished. Nothing was loaded; upload the file again.'"
                        + " where status = 'RUNNING' and heartbeat_at < now() - make_interval(secs => ?1) returning id")
                .setParameter(1, (double) timeout.toSeconds()).getResultList();
        abandoned.forEach(id -> dropUpload(id.longValue()));
        return abandoned.size();
    }

    /** Which of these jobs are running now, on any instance. */
    @Transactional
    public Set<Long> running(Collection<Long> jobIds) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select id from ingest_job where id in (?1) and status = 'RUNNING'")
                .setParameter(1, jobIds).getResultList();
        return ids.stream().map(Number::longValue).collect(java.util.stream.Collectors.toSet());
    }

    @Transactional
    public JobView get(long jobId) {
        return JobView.of(find(jobId));
    }

    /** The latest jobs, newest first. */
    @Transactional
    public List<JobView> recent(int limit) {
        return jobs.findAll(Sort.descending("id")).page(0, limit).list().stream().map(JobView::of).toList();
    }

    private IngestJob find(long jobId) {
        return jobs.findByIdOptional(jobId).orElseThrow(() -> new ResourceNotFoundException("job", jobId));
    }

    private void dropUpload(long jobId) {
        em.createNativeQuery("delete from ingest_upload_chunk where job_id = ?1").setParameter(1, jobId).executeUpdate();
    }
}
