package org.detainerlab.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.core.Response;

import java.util.List;

import org.detainerlab.core.common.FieldError;

/**
 * An RFC 9457 problem detail: a stable {@code type}, a short {@code title}, the HTTP {@code status}, a
 * human {@code detail}, and where it applies the failed {@code parameter} or field {@code errors}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String parameter,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:detainerlab:problem:";

    public static Problem of(String slug, Response.StatusType status, String detail) {
        return of(slug, status.getStatusCode(), status.getReasonPhrase(), detail);
    }

    public static Problem of(String slug, int status, String title, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, null, null, null);
    }

    public Problem withParameter(String name) {
        return new Problem(type, title, status, detail, instance, name, errors);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, parameter, fieldErrors);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, parameter, errors);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
