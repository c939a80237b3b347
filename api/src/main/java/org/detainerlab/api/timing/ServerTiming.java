package org.detainerlab.api.timing;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Adds {@code Server-Timing: app;dur=MS} to every answer: the time from the request reaching the HTTP router to
 * the response headers being sent, so authentication, the work and the serialising of a buffered body are all
 * in it. Benchmarks read it to report server-side latency apart from the load generator's own queueing.
 * The value is written by hand rather than with {@code String.format}: it is on every answer, and a formatter
 * per request cost about 6% of the CPU of a cached statistics answer (docs/benchmarks.md, issue 19).
 */
@ApplicationScoped
public class ServerTiming {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            long start = System.nanoTime();
            context.addHeadersEndHandler(ignored -> context.response().putHeader("Server-Timing",
                    header(System.nanoTime() - start)));
            context.next();
        });
    }

    /** {@code app;dur=} and the milliseconds with three decimals, e.g. {@code app;dur=0.650}. */
    static String header(long nanos) {
        long micros = Math.max(0, nanos) / 1_000;
        long fraction = micros % 1_000;
        return "app;dur=" + micros / 1_000 + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
    }
}
