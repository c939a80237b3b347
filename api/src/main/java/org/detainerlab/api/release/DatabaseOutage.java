package org.detainerlab.api.release;

import java.time.Duration;

import org.detainerlab.core.common.DatabaseUnavailable;
import org.jboss.logging.Logger;

/**
 * A background task's view of the database being down: it logs the outage once (and once its end), waits longer
 * between attempts while it lasts (1 s doubling to 30 s), and rethrows any other failure.
 */
final class DatabaseOutage {

    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private final Logger log;
    private final String task;
    private boolean down;
    private Duration wait = FIRST_WAIT;
    private long nextAttempt;

    DatabaseOutage(Logger log, String task) {
        this.log = log;
        this.task = task;
    }

    /** Whether the task should skip this turn because the database was down at its last attempt. */
    synchronized boolean waiting() {
        return down && System.nanoTime() < nextAttempt;
    }

    synchronized void reachable() {
        if (down) {
            log.infof("The database is reachable again; the %s resumes", task);
        }
        down = false;
        wait = FIRST_WAIT;
    }

    synchronized void failed(RuntimeException failure) {
        if (!DatabaseUnavailable.causedBy(failure)) {
            throw failure;
        }
        if (!down) {
            log.warnf("The database cannot be reached (%s); the %s retries quietly, at most every %d s, until it"
                    + " answers", failure.getMessage(), task, LONGEST_WAIT.toSeconds());
        } else {
            wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
        }
        down = true;
        nextAttempt = System.nanoTime() + wait.toNanos();
    }
}
