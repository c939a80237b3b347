package org.detainerlab.api.release;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How this instance takes part in ingest work ({@code detainerlab.ingest.*}). */
@ConfigMapping(prefix = "detainerlab.ingest")
public interface IngestConfig {

    /** Whether this instance claims and runs queued jobs (any number of instances may). */
    @WithDefault("true")
    boolean worker();

    /**
     * How often this instance looks for queued jobs it was not told about (a queued job is announced by
     * PostgreSQL's NOTIFY and starts at once; see IngestQueueListener).
     */
    @WithDefault("30s")
    Duration pollEvery();

    /** A running job whose heartbeat is older than this is reported as interrupted. */
    @WithDefault("60s")
    Duration abandonedAfter();

    /** Default share of rejected rows above which an ingest stops and loads nothing. */
    @WithDefault("0.01")
    double maxRejectedShare();

    /** Default share of rejected rows above which the report warns. */
    @WithDefault("0")
    double warnRejectedShare();
}
