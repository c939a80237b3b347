package org.detainerlab.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.Map;

/**
 * Refuses, before any resource runs, what no operation can use: an overlong request line (414) or header block (431),
 * and a query parameter or path holding a NUL character or a value longer than any real filter (400). Each answer is
 * {@code application/problem+json} naming what was refused, for every path (API, front end and /q alike).
 * <p>
 * The HTTP layer itself accepts request lines and header blocks up to {@code quarkus.http.limits.*} (64 KB); beyond
 * that it answers 414 or 431 with an empty body before any application code sees the request.
 */
@ApplicationScoped
public class RequestGuard {

    /** Longest request target (path and query) accepted. */
    public static final int MAX_URI_LENGTH = 8_192;
    /** Longest header block (names and values) accepted. */
    public static final int MAX_HEADERS_LENGTH = 16_384;
    /** Longest single query parameter value accepted; real filters are far shorter. */
    public static final int MAX_PARAMETER_LENGTH = 1_000;

    private final ObjectMapper json;

    public RequestGuard(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        String uri = request.uri();
        if (uri.length() > MAX_URI_LENGTH) {
            refuse(context, Problem.of("uri-too-long", 414, "URI Too Long", "The request target is " + uri.length()
                    + " characters long; at most " + MAX_URI_LENGTH + " are accepted"));
            return;
        }
        int headers = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headers += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headers > MAX_HEADERS_LENGTH) {
            refuse(context, Problem.of("headers-too-large", 431, "Request Header Fields Too Large", "The request"
                    + " headers take " + headers + " bytes; at most " + MAX_HEADERS_LENGTH + " are accepted"));
            return;
        }
        Problem problem = badTarget(uri);
        if (problem != null) {
            refuse(context, problem);
            return;
        }
        context.next();
    }

    private static Problem badTarget(String uri) {
        QueryStringDecoder decoded;
        try {
            decoded = new QueryStringDecoder(uri);
            decoded.parameters();
            if (decoded.path().indexOf('\0') >= 0) {
                return Problem.of("invalid-path", 400, "Bad Request", "The path holds a NUL character (%00)");
            }
        } catch (IllegalArgumentException e) {
            return Problem.of("invalid-uri", 400, "Bad Request", "The request target is not validly percent-encoded");
        }
        for (Map.Entry<String, List<String>> parameter : decoded.parameters().entrySet()) {
            String name = parameter.getKey();
            if (name.indexOf('\0') >= 0) {
                return Problem.of("invalid-parameter", 400, "Bad Request", "A query parameter name holds a NUL"
                        + " character (%00)");
            }
            for (String value : parameter.getValue()) {
                if (value.indexOf('\0') >= 0) {
                    return Problem.of("invalid-parameter", 400, "Bad Request", "Query parameter '" + name
                            + "' holds a NUL character (%00)").withParameter(name);
                }
                if (value.length() > MAX_PARAMETER_LENGTH) {
                    return Problem.of("invalid-parameter", 400, "Bad Request", "Query parameter '" + name + "' is "
                            + value.length() + " characters long; at most " + MAX_PARAMETER_LENGTH + " are accepted")
                            .withParameter(name);
                }
            }
        }
        return null;
    }

    private void refuse(RoutingContext context, Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem.withInstance(context.request().path()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem is plain values and always serialises", e);
        }
        context.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
    }
}
