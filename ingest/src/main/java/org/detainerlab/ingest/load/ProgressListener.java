package org.detainerlab.ingest.load;

/** Told how an ingest advances; called on the ingesting thread, so it must be quick. */
public interface ProgressListener {

    ProgressListener NONE = (phase, rowsRead) -> { };

    /** Every {@link ReleaseLoader#PROGRESS_EVERY} rows and at each change of phase. */
    void progress(String phase, long rowsRead);
}
