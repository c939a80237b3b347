package org.detainerlab.api.release;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.agroal.api.AgroalDataSource;

import org.detainerlab.api.testing.Tokens;
import org.detainerlab.core.job.IngestJobService;
import org.detainerlab.core.job.JobView;
import org.junit.jupiter.api.Test;

/** Jobs live in the database: one claimant per job, and a job whose instance stopped is reported as interrupted. */
@QuarkusTest
class IngestJobsTest {

    @Inject
    IngestJobService jobs;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager em;

    @Test
    void concurrentClaimsNeverShareAJob() throws Exception {
        Path upload = Files.writeString(Files.createTempFile("claim", ".csv"), "a\n1\n");
        List<Long> queued = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            queued.add(jobs.enqueue("claim-" + i + ".csv", upload, "{}", "test").id());
        }
        // Take the jobs away from the application's own worker first, by claiming them here concurrently.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Optional<IngestJobService.Claimed>>> claimers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int worker = i;
            claimers.add(() -> jobs.claim("test-worker-" + worker));
        }
        List<Long> claimed = new ArrayList<>();
        for (Future<Optional<IngestJobService.Claimed>> result : pool.invokeAll(claimers)) {
            result.get().ifPresent(job -> claimed.add(job.id()));
        }
        pool.shutdown();
        assertThat(claimed).doesNotHaveDuplicates();
        for (long id : claimed) {
            jobs.fail(id, "claimed by the test");
        }
        Files.delete(upload);
    }

    @Test
    void aJobWhoseInstanceStoppedIsReportedAsInterrupted() throws Exception {
        Path upload = Files.writeString(Files.createTempFile("abandoned", ".csv"), "a\n1\n");
        // queued and taken by the stopped instance in one transaction: this instance's worker, told of the job when
        // it commits, finds it already running
        long id = QuarkusTransaction.requiringNew().call(() -> {
            long queued = jobs.enqueue("abandoned.csv", upload, "{}", "test").id();
            em.createNativeQuery("update ingest_job set status = 'RUNNING', worker = 'gone@host',"
                    + " heartbeat_at = now() - interval '5 minutes' where id = " + queued).executeUpdate();
            return queued;
        });
        assertThat(jobs.sweepAbandoned(Duration.ofSeconds(60))).isGreaterThanOrEqualTo(1);
        JobView job = jobs.get(id);
        assertThat(job.status().name()).isEqualTo("FAILED");
        given().auth().oauth2(Tokens.accessToken("dave")).get("/api/v1/jobs/" + id)
                .then().statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("phase", equalTo("interrupted"))
                .body("message", containsString("(gone@host) stopped before it finished. Nothing was loaded"));
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
             var chunks = statement.executeQuery("select count(*) from ingest_upload_chunk where job_id = " + id)) {
            chunks.next();
            assertThat(chunks.getInt(1)).as("the upload is dropped with the job").isZero();
        }
        Files.delete(upload);
    }
}
