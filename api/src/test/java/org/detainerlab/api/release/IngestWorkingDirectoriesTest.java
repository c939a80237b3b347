package org.detainerlab.api.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The sweep removes the working directories of this database's ended jobs and leaves those of another platform
 * that shares the temporary directory, whose job ids are its own.
 */
@QuarkusTest
class IngestWorkingDirectoriesTest {

    @Inject
    IngestWorker worker;

    @Test
    void anEndedJobsDirectoryGoesAndAnotherDatabasesStays() throws Exception {
        long unknownJob = 987_654_321L;
        Path mine = Files.createTempDirectory(IngestWorker.WORK_ROOT, worker.workPrefix() + unknownJob + "-");
        Path theirs = Files.createTempDirectory(IngestWorker.WORK_ROOT,
                IngestWorker.workPrefix("jdbc:postgresql://elsewhere:5432/detainerlab") + unknownJob + "-");
        try {
            worker.removeLeftWorkingDirectories();
            assertThat(mine).doesNotExist();
            assertThat(theirs).exists();
        } finally {
            Files.deleteIfExists(theirs);
            Files.deleteIfExists(mine);
        }
    }
}
