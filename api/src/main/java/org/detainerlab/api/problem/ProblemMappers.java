package org.detainerlab.api.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.detainerlab.core.common.ConflictException;
import org.detainerlab.core.common.DatabaseUnavailable;
import org.detainerlab.core.common.FieldError;
import org.detainerlab.core.common.InvalidQueryException;
import org.detainerlab.core.common.NotPermittedException;
import org.detainerlab.core.common.PreconditionFailedException;
import org.detainerlab.core.curation.BeanChecks;
import org.detainerlab.core.common.PreconditionRequiredException;
import org.detainerlab.core.common.ResourceNotFoundException;
import org.detainerlab.api.team.TeamDirectoryUnavailableException;
import org.detainerlab.core.common.ValidationFailedException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into {@code application/problem+json}. Details describe the request, never the code:
 * no class names or stack traces reach the caller. Unexpected errors are logged with an incident id that the
 * answer repeats.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response notFound(ResourceNotFoundException e, UriInfo uri) {
        return Problem.of("not-found", Status.NOT_FOUND, e.getMessage()).withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri) {
        return Problem.of("conflict", Status.CONFLICT, e.getMessage()).withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response preconditionRequired(PreconditionRequiredException e, UriInfo uri) {
        return Problem.of("precondition-required", 428, "Precondition Required", e.getMessage())
                .withInstance(uri.getPath()).toResponse();
    }

    /** 412 carries the current ETag so that the client knows which version to fetch. */
    @ServerExceptionMapper
    public Response preconditionFailed(PreconditionFailedException e, UriInfo uri) {
        return Response.fromResponse(Problem.of("precondition-failed", Status.PRECONDITION_FAILED, e.getMessage())
                .withInstance(uri.getPath()).toResponse()).header(HttpHeaders.ETAG, e.currentTag()).build();
    }

    @ServerExceptionMapper
    public Response invalidQuery(InvalidQueryException e, UriInfo uri) {
        return Problem.of("invalid-parameter", Status.BAD_REQUEST, "Query parameter '" + e.parameter() + "': "
                + e.getMessage()).withParameter(e.parameter()).withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response invalid(ValidationFailedException e, UriInfo uri) {
        return validationProblem(e.errors(), uri);
    }

    /** Bean Validation: a failed body field is 422 with the field list, a failed query or path parameter 400. */
    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> bodyErrors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String field = BeanChecks.field(violation.getPropertyPath());
            if (field.isEmpty()) {
                String parameter = null;
                for (Path.Node node : violation.getPropertyPath()) {
                    if (node.getKind() == ElementKind.PARAMETER) {
                        parameter = node.getName();
                    }
                }
                return Problem.of("invalid-parameter", Status.BAD_REQUEST,
                                "Parameter '" + parameter + "' " + violation.getMessage())
                        .withParameter(parameter).withInstance(uri.getPath()).toResponse();
            }
            bodyErrors.add(new FieldError(field, violation.getMessage(),
                    violation.getInvalidValue()));
        }
        return validationProblem(bodyErrors, uri);
    }

    private static Response validationProblem(List<FieldError> errors, UriInfo uri) {
        return Problem.of("validation", 422, "Unprocessable Content",
                        errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid")
                .withErrors(errors).withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return Problem.of("malformed-body", Status.BAD_REQUEST,
                "The request body is not valid JSON for this operation" + where).withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        if (OidcUnavailable.causedBy(e)) {
            return identityProviderUnavailable(uri);
        }
        return Response.fromResponse(Problem.of("unauthenticated", Status.UNAUTHORIZED,
                        "A valid bearer token from the detainerlab realm is required").withInstance(uri.getPath())
                        .toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"detainerlab\"").build();
    }

    /** quarkus-oidc cannot reach Keycloak to fetch its keys or metadata. */
    @ServerExceptionMapper
    public Response oidcUnavailable(OIDCException e, UriInfo uri) {
        LOG.warnf("Identity provider unavailable on %s: %s", uri.getPath(), e.getMessage());
        return identityProviderUnavailable(uri);
    }

    private static Response identityProviderUnavailable(UriInfo uri) {
        return Response.fromResponse(Problem.of("authentication-unavailable", Status.SERVICE_UNAVAILABLE,
                                "The identity provider cannot be reached, so the token cannot be checked; try again later")
                        .withInstance(uri.getPath()).toResponse())
                .header(HttpHeaders.RETRY_AFTER, "30").build();
    }

    @ServerExceptionMapper
    public Response teamDirectoryUnavailable(TeamDirectoryUnavailableException e, UriInfo uri) {
        return Response.fromResponse(Problem.of("team-directory-unavailable", Status.SERVICE_UNAVAILABLE, e.getMessage())
                        .withInstance(uri.getPath()).toResponse())
                .header(HttpHeaders.RETRY_AFTER, "30").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of("forbidden", Status.FORBIDDEN, "Your roles do not allow this operation")
                .withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response notPermitted(NotPermittedException e, UriInfo uri) {
        return Problem.of("forbidden", Status.FORBIDDEN, e.getMessage()).withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return unexpected(e, uri);
        }
        if (e instanceof NotFoundException && e.getCause() != null) {
            Response unconvertible = unconvertibleQueryParameter(e.getCause(), uri);
            if (unconvertible != null) {
                return unconvertible;
            }
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return unreadableJson(json, uri);
            }
        }
        return Problem.of("http-" + status.getStatusCode(), status, describe(status.getStatusCode()))
                .withInstance(uri.getPath()).toResponse();
    }

    /**
     * JAX-RS answers 404 when a query parameter cannot be converted to its Java type (a number beyond its range, say);
     * that is the caller's bad value, so it is a 400 naming the parameter whose value the converter quoted.
     */
    private static Response unconvertibleQueryParameter(Throwable cause, UriInfo uri) {
        for (Throwable t = cause; t != null && t.getCause() != t; t = t.getCause()) {
            String message = t.getMessage();
            if (message == null) {
                continue;
            }
            for (var parameter : uri.getQueryParameters().entrySet()) {
                for (String value : parameter.getValue()) {
                    if (message.contains("\"" + value + "\"")) {
                        return Problem.of("invalid-parameter", Status.BAD_REQUEST, "Query parameter '"
                                        + parameter.getKey() + "': '" + value + "' is not a value this operation accepts")
                                .withParameter(parameter.getKey()).withInstance(uri.getPath()).toResponse();
                    }
                }
            }
        }
        return null;
    }

    private static String describe(int status) {
        return switch (status) {
            case 404 -> "There is nothing at this path";
            case 405 -> "This path does not accept that method";
            case 406 -> "No representation matches the Accept header";
            case 415 -> "This operation does not accept that Content-Type";
            default -> "The request cannot be processed as sent";
        };
    }

    /** Seconds a client should wait before trying again while the database is unreachable. */
    static final String DATABASE_RETRY_AFTER = "5";

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseUnavailable.causedBy(e)) {
            return databaseUnavailable(uri);
        }
        if (nulInText(e)) {
            return Problem.of("invalid-text", Status.BAD_REQUEST, "The request holds a NUL character (U+0000), which"
                    + " no text stored here may contain").withInstance(uri.getPath()).toResponse();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", incident, uri.getPath());
        return Problem.of("internal", Status.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it was logged as incident " + incident).withInstance(uri.getPath())
                .toResponse();
    }

    /** The cause is logged once per outage by the database health check and the ingest worker, not per request. */
    private static Response databaseUnavailable(UriInfo uri) {
        LOG.debugf("Database unavailable on %s", uri.getPath());
        return Response.fromResponse(Problem.of("database-unavailable", Status.SERVICE_UNAVAILABLE,
                                "The database cannot be reached just now; nothing was changed. Try again shortly.")
                        .withInstance(uri.getPath()).toResponse())
                .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER).build();
    }

    /** PostgreSQL refuses a NUL character in text (SQL state 22021): what the client sent, not a server fault. */
    private static boolean nulInText(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && "22021".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
