package org.detainerlab.api.startup;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.detainerlab.core.stats.ColumnarCopy;

/**
 * Starts the columnar copy of the detainer rows after the schema is migrated and the places resolved. It follows
 * the database from then on, also when the database was down at start (it tries again every second).
 */
@ApplicationScoped
public class ColumnarStart {

    private final ColumnarCopy copy;

    public ColumnarStart(ColumnarCopy copy) {
        this.copy = copy;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 200) StartupEvent event) {
        copy.start();
    }
}
