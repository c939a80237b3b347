package org.detainerlab.api.timing;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Locale;

/**
 * Adds {@code Server-Timing: app;dur=MS} to every answer: the time from the request reaching the HTTP router to
 * the response headers being sent, so authentication, the work and the serialising of a buffered body are all
 * in it. Benchmarks read it to report server-side latency apart from the load generator's own queueing.
 */
@ApplicationScoped
public class ServerTiming {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            long start = System.nanoTime();
            context.addHeadersEndHandler(ignored -> context.response().putHeader("Server-Timing",
                    String.format(Locale.ROOT, "app;dur=%.3f", (System.nanoTime() - start) / 1e6)));
            context.next();
        });
    }
}
