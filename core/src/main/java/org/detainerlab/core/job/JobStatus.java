package org.detainerlab.core.job;

/** Where an ingest job is: waiting for an instance, running on one, or ended. */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED
}
