package org.detainerlab.api.release;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Starts queued ingest jobs as soon as they are queued: listens on PostgreSQL's channel {@code ingest_job_queued}
 * (a trigger announces every queued job when its transaction commits, whichever instance queued it) and wakes this
 * instance's {@link IngestWorker}. The worker's slow poll remains the fallback, e.g. for a job queued while this
 * connection was being re-established. The connection is its own, not one of the pool's, since it stays open.
 */
@ApplicationScoped
public class IngestQueueListener {

    private static final Logger LOG = Logger.getLogger(IngestQueueListener.class);
    static final String CHANNEL = "ingest_job_queued";
    /** How long one wait for a notification lasts before the thread checks whether it should stop. */
    private static final int WAIT_MILLIS = 5_000;
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(5);

    private final IngestWorker worker;
    private final IngestConfig config;
    private final String url;
    private final String user;
    private final String password;
    private volatile boolean stopping;
    private Thread thread;

    public IngestQueueListener(IngestWorker worker, IngestConfig config,
                               @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                               @ConfigProperty(name = "quarkus.datasource.username") String user,
                               @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.worker = worker;
        this.config = config;
        this.url = url;
        this.user = user;
        this.password = password.orElse("");
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.worker()) {
            return;
        }
        thread = new Thread(this::listen, "ingest-queue-listener");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Not interrupted: the thread may be running a job, whose file reads an interrupt would break; it stops at its
     * next wait, and a job still running when the application ends is swept as interrupted like any other.
     */
    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        if (thread != null) {
            thread.join(WAIT_MILLIS * 2L);
        }
    }

    private void listen() {
        boolean failedBefore = false;
        while (!stopping) {
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                if (failedBefore) {
                    LOG.infof("Listening for queued ingest jobs again");
                    failedBefore = false;
                }
                // jobs queued before this LISTEN took effect were announced to no one
                worker.runQueued();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (!stopping) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        worker.runQueued();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (stopping) {
                    return;
                }
                if (!failedBefore) {
                    LOG.warnf("Not listening for queued ingest jobs (%s); queued jobs start at the worker's next poll"
                            + " until the connection is back", e.getMessage());
                    failedBefore = true;
                }
                try {
                    Thread.sleep(RECONNECT_AFTER.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}
