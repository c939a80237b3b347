package org.detainerlab.api.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.restassured.path.json.JsonPath;

import org.detainerlab.api.testing.Jobs;
import org.detainerlab.api.testing.Tokens;
import org.detainerlab.core.job.IngestJobService;
import org.detainerlab.core.job.JobStatus;
import org.detainerlab.ingest.generate.Layout;
import org.detainerlab.ingest.generate.SyntheticReleases;
import org.junit.jupiter.api.Test;

/**
 * A queued job starts because it was announced, not because a poll found it: this class's profile polls once an
 * hour, so a job that leaves QUEUED during the test was started by the NOTIFY listener.
 */
@QuarkusTest
@TestProfile(IngestQueueListenerTest.HourlyPoll.class)
class IngestQueueListenerTest {

    public static class HourlyPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("detainerlab.ingest.poll-every", "1h");
        }
    }

    @Inject
    IngestConfig config;

    @Inject
    IngestJobService jobs;

    @Test
    void aQueuedJobStartsWithoutWaitingForThePoll() throws Exception {
        assertThat(config.pollEvery()).isGreaterThanOrEqualTo(Duration.ofHours(1));
        String admin = Tokens.accessToken("dave");
        Path file = Files.createTempFile("notify", ".csv");
        SyntheticReleases.write(Layout.ICE_MODERN_CSV, 20, 130, file);

        long id = Jobs.upload(admin, file.toFile(), Map.of("title", "Started by NOTIFY"));
        JsonPath job = Jobs.await(admin, id);

        assertThat(job.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(jobs.get(id).status()).isEqualTo(JobStatus.SUCCEEDED);
        Files.delete(file);
    }

    @Test
    void aJobQueuedWhileAnotherRunsIsStartedOnceThatOneEnds() throws Exception {
        String admin = Tokens.accessToken("dave");
        Path first = Files.createTempFile("notify-first", ".csv");
        Path second = Files.createTempFile("notify-second", ".csv");
        SyntheticReleases.write(Layout.ICE_MODERN_CSV, 2_000, 131, first);
        SyntheticReleases.write(Layout.ICE_MODERN_CSV, 20, 132, second);

        long running = Jobs.upload(admin, first.toFile(), Map.of("title", "Notify first"));
        long queued = Jobs.upload(admin, second.toFile(), Map.of("title", "Notify second"));

        assertThat(Jobs.await(admin, running).getString("status")).isEqualTo("SUCCEEDED");
        assertThat(Jobs.await(admin, queued).getString("status")).isEqualTo("SUCCEEDED");
        Files.delete(first);
        Files.delete(second);
    }
}
